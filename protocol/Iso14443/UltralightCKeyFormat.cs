using System;

namespace KiWhi.Armoire.Protocol.Iso14443
{
    /// <summary>
    /// Byte order of Ultralight C keys. The API of this project always takes keys in DES order: the
    /// 16 bytes K1‖K2 given to the 3DES cipher. The card stores each 8-byte half reversed in pages 2Ch to
    /// 2Fh (MF0ICU2 datasheet §7.5.7, Tables 10 and 11). Its example writes the key 0001020304050607h
    /// 08090A0B0C0D0E0Fh as pages 07 06 05 04, 03 02 01 00, 0F 0E 0D 0C, 0B 0A 09 08.
    /// </summary>
    public static class UltralightCKeyFormat
    {
        /// <summary>Key length in bytes.</summary>
        public const int KeyLength = 16;

        // Datasheet Table 13: the factory key pages contain "BREAKMEIFYOUCAN!", so in DES order the key is
        // 49454D4B41455242 214E4143554F5946.
        private static readonly byte[] FactoryKeyDesOrder = new byte[]
        {
            0x49, 0x45, 0x4D, 0x4B, 0x41, 0x45, 0x52, 0x42, 0x21, 0x4E, 0x41, 0x43, 0x55, 0x4F, 0x59, 0x46,
        };

        /// <summary>Writes the factory key of MF0ICU2 in DES order to <paramref name="key"/> at <paramref name="offset"/>.</summary>
        public static void CopyFactoryKey(byte[] key, int offset)
        {
            CheckRange(key, offset, KeyLength, nameof(key));
            Array.Copy(FactoryKeyDesOrder, 0, key, offset, KeyLength);
        }

        /// <summary>
        /// Writes the 16 bytes to send to pages 2Ch, 2Dh, 2Eh and 2Fh (4 bytes each, in that order) for the
        /// DES-order key at <paramref name="keyOffset"/>.
        /// </summary>
        public static void ToPageBytes(byte[] key, int keyOffset, byte[] pageBytes, int pageOffset)
        {
            ReverseHalves(key, keyOffset, pageBytes, pageOffset);
        }

        /// <summary>Writes the DES-order key stored as the 16 bytes of pages 2Ch to 2Fh at <paramref name="pageOffset"/>.</summary>
        public static void FromPageBytes(byte[] pageBytes, int pageOffset, byte[] key, int keyOffset)
        {
            ReverseHalves(pageBytes, pageOffset, key, keyOffset);
        }

        private static void ReverseHalves(byte[] source, int sourceOffset, byte[] destination, int destinationOffset)
        {
            CheckRange(source, sourceOffset, KeyLength, nameof(source));
            CheckRange(destination, destinationOffset, KeyLength, nameof(destination));
            for (int half = 0; half < KeyLength; half += 8)
            {
                for (int i = 0; i < 4; i++)
                {
                    // Both bytes of a swapped pair are read first, so source and destination may be the same range.
                    byte low = source[sourceOffset + half + i];
                    byte high = source[sourceOffset + half + 7 - i];
                    destination[destinationOffset + half + i] = high;
                    destination[destinationOffset + half + 7 - i] = low;
                }
            }
        }

        private static void CheckRange(byte[] buffer, int offset, int count, string name)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(name);
            }

            if (offset < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException(name, "A key of " + count + " bytes at offset " + offset + " does not fit in a buffer of " + buffer.Length + " bytes.");
            }
        }
    }
}
