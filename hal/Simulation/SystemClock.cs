using System;
using System.Diagnostics;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>
    /// Real-time clock of the host: the monotonic time comes from <see cref="Stopwatch"/>. The wall clock
    /// stays unset until <see cref="SetUtcNow"/>, even though the host has the time, so the virtual
    /// cabinet behaves like an ESP32 without a battery-backed clock.
    /// </summary>
    public sealed class SystemClock : IClock
    {
        private readonly object _lock = new object();
        private readonly Stopwatch _stopwatch = Stopwatch.StartNew();
        private bool _isWallClockSet;
        private DateTime _utcAtSet;
        private long _monotonicMsAtSet;

        public long MonotonicMs
        {
            get { return _stopwatch.ElapsedMilliseconds; }
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
        /// Current UTC time. Before <see cref="SetUtcNow"/> it is the Unix epoch plus the time since this
        /// clock was created, like an ESP32 without a time source.
        /// </summary>
        public DateTime UtcNow
        {
            get
            {
                long nowMs = MonotonicMs;
                lock (_lock)
                {
                    if (!_isWallClockSet)
                    {
                        return DateTime.UnixEpoch.AddMilliseconds(nowMs);
                    }

                    return _utcAtSet.AddMilliseconds(nowMs - _monotonicMsAtSet);
                }
            }
        }

        public void SetUtcNow(DateTime utcNow)
        {
            DateTime utc = ClockTime.ToUtc(utcNow);
            long nowMs = MonotonicMs;
            lock (_lock)
            {
                _utcAtSet = utc;
                _monotonicMsAtSet = nowMs;
                _isWallClockSet = true;
            }
        }
    }
}
