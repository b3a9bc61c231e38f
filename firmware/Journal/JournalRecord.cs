namespace KiWhi.Armoire.Firmware.Journal
{
    /// <summary>
    /// One journal record in RAM: its type, sequence number and payload, with the field encoders and
    /// decoders. One instance is reused for every record written or read.
    /// </summary>
    /// <remarks>
    /// A decoder that runs out of payload or meets an invalid value returns 0 or null and sets
    /// <see cref="IsMalformed"/>, so a record that passed its CRC but does not parse (written by another
    /// format version) is skipped without an exception.
    /// </remarks>
    public sealed class JournalRecord
    {
        /// <summary>Largest payload a record frame can carry: its length is one byte.</summary>
        public const int MaxPayloadBytes = 255;

        /// <summary>Longest idTag the encoding accepts; OCPP 1.6 allows 20 characters (CiString20).</summary>
        public const int MaxIdTagLength = 63;

        private const int IdTagAscii = 0x00;
        private const int IdTagHex = 0x40;
        private const int IdTagUtf16 = 0x80;
        private const int IdTagNull = 0xFF;
        private const string HexDigits = "0123456789ABCDEF";

        private readonly byte[] _payload = new byte[MaxPayloadBytes];
        private int _readPosition;

        public RecordType Type;

        /// <summary>Sequence number given by the log when the record was appended; strictly increasing.</summary>
        public uint Sequence;

        /// <summary>Where the record starts in the log (see <see cref="RecordLog"/> positions).</summary>
        public long Position;

        /// <summary>Payload bytes written or read.</summary>
        public int Length;

        /// <summary>True when a write overflowed the payload or a read found invalid data.</summary>
        public bool IsMalformed;

        public byte[] Payload
        {
            get { return _payload; }
        }

        /// <summary>Bytes the record takes on flash: payload plus <see cref="RecordLog.FrameOverheadBytes"/>.</summary>
        public int FrameLength
        {
            get { return Length + RecordLog.FrameOverheadBytes; }
        }

        /// <summary>Clears the payload to encode a new record of <paramref name="type"/>.</summary>
        public void Begin(RecordType type)
        {
            Type = type;
            Sequence = 0;
            Position = 0;
            Length = 0;
            IsMalformed = false;
            _readPosition = 0;
        }

        /// <summary>Restarts decoding at the first payload byte.</summary>
        public void Rewind()
        {
            _readPosition = 0;
            IsMalformed = false;
        }

        public void WriteByte(int value)
        {
            if (Length >= MaxPayloadBytes)
            {
                IsMalformed = true;
                return;
            }

            _payload[Length++] = (byte)value;
        }

        /// <summary>Writes a non-negative integer as unsigned LEB128 (7 bits a byte, low bits first); a negative value marks the record malformed.</summary>
        public void WriteVarint(long value)
        {
            if (value < 0)
            {
                IsMalformed = true;
                return;
            }

            ulong remaining = (ulong)value;
            while (remaining >= 0x80)
            {
                WriteByte((int)(remaining & 0x7F) | 0x80);
                remaining >>= 7;
            }

            WriteByte((int)remaining);
        }

        /// <summary>
        /// Writes an idTag in its shortest form: upper-case hexadecimal of even length (a UID) packs two
        /// digits a byte, other ASCII takes a byte a character, anything else two bytes a character.
        /// The first byte contains the form in its two high bits and the count in its low six; 0xFF is null.
        /// </summary>
        public void WriteIdTag(string idTag)
        {
            if (idTag == null)
            {
                WriteByte(IdTagNull);
                return;
            }

            int length = idTag.Length;
            if (length > MaxIdTagLength)
            {
                IsMalformed = true;
                return;
            }

            if (length > 0 && length % 2 == 0 && IsUpperHex(idTag))
            {
                WriteByte(IdTagHex | (length / 2));
                for (int i = 0; i < length; i += 2)
                {
                    WriteByte((HexDigits.IndexOf(idTag[i]) << 4) | HexDigits.IndexOf(idTag[i + 1]));
                }

                return;
            }

            if (IsAscii(idTag))
            {
                WriteByte(IdTagAscii | length);
                for (int i = 0; i < length; i++)
                {
                    WriteByte(idTag[i]);
                }

                return;
            }

            WriteByte(IdTagUtf16 | length);
            for (int i = 0; i < length; i++)
            {
                WriteByte(idTag[i] & 0xFF);
                WriteByte(idTag[i] >> 8);
            }
        }

        /// <summary>
        /// Writes an event time as one varint whose low bit marks the form: 0 followed by UTC ms in the
        /// other bits, or 1 followed by the boot number, then the monotonic ms as a second varint.
        /// </summary>
        public void WriteTime(EventTime time)
        {
            if (time.HasUtc)
            {
                WriteVarint(time.UtcMs << 1);
                return;
            }

            WriteVarint(((long)time.BootNumber << 1) | 1);
            WriteVarint(time.MonotonicMs);
        }

        public int ReadByte()
        {
            if (_readPosition >= Length)
            {
                IsMalformed = true;
                return 0;
            }

            return _payload[_readPosition++];
        }

        public long ReadVarint()
        {
            long value = 0;
            for (int shift = 0; shift < 63; shift += 7)
            {
                int b = ReadByte();
                if (IsMalformed)
                {
                    return 0;
                }

                value |= (long)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return value;
                }
            }

            IsMalformed = true;
            return 0;
        }

        /// <summary>Reads a varint that must fit an int (connector ids, session ids, transaction ids).</summary>
        public int ReadInt()
        {
            long value = ReadVarint();
            if (value > int.MaxValue)
            {
                IsMalformed = true;
                return 0;
            }

            return (int)value;
        }

        public string ReadIdTag()
        {
            int head = ReadByte();
            if (IsMalformed || head == IdTagNull)
            {
                return null;
            }

            int form = head & 0xC0;
            int count = head & 0x3F;
            if (form == IdTagHex)
            {
                char[] digits = new char[count * 2];
                for (int i = 0; i < count; i++)
                {
                    int b = ReadByte();
                    digits[2 * i] = HexDigits[b >> 4];
                    digits[2 * i + 1] = HexDigits[b & 0x0F];
                }

                return IsMalformed ? null : new string(digits);
            }

            if (form == IdTagAscii)
            {
                char[] chars = new char[count];
                for (int i = 0; i < count; i++)
                {
                    chars[i] = (char)ReadByte();
                }

                return IsMalformed ? null : new string(chars);
            }

            if (form == IdTagUtf16)
            {
                char[] chars = new char[count];
                for (int i = 0; i < count; i++)
                {
                    int low = ReadByte();
                    chars[i] = (char)(low | (ReadByte() << 8));
                }

                return IsMalformed ? null : new string(chars);
            }

            IsMalformed = true;
            return null;
        }

        public void ReadTime(EventTime time)
        {
            long first = ReadVarint();
            if ((first & 1) == 0)
            {
                time.SetUtc(first >> 1);
                return;
            }

            long boot = first >> 1;
            long monotonicMs = ReadVarint();
            if (boot > int.MaxValue)
            {
                IsMalformed = true;
                boot = 0;
            }

            time.SetBootRelative((int)boot, monotonicMs);
        }

        private static bool IsUpperHex(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (HexDigits.IndexOf(text[i]) < 0)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsAscii(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] > 0x7F)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
