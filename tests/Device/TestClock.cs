using System;
using KiWhi.Armoire.Hal;

namespace KiWhi.Armoire.Tests.Device
{
    /// <summary>A clock moved only by the test, so journal records carry the same times on every platform.</summary>
    public sealed class TestClock : IClock
    {
        private DateTime _utcNow;

        public TestClock(long monotonicMs)
        {
            MonotonicMs = monotonicMs;
        }

        public long MonotonicMs { get; set; }

        public bool IsWallClockSet { get; private set; }

        public DateTime UtcNow
        {
            get { return _utcNow; }
        }

        public void SetUtcNow(DateTime utcNow)
        {
            _utcNow = utcNow;
            IsWallClockSet = true;
        }
    }
}
