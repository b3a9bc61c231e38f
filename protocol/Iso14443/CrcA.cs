using System;

namespace KiWhi.Armoire.Protocol.Iso14443
{
    /// <summary>
    /// CRC_A of ISO/IEC 14443-3 Annex B: polynomial x^16 + x^12 + x^5 + 1, processed least significant
    /// bit first, initial value 6363h, no final inversion. The low byte of the result is sent first.
    /// </summary>
    public static class CrcA
    {
        /// <summary>Register value before the first byte (ISO/IEC 14443-3 Annex B).</summary>
        public const ushort InitialValue = 0x6363;

        /// <summary>Returns the CRC_A of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static ushort Compute(byte[] data, int offset, int count)
        {
            CheckRange(data, offset, count);

            uint crc = InitialValue;
            for (int i = 0; i < count; i++)
            {
                // The byte-wise update of Annex B, equivalent to eight shifts of the reflected polynomial 8408h.
                uint value = (data[offset + i] ^ crc) & 0xFF;
                value = (value ^ (value << 4)) & 0xFF;
                crc = (crc >> 8) ^ (value << 8) ^ (value << 3) ^ (value >> 4);
            }

            return (ushort)crc;
        }

        /// <summary>
        /// Writes the CRC_A of <paramref name="count"/> bytes from <paramref name="offset"/> in the two bytes
        /// that follow them, low byte first (the order on the air).
        /// </summary>
        public static void Append(byte[] buffer, int offset, int count)
        {
            CheckRange(buffer, offset, count + 2);
            ushort crc = Compute(buffer, offset, count);
            buffer[offset + count] = (byte)crc;
            buffer[offset + count + 1] = (byte)(crc >> 8);
        }

        /// <summary>
        /// Returns true when the last two of <paramref name="countWithCrc"/> bytes are the CRC_A of the bytes
        /// before them. Frames shorter than 3 bytes and ranges outside the buffer return false.
        /// </summary>
        public static bool IsValid(byte[] frame, int offset, int countWithCrc)
        {
            if (frame == null || countWithCrc < 3 || offset < 0 || offset > frame.Length - countWithCrc)
            {
                return false;
            }

            ushort crc = Compute(frame, offset, countWithCrc - 2);
            return frame[offset + countWithCrc - 2] == (byte)crc && frame[offset + countWithCrc - 1] == (byte)(crc >> 8);
        }

        private static void CheckRange(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "The range of " + count + " bytes at offset " + offset + " does not fit in a buffer of " + buffer.Length + " bytes.");
            }
        }
    }
}
