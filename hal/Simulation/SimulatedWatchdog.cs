using System;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>
    /// Watchdog that records when it is fed instead of rebooting: tests check <see cref="IsExpired"/>
    /// and <see cref="MaxFeedGapMs"/> against the armed timeout. Thread-safe.
    /// </summary>
    public sealed class SimulatedWatchdog : IWatchdog
    {
        private readonly object _lock = new object();
        private readonly IClock _clock;
        private int _timeoutMs;
        private bool _isStarted;
        private long _lastFeedMs;
        private long _maxFeedGapMs;
        private long _feedCount;

        public SimulatedWatchdog(IClock clock)
        {
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        }

        public bool IsStarted
        {
            get
            {
                lock (_lock)
                {
                    return _isStarted;
                }
            }
        }

        /// <summary>Timeout given to <see cref="Start"/>, in ms; 0 before.</summary>
        public int TimeoutMs
        {
            get
            {
                lock (_lock)
                {
                    return _timeoutMs;
                }
            }
        }

        /// <summary>Calls of <see cref="Feed"/> since <see cref="Start"/>.</summary>
        public long FeedCount
        {
            get
            {
                lock (_lock)
                {
                    return _feedCount;
                }
            }
        }

        /// <summary>Longest time between <see cref="Start"/> or a feed and the next feed, in ms.</summary>
        public long MaxFeedGapMs
        {
            get
            {
                lock (_lock)
                {
                    return _maxFeedGapMs;
                }
            }
        }

        /// <summary>True when the watchdog is armed and has not been fed for longer than its timeout: the device would have rebooted.</summary>
        public bool IsExpired
        {
            get
            {
                long nowMs = _clock.MonotonicMs;
                lock (_lock)
                {
                    return _isStarted && nowMs - _lastFeedMs > _timeoutMs;
                }
            }
        }

        public void Start(int timeoutMs)
        {
            if (timeoutMs <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(timeoutMs), timeoutMs, "The watchdog timeout must be positive.");
            }

            long nowMs = _clock.MonotonicMs;
            lock (_lock)
            {
                _timeoutMs = timeoutMs;
                _isStarted = true;
                _lastFeedMs = nowMs;
                _maxFeedGapMs = 0;
                _feedCount = 0;
            }
        }

        /// <summary>Records a feed; a feed before <see cref="Start"/> is ignored, as it is by an unarmed hardware watchdog.</summary>
        public void Feed()
        {
            long nowMs = _clock.MonotonicMs;
            lock (_lock)
            {
                if (!_isStarted)
                {
                    return;
                }

                _maxFeedGapMs = Math.Max(_maxFeedGapMs, nowMs - _lastFeedMs);
                _lastFeedMs = nowMs;
                _feedCount++;
            }
        }
    }
}
