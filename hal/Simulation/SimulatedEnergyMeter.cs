using System;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>
    /// One energy register per bay, in Wh. Built over a <see cref="SimulatedContactorBank"/>, a bay's
    /// register grows at its power while its contactor is closed, timed by the bank's clock; energy can
    /// also be added by hand. Thread-safe.
    /// </summary>
    public sealed class SimulatedEnergyMeter : IEnergyMeter
    {
        private const double MsPerHour = 3600000.0;

        private readonly object _lock = new object();
        private readonly double[] _registerWh;
        private readonly double[] _powerW;
        private readonly bool[] _closed;
        private readonly long[] _integratedUntilMs;
        private readonly IClock _clock;

        /// <summary>Creates <paramref name="bayCount"/> registers at 0 Wh that change only through <see cref="AddEnergy"/> and <see cref="SetRegisterWh"/>.</summary>
        public SimulatedEnergyMeter(int bayCount)
        {
            if (bayCount < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(bayCount), bayCount, "A cabinet has at least one bay.");
            }

            _registerWh = new double[bayCount];
            _powerW = new double[bayCount];
            _closed = new bool[bayCount];
            _integratedUntilMs = new long[bayCount];
        }

        /// <summary>
        /// Creates one register per contactor of <paramref name="contactors"/>, which must have a clock.
        /// Each bay draws <paramref name="powerW"/> watts while its contactor is closed.
        /// </summary>
        public SimulatedEnergyMeter(SimulatedContactorBank contactors, double powerW)
            : this(contactors == null ? 1 : contactors.Count)
        {
            if (contactors == null)
            {
                throw new ArgumentNullException(nameof(contactors));
            }

            if (contactors.Clock == null)
            {
                throw new ArgumentException("The contactor bank needs a clock to time the energy drawn.", nameof(contactors));
            }

            CheckPower(powerW);
            _clock = contactors.Clock;
            for (int index = 0; index < _powerW.Length; index++)
            {
                _powerW[index] = powerW;
            }

            contactors.AddObserver(new SwitchObserver(this));
        }

        public int BayCount
        {
            get { return _registerWh.Length; }
        }

        /// <summary>Returns the register of <paramref name="bay"/>, rounded down to whole Wh.</summary>
        public long ReadRegisterWh(int bay)
        {
            lock (_lock)
            {
                int index = ToIndex(bay);
                IntegrateLocked(index, NowMs());
                return (long)Math.Floor(_registerWh[index]);
            }
        }

        /// <summary>Returns the power drawn by <paramref name="bay"/> while its contactor is closed, in W.</summary>
        public double GetPowerW(int bay)
        {
            lock (_lock)
            {
                return _powerW[ToIndex(bay)];
            }
        }

        /// <summary>Sets the power drawn by <paramref name="bay"/> from now on, in W (0 for a car that has finished charging).</summary>
        public void SetPowerW(int bay, double powerW)
        {
            CheckPower(powerW);
            lock (_lock)
            {
                int index = ToIndex(bay);
                IntegrateLocked(index, NowMs());
                _powerW[index] = powerW;
            }
        }

        /// <summary>Adds <paramref name="energyWh"/> (zero or more) to the register of <paramref name="bay"/>.</summary>
        public void AddEnergy(int bay, double energyWh)
        {
            if (energyWh < 0 || double.IsNaN(energyWh) || double.IsInfinity(energyWh))
            {
                throw new ArgumentOutOfRangeException(nameof(energyWh), energyWh, "An energy register only grows: add a finite, non-negative amount.");
            }

            lock (_lock)
            {
                int index = ToIndex(bay);
                IntegrateLocked(index, NowMs());
                _registerWh[index] += energyWh;
            }
        }

        /// <summary>
        /// Overwrites the register of <paramref name="bay"/>, backwards too, to simulate a meter that
        /// was replaced or does not start at zero.
        /// </summary>
        public void SetRegisterWh(int bay, long energyWh)
        {
            if (energyWh < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(energyWh), energyWh, "A meter register cannot be negative.");
            }

            lock (_lock)
            {
                int index = ToIndex(bay);
                IntegrateLocked(index, NowMs());
                _registerWh[index] = energyWh;
            }
        }

        private void OnAttached(bool[] closed, long monotonicMs)
        {
            lock (_lock)
            {
                for (int index = 0; index < closed.Length; index++)
                {
                    _closed[index] = closed[index];
                    _integratedUntilMs[index] = monotonicMs;
                }
            }
        }

        private void OnSwitched(int bay, bool closed, long monotonicMs)
        {
            lock (_lock)
            {
                int index = bay - 1;
                IntegrateLocked(index, monotonicMs);
                _closed[index] = closed;
            }
        }

        private void IntegrateLocked(int index, long nowMs)
        {
            if (_clock == null)
            {
                return;
            }

            long elapsedMs = nowMs - _integratedUntilMs[index];
            if (elapsedMs <= 0)
            {
                return;
            }

            if (_closed[index])
            {
                _registerWh[index] += _powerW[index] * elapsedMs / MsPerHour;
            }

            _integratedUntilMs[index] = nowMs;
        }

        private long NowMs()
        {
            return _clock == null ? 0 : _clock.MonotonicMs;
        }

        private int ToIndex(int bay)
        {
            if (bay < 1 || bay > _registerWh.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(bay), bay, "Bays are numbered 1 to " + _registerWh.Length + ".");
            }

            return bay - 1;
        }

        private static void CheckPower(double powerW)
        {
            if (powerW < 0 || double.IsNaN(powerW) || double.IsInfinity(powerW))
            {
                throw new ArgumentOutOfRangeException(nameof(powerW), powerW, "The power must be a finite number of watts, zero or more.");
            }
        }

        private sealed class SwitchObserver : IContactorObserver
        {
            private readonly SimulatedEnergyMeter _meter;

            public SwitchObserver(SimulatedEnergyMeter meter)
            {
                _meter = meter;
            }

            public void OnAttached(bool[] closed, long monotonicMs)
            {
                _meter.OnAttached(closed, monotonicMs);
            }

            public void OnSwitched(int bay, bool closed, long monotonicMs)
            {
                _meter.OnSwitched(bay, closed, monotonicMs);
            }
        }
    }
}
