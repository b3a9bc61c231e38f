namespace KiWhi.Armoire.Protocol.Json
{
    /// <summary>
    /// UTF-8 encoding and decoding per RFC 3629 without System.Text, which nanoFramework ships in a
    /// separate package. Ill-formed input is either reported (<see cref="DecodeScalar"/>) or replaced by
    /// U+FFFD, never passed through.
    /// </summary>
    public static class Utf8
    {
        /// <summary>U+FFFD, the Unicode replacement character.</summary>
        public const char ReplacementCharacter = '\uFFFD';

        /// <summary>
        /// Decodes the well-formed UTF-8 sequence that starts at <paramref name="index"/> and returns
        /// its length in bytes (1 to 4), or 0 when the bytes before <paramref name="end"/> are not a
        /// well-formed sequence (RFC 3629 section 4: no overlong forms, no surrogates, nothing above
        /// U+10FFFF, no truncated sequence).
        /// </summary>
        public static int DecodeScalar(byte[] utf8, int index, int end, out int scalar)
        {
            scalar = 0;
            int first = utf8[index];
            if (first < 0x80)
            {
                scalar = first;
                return 1;
            }

            // The lead byte fixes the length and the allowed range of the second byte, which is
            // how RFC 3629 excludes overlong forms (E0, F0), surrogates (ED) and values above
            // U+10FFFF (F4) without decoding first.
            int length;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (first >= 0xC2 && first <= 0xDF)
            {
                length = 2;
                scalar = first & 0x1F;
            }
            else if (first >= 0xE0 && first <= 0xEF)
            {
                length = 3;
                scalar = first & 0x0F;
                if (first == 0xE0)
                {
                    secondMin = 0xA0;
                }
                else if (first == 0xED)
                {
                    secondMax = 0x9F;
                }
            }
            else if (first >= 0xF0 && first <= 0xF4)
            {
                length = 4;
                scalar = first & 0x07;
                if (first == 0xF0)
                {
                    secondMin = 0x90;
                }
                else if (first == 0xF4)
                {
                    secondMax = 0x8F;
                }
            }
            else
            {
                return 0;
            }

            if (end - index < length)
            {
                scalar = 0;
                return 0;
            }

            int second = utf8[index + 1];
            if (second < secondMin || second > secondMax)
            {
                scalar = 0;
                return 0;
            }

            scalar = (scalar << 6) | (second & 0x3F);
            for (int i = 2; i < length; i++)
            {
                int next = utf8[index + i];
                if ((next & 0xC0) != 0x80)
                {
                    scalar = 0;
                    return 0;
                }

                scalar = (scalar << 6) | (next & 0x3F);
            }

            return length;
        }

        /// <summary>
        /// Decodes <paramref name="count"/> bytes from <paramref name="offset"/> into a string, replacing
        /// each byte that does not start a well-formed sequence with U+FFFD. Allocates the result.
        /// </summary>
        public static string GetString(byte[] utf8, int offset, int count)
        {
            CheckRange(utf8, offset, count);
            int end = offset + count;

            int charCount = 0;
            int index = offset;
            while (index < end)
            {
                int scalar;
                int length = DecodeScalar(utf8, index, end, out scalar);
                charCount += scalar >= 0x10000 ? 2 : 1;
                index += length == 0 ? 1 : length;
            }

            char[] chars = new char[charCount];
            int charIndex = 0;
            index = offset;
            while (index < end)
            {
                int scalar;
                int length = DecodeScalar(utf8, index, end, out scalar);
                if (length == 0)
                {
                    chars[charIndex++] = ReplacementCharacter;
                    index++;
                    continue;
                }

                charIndex = StoreScalar(scalar, chars, charIndex);
                index += length;
            }

            return new string(chars);
        }

        /// <summary>
        /// Returns the number of bytes <see cref="GetBytes"/> writes for <paramref name="text"/>, counting
        /// each unpaired surrogate as the 3 bytes of U+FFFD.
        /// </summary>
        public static int GetByteCount(string text)
        {
            if (text == null)
            {
                throw new System.ArgumentNullException("text");
            }

            int count = 0;
            int length = text.Length;
            for (int i = 0; i < length; i++)
            {
                char c = text[i];
                if (c < 0x80)
                {
                    count += 1;
                }
                else if (c < 0x800)
                {
                    count += 2;
                }
                else if (IsHighSurrogate(c) && i + 1 < length && IsLowSurrogate(text[i + 1]))
                {
                    count += 4;
                    i++;
                }
                else
                {
                    count += 3;
                }
            }

            return count;
        }

        /// <summary>
        /// Encodes <paramref name="text"/> into <paramref name="destination"/> from <paramref name="offset"/>
        /// and returns the number of bytes written. An unpaired surrogate is written as U+FFFD. Throws
        /// <see cref="System.ArgumentException"/>, before writing anything, when the bytes do not fit.
        /// </summary>
        public static int GetBytes(string text, byte[] destination, int offset)
        {
            int required = GetByteCount(text);
            if (destination == null)
            {
                throw new System.ArgumentNullException("destination");
            }

            if (offset < 0 || offset > destination.Length || destination.Length - offset < required)
            {
                throw new System.ArgumentException(
                    "The destination has no room for " + required.ToString() + " bytes at offset " + offset.ToString() + ".",
                    "destination");
            }

            int index = offset;
            int length = text.Length;
            for (int i = 0; i < length; i++)
            {
                int scalar = text[i];
                if (IsHighSurrogate((char)scalar) && i + 1 < length && IsLowSurrogate(text[i + 1]))
                {
                    scalar = CombineSurrogates((char)scalar, text[i + 1]);
                    i++;
                }
                else if (scalar >= 0xD800 && scalar <= 0xDFFF)
                {
                    scalar = ReplacementCharacter;
                }

                index = EncodeScalar(scalar, destination, index);
            }

            return index - offset;
        }

        /// <summary>Writes <paramref name="scalar"/>, a Unicode scalar value, and returns the index after it.</summary>
        internal static int EncodeScalar(int scalar, byte[] destination, int index)
        {
            if (scalar < 0x80)
            {
                destination[index] = (byte)scalar;
                return index + 1;
            }

            if (scalar < 0x800)
            {
                destination[index] = (byte)(0xC0 | (scalar >> 6));
                destination[index + 1] = (byte)(0x80 | (scalar & 0x3F));
                return index + 2;
            }

            if (scalar < 0x10000)
            {
                destination[index] = (byte)(0xE0 | (scalar >> 12));
                destination[index + 1] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
                destination[index + 2] = (byte)(0x80 | (scalar & 0x3F));
                return index + 3;
            }

            destination[index] = (byte)(0xF0 | (scalar >> 18));
            destination[index + 1] = (byte)(0x80 | ((scalar >> 12) & 0x3F));
            destination[index + 2] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
            destination[index + 3] = (byte)(0x80 | (scalar & 0x3F));
            return index + 4;
        }

        /// <summary>
        /// Stores <paramref name="scalar"/> as one UTF-16 code unit, or as a surrogate pair above U+FFFF,
        /// and returns the index after it.
        /// </summary>
        internal static int StoreScalar(int scalar, char[] destination, int index)
        {
            if (scalar < 0x10000)
            {
                destination[index] = (char)scalar;
                return index + 1;
            }

            int offsetScalar = scalar - 0x10000;
            destination[index] = (char)(0xD800 + (offsetScalar >> 10));
            destination[index + 1] = (char)(0xDC00 + (offsetScalar & 0x3FF));
            return index + 2;
        }

        internal static bool IsHighSurrogate(char c)
        {
            return c >= 0xD800 && c <= 0xDBFF;
        }

        internal static bool IsLowSurrogate(char c)
        {
            return c >= 0xDC00 && c <= 0xDFFF;
        }

        internal static int CombineSurrogates(char high, char low)
        {
            return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
        }

        private static void CheckRange(byte[] utf8, int offset, int count)
        {
            if (utf8 == null)
            {
                throw new System.ArgumentNullException("utf8");
            }

            if (offset < 0 || count < 0 || offset > utf8.Length || utf8.Length - offset < count)
            {
                throw new System.ArgumentOutOfRangeException(
                    "count",
                    "Offset " + offset.ToString() + " and count " + count.ToString()
                        + " do not fit in an array of " + utf8.Length.ToString() + " bytes.");
            }
        }
    }
}
