namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// The firmware's one logger: levels, a component name, and a ring of recent lines the technician
    /// console can show. Never pass a key, a password or a card secret to it.
    /// </summary>
    public sealed class Logger
    {
        /// <summary>Lines kept for the console's log listing.</summary>
        public const int RingCapacity = 64;

        private readonly ILogSink _sink;
        private readonly Hal.IClock _clock;
        private readonly string[] _ring = new string[RingCapacity];
        private readonly LogLevel[] _ringLevels = new LogLevel[RingCapacity];
        private readonly long[] _ringTimesMs = new long[RingCapacity];
        private int _ringNext;
        private int _ringCount;

        public Logger(ILogSink sink, Hal.IClock clock)
        {
            _sink = sink;
            _clock = clock;
            MinimumLevel = LogLevel.Debug;
        }

        /// <summary>Lines below this level are dropped.</summary>
        public LogLevel MinimumLevel { get; set; }

        /// <summary>Number of lines in the ring, at most <see cref="RingCapacity"/>.</summary>
        public int RecentCount
        {
            get { return _ringCount; }
        }

        /// <summary>Returns the recent line at <paramref name="index"/>, 0 being the oldest kept.</summary>
        public string GetRecent(int index, out LogLevel level, out long monotonicMs)
        {
            int slot = (_ringNext - _ringCount + index + RingCapacity) % RingCapacity;
            level = _ringLevels[slot];
            monotonicMs = _ringTimesMs[slot];
            return _ring[slot];
        }

        public void Debug(string component, string message)
        {
            Write(LogLevel.Debug, component, message);
        }

        public void Info(string component, string message)
        {
            Write(LogLevel.Info, component, message);
        }

        public void Warning(string component, string message)
        {
            Write(LogLevel.Warning, component, message);
        }

        public void Error(string component, string message)
        {
            Write(LogLevel.Error, component, message);
        }

        /// <summary>Writes one line to the sink and the ring; a failing sink is ignored so logging never breaks the loop.</summary>
        public void Write(LogLevel level, string component, string message)
        {
            if (level < MinimumLevel)
            {
                return;
            }

            long nowMs = _clock.MonotonicMs;
            if (level >= LogLevel.Info)
            {
                _ring[_ringNext] = component + ": " + message;
                _ringLevels[_ringNext] = level;
                _ringTimesMs[_ringNext] = nowMs;
                _ringNext = (_ringNext + 1) % RingCapacity;
                if (_ringCount < RingCapacity)
                {
                    _ringCount++;
                }
            }

            if (_sink == null)
            {
                return;
            }

            try
            {
                _sink.Write(nowMs, level, component, message);
            }
            catch (System.Exception)
            {
                // A log sink (serial line, test output) that fails must not take the cabinet loop down.
            }
        }
    }
}
