using System.Globalization;
using System.Text;

namespace KiWhi.Armoire.Tests.Ocpp
{
    /// <summary>Random but reproducible field values for request tests, with the length boundaries of each CiString.</summary>
    internal sealed class RequestSamples
    {
        // Characters that JSON writers escape, that need two or three UTF-8 bytes, and a
        // character outside the BMP (a surrogate pair that counts as one character for maxLength).
        private static readonly string[] SpecialCharacters = { "\"", "\\", "/", "\n", "\t", "\u0001", "\u001f", "é", "漢", "€", "😀" };

        private readonly Random _random;

        public RequestSamples(int seed)
        {
            _random = new Random(seed);
        }

        public Random Random => _random;

        /// <summary>
        /// Returns a string of exactly <paramref name="length"/> Unicode characters: mostly ASCII
        /// letters and digits, with special characters when <paramref name="plain"/> is false.
        /// </summary>
        public string Text(int length, bool plain)
        {
            var text = new StringBuilder();
            for (int i = 0; i < length; i++)
            {
                if (!plain && _random.Next(5) == 0)
                {
                    text.Append(SpecialCharacters[_random.Next(SpecialCharacters.Length)]);
                }
                else
                {
                    const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -._";
                    text.Append(alphabet[_random.Next(alphabet.Length)]);
                }
            }

            return text.ToString();
        }

        /// <summary>Returns a length for a CiString of <paramref name="maxLength"/>: a boundary (0, 1, max − 1, max) half of the time.</summary>
        public int Length(int maxLength)
        {
            switch (_random.Next(8))
            {
                case 0: return 0;
                case 1: return 1;
                case 2: return maxLength - 1;
                case 3: return maxLength;
                default: return _random.Next(maxLength + 1);
            }
        }

        /// <summary>Returns null (field omitted) or a valid CiString value.</summary>
        public string? OptionalText(int maxLength, bool plain)
        {
            return _random.Next(3) == 0 ? null : Text(Length(maxLength), plain);
        }

        /// <summary>Returns a UTC time between 2000 and 2100 with tick precision.</summary>
        public DateTime Time()
        {
            long start = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
            long end = new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
            return new DateTime(start + _random.NextInt64(end - start), DateTimeKind.Utc);
        }

        /// <summary>Returns an int biased towards the edges of its range.</summary>
        public int Integer()
        {
            switch (_random.Next(6))
            {
                case 0: return 0;
                case 1: return int.MaxValue;
                case 2: return int.MinValue;
                default: return _random.Next(0, 10_000_000);
            }
        }

        /// <summary>Returns a long biased towards the edges of its range.</summary>
        public long LongInteger()
        {
            switch (_random.Next(6))
            {
                case 0: return 0;
                case 1: return long.MaxValue;
                case 2: return long.MinValue;
                case 3: return -_random.NextInt64(1, 1_000_000);
                default: return _random.NextInt64(0, 100_000_000_000);
            }
        }

        /// <summary>Returns a member of <typeparamref name="TEnum"/>.</summary>
        public TEnum Pick<TEnum>()
            where TEnum : struct, Enum
        {
            TEnum[] values = Enum.GetValues<TEnum>();
            return values[_random.Next(values.Length)];
        }

        /// <summary>Returns the OCPP text of <paramref name="time"/> computed by .NET, independently of OcppTime.</summary>
        public static string ExpectedTime(DateTime time)
        {
            return time.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", CultureInfo.InvariantCulture);
        }
    }
}
