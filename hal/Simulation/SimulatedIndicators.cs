using System;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>Front-panel LED and buzzer: the current colour, the last pattern played and the history of calls. Thread-safe.</summary>
    public sealed class SimulatedIndicators : IIndicators
    {
        /// <summary>Calls kept by default before the oldest are dropped.</summary>
        public const int DefaultHistoryCapacity = 1000;

        private readonly object _lock = new object();
        private readonly IClock _clock;
        private readonly BoundedHistory<IndicatorEvent> _history;
        private IndicatorColor _color = IndicatorColor.Off;
        private BuzzerPattern _lastPattern = BuzzerPattern.None;
        private long _showCount;

        /// <summary>Creates indicators with the LED off; calls are stamped with <paramref name="clock"/> when given.</summary>
        public SimulatedIndicators(IClock clock = null, int historyCapacity = DefaultHistoryCapacity)
        {
            _clock = clock;
            _history = new BoundedHistory<IndicatorEvent>(historyCapacity);
        }

        public IndicatorColor Color
        {
            get
            {
                lock (_lock)
                {
                    return _color;
                }
            }
        }

        /// <summary>Pattern of the last call, <see cref="BuzzerPattern.None"/> included.</summary>
        public BuzzerPattern LastPattern
        {
            get
            {
                lock (_lock)
                {
                    return _lastPattern;
                }
            }
        }

        /// <summary>Calls of <see cref="Show"/> since creation.</summary>
        public long ShowCount
        {
            get
            {
                lock (_lock)
                {
                    return _showCount;
                }
            }
        }

        /// <summary>Calls of <see cref="Show"/>, oldest first.</summary>
        public IndicatorEvent[] History
        {
            get
            {
                lock (_lock)
                {
                    return _history.ToArray();
                }
            }
        }

        public void Show(IndicatorColor color, BuzzerPattern pattern)
        {
            long nowMs = _clock == null ? 0 : _clock.MonotonicMs;
            lock (_lock)
            {
                _color = color;
                _lastPattern = pattern;
                _showCount++;
                _history.Add(new IndicatorEvent(nowMs, color, pattern));
            }
        }
    }
}
