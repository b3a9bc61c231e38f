using System.Collections;
using KiWhi.Armoire.Firmware;

namespace KiWhi.Armoire.Tests.Device
{
    /// <summary>Keeps the log lines of a test as "component: message" for assertions.</summary>
    public sealed class RecordingLogSink : ILogSink
    {
        private readonly ArrayList _lines = new ArrayList();

        public int Count
        {
            get { return _lines.Count; }
        }

        public void Write(long monotonicMs, LogLevel level, string component, string message)
        {
            _lines.Add(component + ": " + message);
        }

        /// <summary>Returns true when a line contains <paramref name="text"/> (ordinal comparison).</summary>
        public bool Contains(string text)
        {
            for (int i = 0; i < _lines.Count; i++)
            {
                if (((string)_lines[i]).IndexOf(text) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Returns every line, one per text line, for a failure message.</summary>
        public override string ToString()
        {
            string text = string.Empty;
            for (int i = 0; i < _lines.Count; i++)
            {
                text += (string)_lines[i] + "\n";
            }

            return text;
        }
    }
}
