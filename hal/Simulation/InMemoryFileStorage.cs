using System;
using System.Collections.Generic;
using System.IO;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>
    /// Flat file storage held in memory, for tests. It can simulate a power cut after a given number of
    /// written bytes, leaving the file torn the way <see cref="IFileStorage"/> warns. Thread-safe.
    /// </summary>
    public sealed class InMemoryFileStorage : IFileStorage
    {
        private readonly object _lock = new object();
        private readonly Dictionary<string, byte[]> _files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        private long _bytesWritten;
        private long _writeBudgetBytes = -1;
        private bool _powerCut;

        /// <summary>Bytes written by <see cref="Write"/> and <see cref="Append"/> since creation.</summary>
        public long BytesWritten
        {
            get
            {
                lock (_lock)
                {
                    return _bytesWritten;
                }
            }
        }

        /// <summary>True once the budget set by <see cref="CutPowerAfterBytes"/> is spent, until <see cref="RestorePower"/>.</summary>
        public bool IsPowerCut
        {
            get
            {
                lock (_lock)
                {
                    return _powerCut;
                }
            }
        }

        /// <summary>Names of the stored files, in ordinal order.</summary>
        public string[] FileNames
        {
            get
            {
                lock (_lock)
                {
                    var names = new List<string>(_files.Keys);
                    names.Sort(StringComparer.Ordinal);
                    return names.ToArray();
                }
            }
        }

        /// <summary>Returns a copy of the file's content, or null when it does not exist.</summary>
        public byte[] GetBytes(string name)
        {
            Simulation.FileNames.Check(name);
            lock (_lock)
            {
                return _files.TryGetValue(name, out byte[] content) ? (byte[])content.Clone() : null;
            }
        }

        /// <summary>Creates or replaces a file directly, outside the power-cut accounting (test setup).</summary>
        public void SetBytes(string name, byte[] content)
        {
            Simulation.FileNames.Check(name);
            if (content == null)
            {
                throw new ArgumentNullException(nameof(content));
            }

            lock (_lock)
            {
                _files[name] = (byte[])content.Clone();
            }
        }

        /// <summary>
        /// Arms a power cut: after <paramref name="bytes"/> more bytes are written, the write in progress
        /// keeps only the bytes that fit and throws <see cref="SimulatedPowerCutException"/>, and so does
        /// every later operation until <see cref="RestorePower"/>. With 0, the next write, rename or
        /// delete fails before changing anything.
        /// </summary>
        public void CutPowerAfterBytes(long bytes)
        {
            if (bytes < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(bytes), bytes, "The byte budget cannot be negative.");
            }

            lock (_lock)
            {
                _writeBudgetBytes = bytes;
            }
        }

        /// <summary>Ends a simulated power cut and disarms the budget; the files keep their torn state, as flash would.</summary>
        public void RestorePower()
        {
            lock (_lock)
            {
                _powerCut = false;
                _writeBudgetBytes = -1;
            }
        }

        public int GetLength(string name)
        {
            Simulation.FileNames.Check(name);
            lock (_lock)
            {
                ThrowIfPowerCutLocked();
                return _files.TryGetValue(name, out byte[] content) ? content.Length : -1;
            }
        }

        /// <summary>Reads up to <paramref name="count"/> bytes from <paramref name="position"/>; returns 0 past the end or when the file does not exist.</summary>
        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            Simulation.FileNames.Check(name);
            BufferRange.Check(buffer, offset, count);
            if (position < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(position), position, "The file position cannot be negative.");
            }

            lock (_lock)
            {
                ThrowIfPowerCutLocked();
                if (!_files.TryGetValue(name, out byte[] content) || position >= content.Length)
                {
                    return 0;
                }

                int available = Math.Min(count, content.Length - position);
                Array.Copy(content, position, buffer, offset, available);
                return available;
            }
        }

        public void Write(string name, byte[] buffer, int offset, int count)
        {
            Simulation.FileNames.Check(name);
            BufferRange.Check(buffer, offset, count);
            lock (_lock)
            {
                ThrowIfPowerCutLocked();
                CheckBudgetBeforeChangeLocked();

                // The device truncates the file first, so a cut during the write leaves only a prefix.
                int fitting = FittingBytesLocked(count);
                var content = new byte[fitting];
                Array.Copy(buffer, offset, content, 0, fitting);
                _files[name] = content;
                SpendLocked(fitting, count);
            }
        }

        public void Append(string name, byte[] buffer, int offset, int count)
        {
            Simulation.FileNames.Check(name);
            BufferRange.Check(buffer, offset, count);
            lock (_lock)
            {
                ThrowIfPowerCutLocked();
                CheckBudgetBeforeChangeLocked();

                int fitting = FittingBytesLocked(count);
                byte[] old = _files.TryGetValue(name, out byte[] existing) ? existing : Array.Empty<byte>();
                var content = new byte[old.Length + fitting];
                Array.Copy(old, content, old.Length);
                Array.Copy(buffer, offset, content, old.Length, fitting);
                _files[name] = content;
                SpendLocked(fitting, count);
            }
        }

        /// <summary>Renames atomically, replacing <paramref name="to"/>. Throws <see cref="FileNotFoundException"/> when <paramref name="from"/> does not exist.</summary>
        public void Rename(string from, string to)
        {
            Simulation.FileNames.Check(from);
            Simulation.FileNames.Check(to);
            lock (_lock)
            {
                ThrowIfPowerCutLocked();
                CheckBudgetBeforeChangeLocked();
                if (!_files.TryGetValue(from, out byte[] content))
                {
                    throw new FileNotFoundException("Cannot rename '" + from + "' to '" + to + "': the file does not exist.", from);
                }

                _files.Remove(from);
                _files[to] = content;
            }
        }

        public void Delete(string name)
        {
            Simulation.FileNames.Check(name);
            lock (_lock)
            {
                ThrowIfPowerCutLocked();
                CheckBudgetBeforeChangeLocked();
                _files.Remove(name);
            }
        }

        private void ThrowIfPowerCutLocked()
        {
            if (_powerCut)
            {
                throw new SimulatedPowerCutException("Simulated power cut: the storage is unavailable until RestorePower is called.");
            }
        }

        private void CheckBudgetBeforeChangeLocked()
        {
            if (_writeBudgetBytes == 0)
            {
                _powerCut = true;
                ThrowIfPowerCutLocked();
            }
        }

        private int FittingBytesLocked(int count)
        {
            if (_writeBudgetBytes < 0 || count <= _writeBudgetBytes)
            {
                return count;
            }

            return (int)_writeBudgetBytes;
        }

        private void SpendLocked(int written, int requested)
        {
            _bytesWritten += written;
            if (_writeBudgetBytes < 0)
            {
                return;
            }

            _writeBudgetBytes -= written;
            if (written < requested)
            {
                _powerCut = true;
                throw new SimulatedPowerCutException("Simulated power cut after " + written + " of " + requested + " bytes.");
            }
        }
    }
}
