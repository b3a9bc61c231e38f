using KiWhi.Armoire.Hal;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// Bytes waiting to go out on the console line: a ring buffer filled with UTF-8 text ("\n" becomes
    /// CR LF, as serial terminals expect) and drained a bounded number of bytes per cabinet loop
    /// iteration, so a long listing never stalls the loop. Writing allocates nothing.
    /// </summary>
    public sealed class ConsoleOutput
    {
        /// <summary>Bytes kept free for prompts and the truncation notice, so they get through a full buffer.</summary>
        public const int ReserveBytes = 256;

        private readonly byte[] _ring;
        private readonly byte[] _chunk;
        private int _start;
        private int _count;

        /// <summary>Creates a buffer of <paramref name="capacityBytes"/>, flushed at most <paramref name="maxFlushBytes"/> at a time.</summary>
        public ConsoleOutput(int capacityBytes, int maxFlushBytes)
        {
            _ring = new byte[capacityBytes];
            _chunk = new byte[maxFlushBytes];
        }

        /// <summary>Bytes waiting to be written to the line.</summary>
        public int PendingBytes
        {
            get { return _count; }
        }

        /// <summary>True once a write was dropped for lack of room, until <see cref="TakeTruncated"/>.</summary>
        public bool Truncated { get; private set; }

        /// <summary>Returns <see cref="Truncated"/> and clears it.</summary>
        public bool TakeTruncated()
        {
            bool truncated = Truncated;
            Truncated = false;
            return truncated;
        }

        /// <summary>
        /// Queues the whole text, or nothing when it does not fit in the room left outside the
        /// reserve, and a dropped text sets <see cref="Truncated"/>. <paramref name="useReserve"/> lets a
        /// prompt or notice use the reserve.
        /// </summary>
        public bool Write(string text, bool useReserve)
        {
            int needed = EncodedLength(text);
            int room = _ring.Length - _count - (useReserve ? 0 : ReserveBytes);
            if (needed > room)
            {
                Truncated = true;
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                i = EncodeAt(text, i);
            }

            return true;
        }

        /// <summary>Queues one raw byte (echo of a typed byte), dropped silently when the buffer is full.</summary>
        public void WriteByte(byte value)
        {
            if (_count < _ring.Length)
            {
                Put(value);
            }
        }

        /// <summary>Writes at most the flush size of the waiting bytes to <paramref name="line"/>, never splitting a UTF-8 character.</summary>
        public void Flush(ISerialLine line)
        {
            int length = _count < _chunk.Length ? _count : _chunk.Length;

            // A chunk ends on a character boundary, so that a terminal never receives half a character.
            while (length > 0 && length < _count && (_ring[(_start + length) % _ring.Length] & 0xC0) == 0x80)
            {
                length--;
            }

            if (length == 0)
            {
                return;
            }

            for (int i = 0; i < length; i++)
            {
                _chunk[i] = _ring[(_start + i) % _ring.Length];
            }

            _start = (_start + length) % _ring.Length;
            _count -= length;
            line.Write(_chunk, 0, length);
        }

        /// <summary>Forgets every waiting byte.</summary>
        public void Clear()
        {
            _start = 0;
            _count = 0;
        }

        // Encodes the character at index (two for a surrogate pair) and returns the index of its last char.
        private int EncodeAt(string text, int index)
        {
            int scalar = text[index];
            if (scalar == '\n')
            {
                Put(13);
                Put(10);
                return index;
            }

            if (scalar >= 0xD800 && scalar <= 0xDBFF && index + 1 < text.Length && text[index + 1] >= 0xDC00 && text[index + 1] <= 0xDFFF)
            {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (text[index + 1] - 0xDC00);
                index++;
            }
            else if (scalar >= 0xD800 && scalar <= 0xDFFF)
            {
                scalar = 0xFFFD;
            }

            if (scalar < 0x80)
            {
                Put((byte)scalar);
            }
            else if (scalar < 0x800)
            {
                Put((byte)(0xC0 | (scalar >> 6)));
                Put((byte)(0x80 | (scalar & 0x3F)));
            }
            else if (scalar < 0x10000)
            {
                Put((byte)(0xE0 | (scalar >> 12)));
                Put((byte)(0x80 | ((scalar >> 6) & 0x3F)));
                Put((byte)(0x80 | (scalar & 0x3F)));
            }
            else
            {
                Put((byte)(0xF0 | (scalar >> 18)));
                Put((byte)(0x80 | ((scalar >> 12) & 0x3F)));
                Put((byte)(0x80 | ((scalar >> 6) & 0x3F)));
                Put((byte)(0x80 | (scalar & 0x3F)));
            }

            return index;
        }

        private static int EncodedLength(string text)
        {
            int length = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\n')
                {
                    length += 2;
                }
                else if (c < 0x80)
                {
                    length += 1;
                }
                else if (c < 0x800)
                {
                    length += 2;
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    length += 4;
                    i++;
                }
                else
                {
                    length += 3;
                }
            }

            return length;
        }

        private void Put(byte value)
        {
            _ring[(_start + _count) % _ring.Length] = value;
            _count++;
        }
    }
}
