using System;
using System.Device.Gpio;
using KiWhi.Armoire.Boards;

namespace KiWhi.Armoire.Hal.Nano
{
    /// <summary>
    /// Contactor outputs on ESP32 GPIOs, one per bay, with the board's polarity. Every output is
    /// driven to its open level as soon as it is opened, before any other pin of the cabinet.
    /// </summary>
    public sealed class GpioContactorBank : IContactorBank
    {
        private readonly GpioPin[] _pins;
        private readonly bool[] _closed;
        private readonly PinValue _closedLevel;
        private readonly PinValue _openLevel;

        /// <summary>Opens the contactor pins of <paramref name="profile"/> as outputs at the open level.</summary>
        public GpioContactorBank(BoardProfile profile, GpioController gpio)
        {
            _closedLevel = profile.ContactorActiveHigh ? PinValue.High : PinValue.Low;
            _openLevel = profile.ContactorActiveHigh ? PinValue.Low : PinValue.High;
            _pins = new GpioPin[profile.ContactorPins.Length];
            _closed = new bool[_pins.Length];

            for (int i = 0; i < _pins.Length; i++)
            {
                // nanoFramework switches a pin to output at the low level and refuses Write while the pin
                // is an input (nf-interpreter GpioPin SetPinMode and Write), so the level can only be set
                // right after the mode.
                // NOTE: on an active-low board the contactor output is therefore low (closed) for the few
                // microseconds between these two calls, far shorter than a relay needs to pull in.
                _pins[i] = gpio.OpenPin(profile.ContactorPins[i], PinMode.Output);
                _pins[i].Write(_openLevel);
            }
        }

        public int Count
        {
            get { return _pins.Length; }
        }

        /// <summary>Drives the contactor of <paramref name="bay"/> (1-based); an unknown bay changes nothing.</summary>
        public void Set(int bay, bool closed)
        {
            if (bay < 1 || bay > _pins.Length)
            {
                return;
            }

            _pins[bay - 1].Write(closed ? _closedLevel : _openLevel);
            _closed[bay - 1] = closed;
        }

        public bool IsClosed(int bay)
        {
            return bay >= 1 && bay <= _pins.Length && _closed[bay - 1];
        }

        /// <summary>Drives every output to the open level; a failing pin does not stop the others.</summary>
        public void OpenAll()
        {
            for (int i = 0; i < _pins.Length; i++)
            {
                try
                {
                    _pins[i].Write(_openLevel);
                    _closed[i] = false;
                }
                catch (Exception)
                {
                    // Keep opening the other bays; the failed pin reports itself on the next Set.
                }
            }
        }
    }
}
