using System;
using System.Threading;
using KiWhi.Armoire.Boards;
using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Tests.Device.InstallerChecks;

namespace KiWhi.Armoire.Tests.Device
{
    /// <summary>
    /// Host stand-in for a wired cabinet and its installer: the hal/Simulation models of one board, and a
    /// background thread that performs each <see cref="InstallerStep"/> (presses every key, pulses every
    /// S0 input) until the check ends the step. One optional wiring fault makes a model misbehave.
    /// </summary>
    internal sealed class SimulatedInstaller
    {
        /// <summary>Environment variable that selects one of <see cref="Faults"/>. Unset or empty models a cabinet without fault.</summary>
        public const string FaultVariable = "KIWHI_INSTALLER_CHECK_FAULT";

        /// <summary>Faults the simulation can model, each of which one installer check must report.</summary>
        public static readonly string[] Faults = new string[]
        {
            "reader-missing",         // VersionReg reads 00h, as with no chip on the SPI bus
            "reader-clone",           // VersionReg reads 88h, the FM17522 clone
            "contactor-stuck-open",   // the last bay's contactor never closes
            "contactor-stuck-closed", // the last bay's contactor never opens again
            "contactor-crossed",      // the last bay's output also switches bay 1's contactor
            "keypad-missing-key",     // the last key of the key map never reaches the firmware
            "meter-noise",            // bay 1's S0 input counts a pulse every 50 ms, idle or not
            "meter-dead-input",       // the last bay's S0 input never counts a pulse
        };

        private const int KeyPressGapMs = 5;
        private const int PulseGapMs = 5;
        private const int NoisePeriodMs = 50;

        private readonly string _fault;
        private readonly SimulatedKeypad _keypad = new SimulatedKeypad();
        private readonly SimulatedPulseMeter _meter;
        private readonly object _stepLock = new object();
        private Thread _stepThread;
        private volatile bool _stopStep;

        /// <summary>Builds the models of <paramref name="board"/>. <paramref name="fault"/> is null, empty or one of <see cref="Faults"/>.</summary>
        public SimulatedInstaller(BoardProfile board, string fault)
        {
            _fault = string.IsNullOrEmpty(fault) ? null : fault;
            if (_fault != null && Array.IndexOf(Faults, _fault) < 0)
            {
                throw new ArgumentException("Invalid " + FaultVariable + " value '" + fault + "'. Set one of " + string.Join(", ", Faults) + ", or leave it unset.", nameof(fault));
            }

            Board = board;
            Clock = new SystemClock();

            SimulatedCardReader reader = new SimulatedCardReader();
            if (_fault == "reader-missing")
            {
                reader.ChipVersion = 0x00;
            }
            else if (_fault == "reader-clone")
            {
                reader.ChipVersion = ReaderChipVersion.Fm17522Clone;
            }

            CardReader = reader;

            SimulatedContactorBank contactors = new SimulatedContactorBank(board.ContactorPins.Length, board.ContactorActiveHigh, Clock);
            Contactors = _fault != null && _fault.StartsWith("contactor-", StringComparison.Ordinal)
                ? new MiswiredContactorBank(contactors, _fault)
                : contactors;

            _meter = new SimulatedPulseMeter(board.MeterPins.Length, board.MeterPulsesPerKwh);
            if (_fault == "meter-noise")
            {
                StartBackground("S0 noise", MakeNoise);
            }
        }

        public BoardProfile Board { get; }
        public IClock Clock { get; }
        public ICardTransceiver CardReader { get; }
        public IContactorBank Contactors { get; }

        public IKeypad Keypad
        {
            get { return _keypad; }
        }

        public IEnergyMeter Meters
        {
            get { return _meter; }
        }

        /// <summary>Starts performing <paramref name="step"/> on a background thread. A step still running is ended first.</summary>
        public void Begin(InstallerStep step)
        {
            End();
            lock (_stepLock)
            {
                _stopStep = false;
                switch (step)
                {
                    case InstallerStep.PressEveryKey:
                        _stepThread = StartBackground("installer: keys", PressEveryKey);
                        break;
                    case InstallerStep.PulseEveryMeterInput:
                        _stepThread = StartBackground("installer: S0 inputs", PulseEveryInput);
                        break;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(step), step, "No simulated installer action for this step.");
                }
            }
        }

        /// <summary>Stops the running step, if any, and waits for its thread.</summary>
        public void End()
        {
            Thread thread;
            lock (_stepLock)
            {
                thread = _stepThread;
                _stepThread = null;
                _stopStep = true;
            }

            thread?.Join();
        }

        private void PressEveryKey()
        {
            string keys = Board.KeyMap;
            int count = _fault == "keypad-missing-key" ? keys.Length - 1 : keys.Length;
            for (int i = 0; i < count && !_stopStep; i++)
            {
                if (SimulatedKeypad.IsValidKey(keys[i]))
                {
                    _keypad.Press(keys[i]);
                }

                Thread.Sleep(KeyPressGapMs);
            }
        }

        private void PulseEveryInput()
        {
            int count = _fault == "meter-dead-input" ? _meter.BayCount - 1 : _meter.BayCount;
            for (int bay = 1; bay <= count && !_stopStep; bay++)
            {
                _meter.Pulse(bay);
                Thread.Sleep(PulseGapMs);
            }
        }

        private void MakeNoise()
        {
            while (true)
            {
                Thread.Sleep(NoisePeriodMs);
                _meter.Pulse(1);
            }
        }

        private static Thread StartBackground(string name, ThreadStart work)
        {
            Thread thread = new Thread(work);
            thread.Name = name;
            thread.IsBackground = true;
            thread.Start();
            return thread;
        }

        /// <summary>Contactor bank with one wiring fault on its last bay: stuck open, stuck closed, or crossed with bay 1.</summary>
        private sealed class MiswiredContactorBank : IContactorBank
        {
            private readonly IContactorBank _inner;
            private readonly int _lastBay;
            private readonly string _fault;

            public MiswiredContactorBank(IContactorBank inner, string fault)
            {
                _inner = inner;
                _lastBay = inner.Count;
                _fault = fault;
            }

            public int Count
            {
                get { return _inner.Count; }
            }

            public void Set(int bay, bool closed)
            {
                if (bay == _lastBay)
                {
                    if ((_fault == "contactor-stuck-open" && closed) || (_fault == "contactor-stuck-closed" && !closed))
                    {
                        return;
                    }

                    if (_fault == "contactor-crossed")
                    {
                        _inner.Set(1, closed);
                    }
                }

                _inner.Set(bay, closed);
            }

            public bool IsClosed(int bay)
            {
                return _inner.IsClosed(bay);
            }

            public void OpenAll()
            {
                for (int bay = 1; bay <= _inner.Count; bay++)
                {
                    Set(bay, false);
                }
            }
        }
    }
}
