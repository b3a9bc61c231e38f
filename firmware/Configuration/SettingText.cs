namespace KiWhi.Armoire.Firmware
{
    /// <summary>Text forms of setting values: strict integer parsing, lists, and values made safe to print.</summary>
    public static class SettingText
    {
        /// <summary>Longest part of an offending value that error messages repeat, in characters.</summary>
        public const int MaxEchoedCharacters = 40;

        /// <summary>Longest reason (network error, link closure) the console prints in full.</summary>
        public const int MaxReasonCharacters = 160;

        /// <summary>
        /// Parses an optional '-' and 1 to 10 decimal digits into an int. Unlike int.TryParse, it accepts
        /// no '+', no spaces and no other digits than 0-9, identically on .NET and nanoFramework.
        /// </summary>
        public static bool TryParseInteger(string text, out int value)
        {
            value = 0;
            if (text == null || text.Length == 0)
            {
                return false;
            }

            bool negative = text[0] == '-';
            int start = negative ? 1 : 0;
            int digits = text.Length - start;
            if (digits < 1 || digits > 10)
            {
                return false;
            }

            long result = 0;
            for (int i = start; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                result = result * 10 + (c - '0');
            }

            if (negative)
            {
                result = -result;
            }

            if (result < int.MinValue || result > int.MaxValue)
            {
                return false;
            }

            value = (int)result;
            return true;
        }

        /// <summary>Returns the list as "1,2,3", or "" for null or empty.</summary>
        public static string FormatList(int[] values)
        {
            if (values == null)
            {
                return "";
            }

            string text = "";
            for (int i = 0; i < values.Length; i++)
            {
                text += i == 0 ? values[i].ToString() : "," + values[i].ToString();
            }

            return text;
        }

        /// <summary>
        /// Returns <paramref name="text"/> safe to print on a terminal: control characters become '?',
        /// and text beyond <see cref="MaxEchoedCharacters"/> is cut and ends with "...".
        /// </summary>
        public static string Printable(string text)
        {
            return Printable(text, MaxEchoedCharacters);
        }

        /// <summary>
        /// Returns <paramref name="text"/> safe to print on a terminal: control characters become '?',
        /// and text beyond <paramref name="maxCharacters"/> is cut and ends with "...".
        /// </summary>
        public static string Printable(string text, int maxCharacters)
        {
            if (text == null)
            {
                return "";
            }

            int length = text.Length > maxCharacters ? maxCharacters : text.Length;
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                char c = text[i];
                chars[i] = IsControl(c) ? '?' : c;
            }

            string printable = new string(chars);
            return text.Length > maxCharacters ? printable + "..." : printable;
        }

        /// <summary>
        /// Returns true for C0 and C1 control characters, DEL, and U+FFFD (which stands for bytes that were
        /// not valid UTF-8): none of them belongs in a setting or a terminal line.
        /// </summary>
        public static bool IsControl(char c)
        {
            return c < ' ' || (c >= (char)0x7F && c <= (char)0x9F) || c == '\uFFFD';
        }

        /// <summary>Returns the text with leading and trailing spaces and tabs removed; null stays null.</summary>
        public static string TrimSpaces(string text)
        {
            if (text == null)
            {
                return null;
            }

            int start = 0;
            int end = text.Length;
            while (start < end && (text[start] == ' ' || text[start] == '\t'))
            {
                start++;
            }

            while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t'))
            {
                end--;
            }

            return text.Substring(start, end - start);
        }

        /// <summary>Returns the text in lower case for ASCII letters only, so that results do not depend on a culture.</summary>
        public static string ToLowerAscii(string text)
        {
            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] >= 'A' && chars[i] <= 'Z')
                {
                    chars[i] = (char)(chars[i] + ('a' - 'A'));
                }
            }

            return new string(chars);
        }

        /// <summary>Compares two strings ignoring the case of ASCII letters.</summary>
        public static bool EqualsIgnoreCase(string a, string b)
        {
            if (a == null || b == null || a.Length != b.Length)
            {
                return a == null && b == null;
            }

            return ToLowerAscii(a) == ToLowerAscii(b);
        }

        /// <summary>Returns the bytes as upper-case hexadecimal, or null for null.</summary>
        public static string ToHex(byte[] bytes)
        {
            if (bytes == null)
            {
                return null;
            }

            const string digits = "0123456789ABCDEF";
            char[] chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = digits[bytes[i] >> 4];
                chars[2 * i + 1] = digits[bytes[i] & 0x0F];
            }

            return new string(chars);
        }

        /// <summary>Returns the bytes of an even-length hexadecimal text already checked by <see cref="SettingValidator"/>; null or "" gives null.</summary>
        public static byte[] FromHex(string text)
        {
            if (text == null || text.Length == 0)
            {
                return null;
            }

            byte[] bytes = new byte[text.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)((HexValue(text[2 * i]) << 4) | HexValue(text[2 * i + 1]));
            }

            return bytes;
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            return c - 'A' + 10;
        }
    }
}
