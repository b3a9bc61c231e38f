using System;

namespace KiWhi.Armoire.Tests.Device
{
    /// <summary>Hexadecimal text of test vectors, written here because nanoFramework's mscorlib has no hex conversion.</summary>
    public static class HexText
    {
        private const string Digits = "0123456789ABCDEF";

        /// <summary>Returns the bytes of <paramref name="hex"/>: an even number of digits, either case, no separators.</summary>
        /// <exception cref="ArgumentException"><paramref name="hex"/> has an odd length or a character that is not a hexadecimal digit.</exception>
        public static byte[] Parse(string hex)
        {
            if (hex == null || hex.Length % 2 != 0)
            {
                throw new ArgumentException("Hexadecimal text must have an even number of digits: '" + hex + "'");
            }

            byte[] bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)((DigitValue(hex, 2 * i) << 4) | DigitValue(hex, 2 * i + 1));
            }

            return bytes;
        }

        /// <summary>Returns upper-case hexadecimal text of <paramref name="count"/> bytes from <paramref name="offset"/>.</summary>
        public static string Format(byte[] bytes, int offset, int count)
        {
            char[] text = new char[2 * count];
            for (int i = 0; i < count; i++)
            {
                text[2 * i] = Digits[bytes[offset + i] >> 4];
                text[2 * i + 1] = Digits[bytes[offset + i] & 0x0F];
            }

            return new string(text);
        }

        /// <summary>Returns upper-case hexadecimal text of every byte of <paramref name="bytes"/>.</summary>
        public static string Format(byte[] bytes)
        {
            return Format(bytes, 0, bytes.Length);
        }

        private static int DigitValue(string hex, int index)
        {
            char c = hex[index];
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            throw new ArgumentException("Invalid hexadecimal digit '" + c + "' at index " + index.ToString() + " of '" + hex + "'");
        }
    }
}
