using System;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>
    /// S0 pulse inputs of the bays' meters, counted like the device's S0PulseEnergyMeter: <see cref="Pulse"/>
    /// is one falling edge, and the register is the pulse count times 1000 / pulses per kWh, rounded
    /// down. Thread-safe, so a thread that simulates the meters may pulse while the test reads.
    /// </summary>
    public sealed class SimulatedPulseMeter : IEnergyMeter, IPulseCounter
    {
        private readonly object _lock = new object();
        private readonly long[] _pulses;
        private readonly int _pulsesPerKwh;

        /// <summary>Creates <paramref name="bayCount"/> inputs with no pulse counted, for meters of <paramref name="pulsesPerKwh"/> imp/kWh.</summary>
        public SimulatedPulseMeter(int bayCount, int pulsesPerKwh)
        {
            if (bayCount < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(bayCount), bayCount, "A cabinet has at least one bay.");
            }

            if (pulsesPerKwh < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(pulsesPerKwh), pulsesPerKwh, "The meter constant is a positive number of imp/kWh.");
            }

            _pulses = new long[bayCount];
            _pulsesPerKwh = pulsesPerKwh;
        }

        public int BayCount
        {
            get { return _pulses.Length; }
        }

        /// <summary>Counts one pulse on the input of <paramref name="bay"/>. Throws <see cref="ArgumentOutOfRangeException"/> for a bay the meter does not have.</summary>
        public void Pulse(int bay)
        {
            if (bay < 1 || bay > _pulses.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(bay), bay, "Bays are numbered 1 to " + _pulses.Length + ".");
            }

            lock (_lock)
            {
                _pulses[bay - 1]++;
            }
        }

        /// <summary>Returns the number of pulses counted on <paramref name="bay"/>, or 0 for an unknown bay, as on the device.</summary>
        public long ReadPulseCount(int bay)
        {
            if (bay < 1 || bay > _pulses.Length)
            {
                return 0;
            }

            lock (_lock)
            {
                return _pulses[bay - 1];
            }
        }

        /// <summary>Returns the register of <paramref name="bay"/> in Wh, rounded down, or 0 for an unknown bay, as on the device.</summary>
        public long ReadRegisterWh(int bay)
        {
            return ReadPulseCount(bay) * 1000 / _pulsesPerKwh;
        }
    }
}
