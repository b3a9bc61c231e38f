using System;
using System.Collections.Generic;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>
    /// Flat file storage in memory that can lose power at any byte written, for the durability tests.
    /// Every byte handed to <see cref="Write"/> or <see cref="Append"/> and every <see cref="Rename"/>
    /// or <see cref="Delete"/> is one unit of a global counter (a <see cref="Write"/> of no bytes
    /// counts one unit, for the truncation). <see cref="CutAt"/> arms a cut at one unit: the operation
    /// that reaches it keeps only what came before, throws <see cref="PowerLossException"/>, and from
    /// then on every call throws it, leaving the files frozen. <see cref="Reboot"/> then gives a fresh
    /// storage over the surviving bytes. Thread-safe.
    /// </summary>
    /// <remarks>
    /// Two tear models: <see cref="TearMode.Prefix"/> keeps exactly the bytes written before the cut;
    /// <see cref="TearMode.TornPage"/> also keeps the rest of the flash page being programmed, up to
    /// the end of the write, with bits left unprogrammed (NOR flash programs 1 to 0, so a cut page
    /// holds the intended bytes with random bits still at 1). Pages are <see cref="PageBytes"/> long
    /// and counted from the start of each file.
    /// </remarks>
    public sealed class PowerCutFlash : IFileStorage
    {
        /// <summary>Program page of common SPI NOR flash (the ESP32 modules' chips), in bytes.</summary>
        public const int DefaultPageBytes = 256;

        private readonly object _lock = new object();
        private readonly Dictionary<string, FileData> _files;
        private readonly Random _random;
        private long _cutUnit = -1;
        private TearMode _tearMode;
        private bool _isCut;
        private string _lastWriteName;
        private int _lastWriteOffset;
        private int _lastWriteLength;

        /// <summary>Creates an empty flash with pages of <paramref name="pageBytes"/>; <paramref name="seed"/> drives the torn-page garbage.</summary>
        public PowerCutFlash(int pageBytes = DefaultPageBytes, int seed = 1)
            : this(new Dictionary<string, FileData>(StringComparer.Ordinal), pageBytes, new Random(seed))
        {
        }

        private PowerCutFlash(Dictionary<string, FileData> files, int pageBytes, Random random)
        {
            if (pageBytes < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(pageBytes), pageBytes, "The page size must be at least 1 byte.");
            }

            _files = files;
            PageBytes = pageBytes;
            _random = random;
        }

        public int PageBytes { get; }

        /// <summary>Units spent so far: bytes written plus renames, deletes and empty writes. Each unit is one possible cut point.</summary>
        public long UnitsWritten { get; private set; }

        /// <summary>Bytes handed to <see cref="Write"/> and <see cref="Append"/> that reached the flash.</summary>
        public long BytesWritten { get; private set; }

        /// <summary>True once the armed cut happened (or <see cref="CutNow"/> was called); every operation then throws.</summary>
        public bool IsCut
        {
            get
            {
                lock (_lock)
                {
                    return _isCut;
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

        /// <summary>
        /// Arms a cut while unit <paramref name="unit"/> (0-based, counted by <see cref="UnitsWritten"/>)
        /// is being written: earlier units reach the flash, that one and the rest of its operation do
        /// not (except the torn page of <see cref="TearMode.TornPage"/>).
        /// </summary>
        public void CutAt(long unit, TearMode mode = TearMode.Prefix)
        {
            if (unit < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(unit), unit, "The cut unit cannot be negative.");
            }

            lock (_lock)
            {
                _cutUnit = unit;
                _tearMode = mode;
            }
        }

        /// <summary>Cuts the power between two operations: nothing is torn, every later call throws.</summary>
        public void CutNow()
        {
            lock (_lock)
            {
                _isCut = true;
            }
        }

        /// <summary>Returns a storage over copies of the surviving files, powered, with no cut armed and counters at zero.</summary>
        public PowerCutFlash Reboot()
        {
            lock (_lock)
            {
                var files = new Dictionary<string, FileData>(StringComparer.Ordinal);
                foreach (KeyValuePair<string, FileData> file in _files)
                {
                    files[file.Key] = file.Value.Clone();
                }

                return new PowerCutFlash(files, PageBytes, _random);
            }
        }

        /// <summary>Returns a copy of the file's content, or null when it does not exist; works while cut.</summary>
        public byte[] GetBytes(string name)
        {
            Simulation.FileNames.Check(name);
            lock (_lock)
            {
                return _files.TryGetValue(name, out FileData data) ? data.ToArray() : null;
            }
        }

        /// <summary>Flips bit <paramref name="bit"/> (0-7) of byte <paramref name="offset"/> of a file, as a weak flash cell would.</summary>
        public void FlipBit(string name, int offset, int bit)
        {
            Simulation.FileNames.Check(name);
            if (bit < 0 || bit > 7)
            {
                throw new ArgumentOutOfRangeException(nameof(bit), bit, "A byte has bits 0 to 7.");
            }

            lock (_lock)
            {
                if (!_files.TryGetValue(name, out FileData data) || offset < 0 || offset >= data.Length)
                {
                    throw new ArgumentOutOfRangeException(nameof(offset), offset, "Byte " + offset + " is outside the file '" + name + "'.");
                }

                data.Bytes[offset] ^= (byte)(1 << bit);
            }
        }

        /// <summary>
        /// Flips bit <paramref name="bitIndex"/> (counted from the first byte, modulo the size) of the
        /// bytes the last completed <see cref="Write"/> or <see cref="Append"/> put on the flash: the last
        /// record of an append-only log. Returns false when nothing was written yet.
        /// </summary>
        public bool FlipBitInLastWrite(int bitIndex)
        {
            lock (_lock)
            {
                if (_lastWriteName == null || _lastWriteLength == 0 || !_files.ContainsKey(_lastWriteName))
                {
                    return false;
                }

                int bit = (int)((uint)bitIndex % (uint)(_lastWriteLength * 8));
                FileData data = _files[_lastWriteName];
                int offset = _lastWriteOffset + bit / 8;
                if (offset >= data.Length)
                {
                    return false;
                }

                data.Bytes[offset] ^= (byte)(1 << (bit % 8));
                return true;
            }
        }

        public int GetLength(string name)
        {
            Simulation.FileNames.Check(name);
            lock (_lock)
            {
                ThrowIfCut();
                return _files.TryGetValue(name, out FileData data) ? data.Length : -1;
            }
        }

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
                ThrowIfCut();
                if (!_files.TryGetValue(name, out FileData data) || position >= data.Length)
                {
                    return 0;
                }

                int available = Math.Min(count, data.Length - position);
                Array.Copy(data.Bytes, position, buffer, offset, available);
                return available;
            }
        }

        /// <summary>Creates or replaces the file; the device truncates first, so a cut leaves a prefix of the new content.</summary>
        public void Write(string name, byte[] buffer, int offset, int count)
        {
            Simulation.FileNames.Check(name);
            BufferRange.Check(buffer, offset, count);
            lock (_lock)
            {
                ThrowIfCut();
                if (count == 0)
                {
                    SpendMetadataUnit();
                    _files[name] = new FileData();
                    return;
                }

                var data = new FileData();
                _files[name] = data;
                Program(name, data, buffer, offset, count);
            }
        }

        public void Append(string name, byte[] buffer, int offset, int count)
        {
            Simulation.FileNames.Check(name);
            BufferRange.Check(buffer, offset, count);
            lock (_lock)
            {
                ThrowIfCut();
                if (count == 0)
                {
                    return;
                }

                if (!_files.TryGetValue(name, out FileData data))
                {
                    data = new FileData();
                    _files[name] = data;
                }

                Program(name, data, buffer, offset, count);
            }
        }

        /// <summary>Renames atomically, replacing <paramref name="to"/>, as <see cref="IFileStorage"/> allows. Throws <see cref="System.IO.FileNotFoundException"/> when <paramref name="from"/> does not exist.</summary>
        public void Rename(string from, string to)
        {
            Simulation.FileNames.Check(from);
            Simulation.FileNames.Check(to);
            lock (_lock)
            {
                ThrowIfCut();
                if (!_files.TryGetValue(from, out FileData data))
                {
                    throw new System.IO.FileNotFoundException("Cannot rename '" + from + "' to '" + to + "': the file does not exist.", from);
                }

                SpendMetadataUnit();
                _files.Remove(from);
                _files[to] = data;
            }
        }

        public void Delete(string name)
        {
            Simulation.FileNames.Check(name);
            lock (_lock)
            {
                ThrowIfCut();
                if (!_files.ContainsKey(name))
                {
                    return;
                }

                SpendMetadataUnit();
                _files.Remove(name);
            }
        }

        // Appends count bytes to the file unless the armed cut falls inside them.
        private void Program(string name, FileData data, byte[] buffer, int offset, int count)
        {
            int start = data.Length;
            int fitting = count;
            if (_cutUnit >= 0 && _cutUnit < UnitsWritten + count)
            {
                fitting = (int)(_cutUnit - UnitsWritten);
            }

            data.Append(buffer, offset, fitting);
            UnitsWritten += fitting;
            BytesWritten += fitting;
            if (fitting == count)
            {
                _lastWriteName = name;
                _lastWriteOffset = start;
                _lastWriteLength = count;
                return;
            }

            if (_tearMode == TearMode.TornPage)
            {
                int cutOffset = start + fitting;
                int pageEnd = (cutOffset / PageBytes + 1) * PageBytes;
                int tornEnd = Math.Min(pageEnd, start + count);
                for (int position = cutOffset; position < tornEnd; position++)
                {
                    byte intended = buffer[offset + position - start];
                    data.AppendByte((byte)(intended | _random.Next(256)));
                }
            }

            _isCut = true;
            throw new PowerLossException("Simulated power cut at unit " + _cutUnit + ": " + fitting + " of " + count + " bytes reached '" + name + "'.");
        }

        private void SpendMetadataUnit()
        {
            if (_cutUnit >= 0 && _cutUnit == UnitsWritten)
            {
                _isCut = true;
                throw new PowerLossException("Simulated power cut at unit " + _cutUnit + ", before a rename or delete.");
            }

            UnitsWritten++;
        }

        private void ThrowIfCut()
        {
            if (_isCut)
            {
                throw new PowerLossException("Simulated power cut: the flash is unpowered until Reboot.");
            }
        }

        private sealed class FileData
        {
            public byte[] Bytes = new byte[64];
            public int Length;

            public void Append(byte[] source, int offset, int count)
            {
                Reserve(Length + count);
                Array.Copy(source, offset, Bytes, Length, count);
                Length += count;
            }

            public void AppendByte(byte value)
            {
                Reserve(Length + 1);
                Bytes[Length++] = value;
            }

            public FileData Clone()
            {
                var copy = new FileData { Bytes = new byte[Math.Max(64, Length)], Length = Length };
                Array.Copy(Bytes, copy.Bytes, Length);
                return copy;
            }

            public byte[] ToArray()
            {
                var result = new byte[Length];
                Array.Copy(Bytes, result, Length);
                return result;
            }

            private void Reserve(int size)
            {
                if (size <= Bytes.Length)
                {
                    return;
                }

                Array.Resize(ref Bytes, Math.Max(size, Bytes.Length * 2));
            }
        }
    }
}
