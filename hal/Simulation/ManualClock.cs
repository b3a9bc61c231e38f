using System;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>
    /// Clock for tests: the monotonic time moves only when <see cref="AdvanceMs"/> is called. The wall
    /// clock is unset, as on an ESP32 after power-on, until <see cref="SetUtcNow"/>; it then advances
    /// with the monotonic time.
    /// </summary>
    public sealed class ManualClock : IClock
    {
        private readonly object _lock = new object();
        private long _monotonicMs;
        private bool _isWallClockSet;
        private DateTime _utcAtSet;
        private long _monotonicMsAtSet;

        /// <summary>Creates a clock whose monotonic time starts at <paramref name="startMs"/> (0 by default).</summary>
        public ManualClock(long startMs = 0)
        {
            if (startMs < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(startMs), startMs, "The monotonic time cannot be negative.");
            }

            _monotonicMs = startMs;
        }

        public long MonotonicMs
        {
            get
            {
                lock (_lock)
                {
                    return _monotonicMs;
                }
            }
        }

        public bool IsWallClockSet
        {
            get
            {
                lock (_lock)
                {
                    return _isWallClockSet;
                }
            }
        }

        /// <summary>
        /// Current UTC time. Before <see cref="SetUtcNow"/> it is the Unix epoch plus the monotonic time,
        /// which is what an ESP32 without a time source reports.
        /// </summary>
        public DateTime UtcNow
        {
            get
            {
                lock (_lock)
                {
                    if (!_isWallClockSet)
                    {
                        return DateTime.UnixEpoch.AddMilliseconds(_monotonicMs);
                    }

                    return _utcAtSet.AddMilliseconds(_monotonicMs - _monotonicMsAtSet);
                }
            }
        }

        public void SetUtcNow(DateTime utcNow)
        {
            DateTime utc = ClockTime.ToUtc(utcNow);
            lock (_lock)
            {
                _utcAtSet = utc;
                _monotonicMsAtSet = _monotonicMs;
                _isWallClockSet = true;
            }
        }

        /// <summary>Moves the monotonic time (and the wall clock, once set) forward by <paramref name="ms"/>.</summary>
        public void AdvanceMs(long ms)
        {
            if (ms < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(ms), ms, "The monotonic time never goes backwards.");
            }

            lock (_lock)
            {
                _monotonicMs += ms;
            }
        }

        /// <summary>Moves the time forward by whole seconds.</summary>
        public void AdvanceSeconds(int seconds)
        {
            AdvanceMs(seconds * 1000L);
        }
    }
}
