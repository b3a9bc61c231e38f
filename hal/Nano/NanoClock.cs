using System;
using nanoFramework.Runtime.Native;

namespace KiWhi.Armoire.Hal.Nano
{
    /// <summary>
    /// Clock of the device. Monotonic time is <c>Environment.TickCount64</c> (package
    /// nanoFramework.Runtime.Native): milliseconds since boot from the system timer, unaffected by
    /// SNTP or <see cref="SetUtcNow"/>, unlike <c>DateTime.UtcNow</c>. The wall clock is derived from
    /// the monotonic time and the last <see cref="SetUtcNow"/>.
    /// </summary>
    public sealed class NanoClock : IClock
    {
        private readonly object _sync = new object();
        private bool _wallClockSet;
        private DateTime _utcAtSet;
        private long _monotonicAtSetMs;

        public long MonotonicMs
        {
            get { return Environment.TickCount64; }
        }

        public bool IsWallClockSet
        {
            get
            {
                lock (_sync)
                {
                    return _wallClockSet;
                }
            }
        }

        public DateTime UtcNow
        {
            get
            {
                lock (_sync)
                {
                    return _utcAtSet.AddTicks((Environment.TickCount64 - _monotonicAtSetMs) * TimeSpan.TicksPerMillisecond);
                }
            }
        }

        /// <summary>Sets the wall clock and the system time, so that TLS certificate checks see the same time.</summary>
        public void SetUtcNow(DateTime utcNow)
        {
            lock (_sync)
            {
                _utcAtSet = utcNow;
                _monotonicAtSetMs = Environment.TickCount64;
                _wallClockSet = true;
            }

            Rtc.SetSystemTime(utcNow);
        }
    }
}
