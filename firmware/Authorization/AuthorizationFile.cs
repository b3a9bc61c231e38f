using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Protocol.Ocpp;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// Binary file format of an <see cref="AuthorizationTable"/> on <see cref="IFileStorage"/>, and its
    /// atomic replacement: the new content is written to a temporary file and then renamed over the
    /// old one, so a power cut leaves either the old file or the new one, never a torn one.
    /// </summary>
    /// <remarks>
    /// Layout, little-endian: 4-byte magic, int32 header value (the list version, or 0), int32 entry
    /// count, the entries, then the CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) of every
    /// byte before it. An entry is: idTag, uint8 status, int64 expiryDate ticks (0 for none), parentIdTag,
    /// int64 sequence. A text is a length byte (bit 7 set: two bytes per UTF-16 unit, otherwise one;
    /// 0xFF: null) followed by its units. A file whose checksum or structure does not match is not loaded.
    /// </remarks>
    internal sealed class AuthorizationFile
    {
        private const int BufferBytes = 256;
        private const byte NullText = 0xFF;
        private const byte WideText = 0x80;
        private const int MaxTextUnits = 2 * CiStringLength.CiString20;
        private const int HeaderBytes = 12;
        private const int ChecksumBytes = 4;

        private static uint[] _crcTable;

        private readonly IFileStorage _storage;
        private readonly byte[] _buffer = new byte[BufferBytes];
        private readonly byte[] _magic;

        // Writing and reading state: the file position of _buffer[0], the bytes in use and the checksum so far.
        private string _fileName;
        private int _filePosition;
        private int _bufferLength;
        private int _bufferOffset;
        private int _fileLength;
        private bool _endReached;
        private uint _crc;

        /// <summary>Creates the format for files starting with the 4 ASCII characters of <paramref name="magic"/>.</summary>
        public AuthorizationFile(IFileStorage storage, string magic)
        {
            _storage = storage;
            _magic = new byte[4];
            for (int i = 0; i < 4; i++)
            {
                _magic[i] = (byte)magic[i];
            }
        }

        /// <summary>
        /// Writes <paramref name="table"/> to <paramref name="tempName"/> and renames it to
        /// <paramref name="fileName"/>. Storage exceptions reach the caller, and the old file then remains.
        /// </summary>
        public void Save(AuthorizationTable table, int headerValue, string fileName, string tempName)
        {
            _fileName = tempName;
            _filePosition = 0;
            _bufferLength = 0;
            _crc = 0xFFFFFFFF;

            for (int i = 0; i < 4; i++)
            {
                WriteByte(_magic[i]);
            }

            WriteInt32(headerValue);
            WriteInt32(table.Count);
            for (int i = 0; i < table.Count; i++)
            {
                WriteText(table.GetIdTag(i));
                WriteByte((byte)table.GetStatus(i));
                WriteInt64(table.HasExpiryDate(i) ? table.GetExpiryDate(i).Ticks : 0);
                WriteText(table.GetParentIdTag(i));
                WriteInt64(table.GetSequence(i));
            }

            uint checksum = ~_crc;
            for (int i = 0; i < ChecksumBytes; i++)
            {
                WriteByteUnchecked((byte)(checksum >> (8 * i)));
            }

            Flush();
            _storage.Rename(tempName, fileName);
        }

        /// <summary>
        /// Fills <paramref name="table"/> from <paramref name="fileName"/> and returns true, or returns
        /// false with the table empty when the file is missing or invalid. <paramref name="problem"/>
        /// then describes the problem (null when the file does not exist). Storage exceptions reach the caller.
        /// </summary>
        public bool Load(AuthorizationTable table, string fileName, out int headerValue, out string problem)
        {
            table.Clear();
            headerValue = 0;
            problem = null;
            _fileLength = _storage.GetLength(fileName);
            if (_fileLength < 0)
            {
                return false;
            }

            _fileName = fileName;
            _filePosition = 0;
            _bufferLength = 0;
            _bufferOffset = 0;
            _endReached = false;
            _crc = 0xFFFFFFFF;

            problem = ReadContent(table, out headerValue);
            if (problem != null)
            {
                table.Clear();
                headerValue = 0;
                return false;
            }

            return true;
        }

        // Returns null when the whole file was read and its checksum matches, otherwise the problem.
        private string ReadContent(AuthorizationTable table, out int headerValue)
        {
            headerValue = 0;
            if (_fileLength < HeaderBytes + ChecksumBytes)
            {
                return "file of " + _fileLength.ToString() + " bytes is too short";
            }

            for (int i = 0; i < 4; i++)
            {
                if (ReadByte() != _magic[i])
                {
                    return "unknown file format";
                }
            }

            headerValue = ReadInt32();
            int count = ReadInt32();
            if (count < 0 || count > table.Capacity)
            {
                return "entry count " + count.ToString() + " is outside 0.." + table.Capacity.ToString();
            }

            for (int i = 0; i < count; i++)
            {
                string idTag;
                string parentIdTag;
                if (!TryReadText(out idTag) || idTag == null)
                {
                    return "entry " + i.ToString() + " has an invalid idTag";
                }

                int status = ReadByte();
                long expiryTicks = ReadInt64();
                if (!TryReadText(out parentIdTag))
                {
                    return "entry " + i.ToString() + " has an invalid parentIdTag";
                }

                long sequence = ReadInt64();
                if (_endReached)
                {
                    return "file ends inside entry " + i.ToString();
                }

                if (status < 0 || status > (int)AuthorizationStatus.ConcurrentTx || expiryTicks < 0
                    || expiryTicks > System.DateTime.MaxValue.Ticks)
                {
                    return "entry " + i.ToString() + " has an invalid status or expiryDate";
                }

                System.DateTime expiry = new System.DateTime(expiryTicks, System.DateTimeKind.Utc);
                table.Put(idTag, (AuthorizationStatus)status, expiryTicks != 0, expiry, parentIdTag, sequence);
            }

            uint expected = ~_crc;
            uint stored = 0;
            for (int i = 0; i < ChecksumBytes; i++)
            {
                stored |= (uint)ReadByteUnchecked() << (8 * i);
            }

            if (_endReached)
            {
                return "file ends inside its checksum";
            }

            if (_filePosition + _bufferOffset != _fileLength)
            {
                return "file is longer than its entries";
            }

            if (stored != expected)
            {
                return "checksum mismatch";
            }

            return null;
        }

        private void WriteText(string text)
        {
            if (text == null)
            {
                WriteByte(NullText);
                return;
            }

            bool wide = false;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] > 0xFF)
                {
                    wide = true;
                }
            }

            // idTags and parentIdTags are CiString20, at most 40 UTF-16 units, so the length fits in 7 bits.
            WriteByte((byte)(text.Length | (wide ? WideText : 0)));
            for (int i = 0; i < text.Length; i++)
            {
                WriteByte((byte)text[i]);
                if (wide)
                {
                    WriteByte((byte)(text[i] >> 8));
                }
            }
        }

        private bool TryReadText(out string text)
        {
            text = null;
            int header = ReadByte();
            if (header < 0)
            {
                return false;
            }

            if (header == NullText)
            {
                return true;
            }

            bool wide = (header & WideText) != 0;
            int length = header & ~WideText;
            if (length > MaxTextUnits)
            {
                return false;
            }

            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                int low = ReadByte();
                int high = wide ? ReadByte() : 0;
                if (low < 0 || high < 0)
                {
                    return false;
                }

                chars[i] = (char)(low | (high << 8));
            }

            text = new string(chars);
            return true;
        }

        private void WriteInt32(int value)
        {
            for (int i = 0; i < 4; i++)
            {
                WriteByte((byte)(value >> (8 * i)));
            }
        }

        private void WriteInt64(long value)
        {
            for (int i = 0; i < 8; i++)
            {
                WriteByte((byte)(value >> (8 * i)));
            }
        }

        private int ReadInt32()
        {
            int value = 0;
            for (int i = 0; i < 4; i++)
            {
                value |= (ReadByte() & 0xFF) << (8 * i);
            }

            return value;
        }

        private long ReadInt64()
        {
            long value = 0;
            for (int i = 0; i < 8; i++)
            {
                value |= (long)(ReadByte() & 0xFF) << (8 * i);
            }

            return value;
        }

        private void WriteByte(byte value)
        {
            _crc = UpdateCrc(_crc, value);
            WriteByteUnchecked(value);
        }

        private void WriteByteUnchecked(byte value)
        {
            if (_bufferLength == BufferBytes)
            {
                Flush();
            }

            _buffer[_bufferLength++] = value;
        }

        // The first flush creates or truncates the file, the next ones append.
        private void Flush()
        {
            if (_filePosition == 0)
            {
                _storage.Write(_fileName, _buffer, 0, _bufferLength);
            }
            else
            {
                _storage.Append(_fileName, _buffer, 0, _bufferLength);
            }

            _filePosition += _bufferLength;
            _bufferLength = 0;
        }

        // Returns the next byte, or -1 past the end of the file.
        private int ReadByte()
        {
            int value = ReadByteUnchecked();
            if (value >= 0)
            {
                _crc = UpdateCrc(_crc, (byte)value);
            }

            return value;
        }

        private int ReadByteUnchecked()
        {
            if (_bufferOffset == _bufferLength)
            {
                _filePosition += _bufferLength;
                _bufferOffset = 0;
                _bufferLength = 0;
                if (_filePosition >= _fileLength)
                {
                    _endReached = true;
                    return -1;
                }

                int wanted = _fileLength - _filePosition < BufferBytes ? _fileLength - _filePosition : BufferBytes;
                _bufferLength = _storage.Read(_fileName, _filePosition, _buffer, 0, wanted);
                if (_bufferLength <= 0)
                {
                    _bufferLength = 0;
                    _endReached = true;
                    return -1;
                }
            }

            return _buffer[_bufferOffset++];
        }

        private static uint UpdateCrc(uint crc, byte value)
        {
            uint[] table = _crcTable;
            if (table == null)
            {
                table = BuildCrcTable();
                _crcTable = table;
            }

            return table[(crc ^ value) & 0xFF] ^ (crc >> 8);
        }

        private static uint[] BuildCrcTable()
        {
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
