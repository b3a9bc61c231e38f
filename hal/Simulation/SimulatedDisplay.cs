using System;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>
    /// Character display: the two lines shown and the history of frames. A line longer than
    /// <see cref="Columns"/> breaks the caller's contract: it is cut as the glass would show it and
    /// counted in <see cref="OverlongLineCount"/>. Thread-safe.
    /// </summary>
    public sealed class SimulatedDisplay : ITextDisplay
    {
        /// <summary>Frames kept by default before the oldest are dropped.</summary>
        public const int DefaultHistoryCapacity = 1000;

        private readonly object _lock = new object();
        private readonly IClock _clock;
        private readonly BoundedHistory<DisplayFrame> _history;
        private string _line1 = string.Empty;
        private string _line2 = string.Empty;
        private long _overlongLineCount;

        /// <summary>Creates a blank display of <paramref name="columns"/> characters per line (16 on the supported boards).</summary>
        public SimulatedDisplay(int columns = 16, IClock clock = null, int historyCapacity = DefaultHistoryCapacity)
        {
            if (columns < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(columns), columns, "A display has at least one column.");
            }

            Columns = columns;
            _clock = clock;
            _history = new BoundedHistory<DisplayFrame>(historyCapacity);
        }

        public int Columns { get; }

        public string Line1
        {
            get
            {
                lock (_lock)
                {
                    return _line1;
                }
            }
        }

        public string Line2
        {
            get
            {
                lock (_lock)
                {
                    return _line2;
                }
            }
        }

        /// <summary>Lines received longer than <see cref="Columns"/>.</summary>
        public long OverlongLineCount
        {
            get
            {
                lock (_lock)
                {
                    return _overlongLineCount;
                }
            }
        }

        /// <summary>Frames shown, oldest first.</summary>
        public DisplayFrame[] History
        {
            get
            {
                lock (_lock)
                {
                    return _history.ToArray();
                }
            }
        }

        public void Show(string line1, string line2)
        {
            long nowMs = _clock == null ? 0 : _clock.MonotonicMs;
            lock (_lock)
            {
                _line1 = CutLocked(line1);
                _line2 = CutLocked(line2);
                _history.Add(new DisplayFrame(nowMs, _line1, _line2));
            }
        }

        /// <summary>
        /// Returns true when either line currently shown contains <paramref name="text"/>, ignoring case
        /// and runs of spaces, so a check does not depend on how the firmware pads a line.
        /// </summary>
        public bool Contains(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            string expected = NormalizeSpaces(text);
            lock (_lock)
            {
                return NormalizeSpaces(_line1).Contains(expected, StringComparison.OrdinalIgnoreCase)
                    || NormalizeSpaces(_line2).Contains(expected, StringComparison.OrdinalIgnoreCase)
                    || NormalizeSpaces(_line1 + " " + _line2).Contains(expected, StringComparison.OrdinalIgnoreCase);
            }
        }

        private string CutLocked(string line)
        {
            if (line == null)
            {
                return string.Empty;
            }

            if (line.Length <= Columns)
            {
                return line;
            }

            _overlongLineCount++;
            return line.Substring(0, Columns);
        }

        private static string NormalizeSpaces(string text)
        {
            string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return string.Join(" ", words);
        }
    }
}
