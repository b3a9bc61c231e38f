using System;
using System.Device.Gpio;
using KiWhi.Armoire.Boards;

namespace KiWhi.Armoire.Hal.Nano
{
    /// <summary>
    /// Energy registers counted from the S0 pulse outputs of the bays' meters. An S0 output is an open
    /// collector pulled up on the board: a pulse pulls the input low, so each falling edge is one pulse,
    /// worth 1000 / pulses-per-kWh Wh.
    /// </summary>
    /// <remarks>
    /// NOTE: the count is kept in RAM and restarts at 0 Wh at every boot. A register read after a
    /// reboot is therefore lower than one read before it.
    /// </remarks>
    public sealed class S0PulseEnergyMeter : IEnergyMeter, IPulseCounter
    {
        private readonly object _sync = new object();
        private readonly int[] _meterPins;
        private readonly long[] _pulses;
        private readonly GpioPin[] _inputs;
        private readonly int _pulsesPerKwh;

        /// <summary>Opens the meter inputs of <paramref name="profile"/> with the GPIO driver's debounce filter.</summary>
        public S0PulseEnergyMeter(BoardProfile profile, GpioController gpio)
        {
            _meterPins = profile.MeterPins;
            _pulsesPerKwh = profile.MeterPulsesPerKwh;
            _pulses = new long[_meterPins.Length];
            _inputs = new GpioPin[_meterPins.Length];

            for (int i = 0; i < _meterPins.Length; i++)
            {
                // External pull-ups: GPIO 34-39 have no internal ones, so the same wiring works on every pin.
                _inputs[i] = gpio.OpenPin(_meterPins[i], PinMode.Input);
                _inputs[i].DebounceTimeout = TimeSpan.FromTicks(profile.MeterDebounceMs * TimeSpan.TicksPerMillisecond);
                _inputs[i].ValueChanged += OnValueChanged;
            }
        }

        /// <summary>Returns the Wh counted on <paramref name="bay"/> since power-on, rounded down; 0 for an unknown bay.</summary>
        public long ReadRegisterWh(int bay)
        {
            if (bay < 1 || bay > _pulses.Length)
            {
                return 0;
            }

            long pulses;
            lock (_sync)
            {
                pulses = _pulses[bay - 1];
            }

            return pulses * 1000 / _pulsesPerKwh;
        }

        /// <summary>Returns the number of falling edges counted on the input of <paramref name="bay"/> since power-on, or 0 for an unknown bay.</summary>
        public long ReadPulseCount(int bay)
        {
            if (bay < 1 || bay > _pulses.Length)
            {
                return 0;
            }

            lock (_sync)
            {
                return _pulses[bay - 1];
            }
        }

        private void OnValueChanged(object sender, PinValueChangedEventArgs e)
        {
            if (e.ChangeType != PinEventTypes.Falling)
            {
                return;
            }

            for (int i = 0; i < _meterPins.Length; i++)
            {
                if (_meterPins[i] == e.PinNumber)
                {
                    lock (_sync)
                    {
                        _pulses[i]++;
                    }

                    return;
                }
            }
        }
    }
}
