using System;
using System.Collections.Generic;
using System.Text;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>
    /// Technician console line: text injected by the test or the tool waits in an input queue for
    /// <see cref="Read"/>, and everything the firmware writes is captured. Thread-safe.
    /// </summary>
    public sealed class SimulatedSerialLine : ISerialLine
    {
        private readonly object _lock = new object();
        private readonly Queue<byte> _input = new Queue<byte>();
        private readonly List<byte> _output = new List<byte>();

        /// <summary>Received bytes not yet read by the firmware.</summary>
        public int PendingInputCount
        {
            get
            {
                lock (_lock)
                {
                    return _input.Count;
                }
            }
        }

        /// <summary>Queues <paramref name="text"/> as UTF-8 bytes, as if typed on the technician's terminal.</summary>
        public void Inject(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            InjectBytes(Encoding.UTF8.GetBytes(text));
        }

        /// <summary>Queues raw bytes, including bytes that are not valid UTF-8.</summary>
        public void InjectBytes(byte[] bytes)
        {
            if (bytes == null)
            {
                throw new ArgumentNullException(nameof(bytes));
            }

            lock (_lock)
            {
                foreach (byte b in bytes)
                {
                    _input.Enqueue(b);
                }
            }
        }

        /// <summary>Returns the captured output decoded as UTF-8 and clears it.</summary>
        public string TakeOutput()
        {
            lock (_lock)
            {
                string text = Encoding.UTF8.GetString(_output.ToArray());
                _output.Clear();
                return text;
            }
        }

        /// <summary>Returns the captured output decoded as UTF-8 and keeps it.</summary>
        public string PeekOutput()
        {
            lock (_lock)
            {
                return Encoding.UTF8.GetString(_output.ToArray());
            }
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            BufferRange.Check(buffer, offset, count);
            lock (_lock)
            {
                int read = 0;
                while (read < count && _input.Count > 0)
                {
                    buffer[offset + read] = _input.Dequeue();
                    read++;
                }

                return read;
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            BufferRange.Check(buffer, offset, count);
            lock (_lock)
            {
                for (int i = 0; i < count; i++)
                {
                    _output.Add(buffer[offset + i]);
                }
            }
        }
    }
}
