using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>
    /// OCPP 1.6 dateTime values, which the 1.6 JSON schemas declare as format "date-time"
    /// (RFC 3339 §5.6). The cabinet writes UTC with millisecond precision and a "Z" suffix, and it
    /// reads any offset and fraction length a server sends.
    /// </summary>
    public static class OcppTime
    {
        /// <summary>Length of the text written by <see cref="Format"/>: "yyyy-MM-ddTHH:mm:ss.fffZ".</summary>
        public const int FormattedLength = 24;

        // nanoFramework's DateTime covers 1601-01-01T00:00:00 to 3000-12-31T23:59:59.9999999
        // (CoreLibrary DateTime.MinValue and MaxValue). These constants are the same instants in .NET ticks.
        private const long MinTicks = 504911232000000000;
        private const long MaxTicks = 946708127999999999;

        private const long TicksPerSecond = 10000000;
        private const long TicksPerMinute = 60 * TicksPerSecond;
        private const long TicksPerDay = 86400 * TicksPerSecond;
        private const int MaxFractionDigits = 7;

        private static readonly int[] _daysBeforeMonth = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
        private static readonly char[] _scratch = new char[FormattedLength];
        private static readonly object _scratchLock = new object();

        /// <summary>
        /// Writes <paramref name="utcTime"/> as "yyyy-MM-ddTHH:mm:ss.fffZ" into <paramref name="destination"/>
        /// at <paramref name="offset"/> and returns <see cref="FormattedLength"/>. The value is taken as UTC
        /// whatever its Kind (nanoFramework has UTC only), and ticks below a millisecond are truncated.
        /// </summary>
        public static int Format(System.DateTime utcTime, char[] destination, int offset)
        {
            if (destination == null)
            {
                throw new System.ArgumentNullException(nameof(destination));
            }

            if (offset < 0 || offset > destination.Length - FormattedLength)
            {
                throw new System.ArgumentOutOfRangeException(nameof(offset), "The destination has no room for 24 characters at this offset.");
            }

            WriteDigits(destination, offset, utcTime.Year, 4);
            destination[offset + 4] = '-';
            WriteDigits(destination, offset + 5, utcTime.Month, 2);
            destination[offset + 7] = '-';
            WriteDigits(destination, offset + 8, utcTime.Day, 2);
            destination[offset + 10] = 'T';
            WriteDigits(destination, offset + 11, utcTime.Hour, 2);
            destination[offset + 13] = ':';
            WriteDigits(destination, offset + 14, utcTime.Minute, 2);
            destination[offset + 16] = ':';
            WriteDigits(destination, offset + 17, utcTime.Second, 2);
            destination[offset + 19] = '.';
            WriteDigits(destination, offset + 20, utcTime.Millisecond, 3);
            destination[offset + 23] = 'Z';
            return FormattedLength;
        }

        /// <summary>Writes <paramref name="utcTime"/> as a JSON string value in the format of <see cref="Format"/>, allocating nothing.</summary>
        public static void WriteValue(JsonWriter writer, System.DateTime utcTime)
        {
            lock (_scratchLock)
            {
                Format(utcTime, _scratch, 0);
                writer.WriteStringValue(_scratch, 0, FormattedLength);
            }
        }

        /// <summary>Writes the property <paramref name="propertyName"/> with <paramref name="utcTime"/> as its value (see <see cref="WriteValue"/>).</summary>
        public static void WriteProperty(JsonWriter writer, string propertyName, System.DateTime utcTime)
        {
            writer.WritePropertyName(propertyName);
            WriteValue(writer, utcTime);
        }

        /// <summary>
        /// Parses an RFC 3339 date-time: "yyyy-MM-ddTHH:mm:ss", an optional fraction of any length
        /// (digits past the 7th, below one tick, are ignored), then "Z" or an offset "+hh:mm" / "-hh:mm".
        /// "T" and "Z" may be lower case (RFC 3339 §5.6). A leap second (":60") becomes the next second.
        /// The result is UTC, clamped to nanoFramework's DateTime range (1601-01-01 to 3000-12-31) so
        /// that a far-future expiry such as 9999-12-31 stays in the future. Returns false for any
        /// other text, including impossible dates such as February 30.
        /// </summary>
        /// <remarks>
        /// Three forms outside RFC 3339 are also read, because ajv-formats 2.1.1, the date-time
        /// check of Node.js OCPP servers built on ocpp-rpc, accepts them: a space in place of "T",
        /// and the offsets "+hhmm" and "+hh".
        /// </remarks>
        public static bool TryParse(string text, out System.DateTime utcTime)
        {
            utcTime = default(System.DateTime);
            if (text == null || text.Length < 20)
            {
                return false;
            }

            int year, month, day, hour, minute, second;
            if (!TryReadDigits(text, 0, 4, out year) || text[4] != '-'
                || !TryReadDigits(text, 5, 2, out month) || text[7] != '-'
                || !TryReadDigits(text, 8, 2, out day) || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')
                || !TryReadDigits(text, 11, 2, out hour) || text[13] != ':'
                || !TryReadDigits(text, 14, 2, out minute) || text[16] != ':'
                || !TryReadDigits(text, 17, 2, out second))
            {
                return false;
            }

            if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)
                || hour > 23 || minute > 59 || second > 60)
            {
                return false;
            }

            int index = 19;
            long fractionTicks = 0;
            if (text[index] == '.')
            {
                index++;
                int digitCount = 0;
                while (index < text.Length && IsDigit(text[index]))
                {
                    if (digitCount < MaxFractionDigits)
                    {
                        fractionTicks = (fractionTicks * 10) + (text[index] - '0');
                    }

                    digitCount++;
                    index++;
                }

                if (digitCount == 0)
                {
                    return false;
                }

                for (int i = digitCount; i < MaxFractionDigits; i++)
                {
                    fractionTicks *= 10;
                }
            }

            int offsetMinutes;
            if (!TryReadOffset(text, index, out offsetMinutes))
            {
                return false;
            }

            long ticks = (DaysSinceYearOne(year, month, day) * TicksPerDay)
                + (((hour * 3600L) + (minute * 60L) + second) * TicksPerSecond)
                + fractionTicks
                - (offsetMinutes * TicksPerMinute);

            if (ticks < MinTicks)
            {
                ticks = MinTicks;
            }
            else if (ticks > MaxTicks)
            {
                ticks = MaxTicks;
            }

            utcTime = new System.DateTime(ticks, System.DateTimeKind.Utc);
            return true;
        }

        private static bool TryReadOffset(string text, int index, out int offsetMinutes)
        {
            offsetMinutes = 0;
            int remaining = text.Length - index;
            if (remaining == 1 && (text[index] == 'Z' || text[index] == 'z'))
            {
                return true;
            }

            if (remaining < 3 || (text[index] != '+' && text[index] != '-'))
            {
                return false;
            }

            // "+hh:mm" (RFC 3339), "+hhmm" or "+hh".
            int offsetHours;
            int minutes = 0;
            bool valid;
            if (remaining == 6)
            {
                valid = text[index + 3] == ':' && TryReadDigits(text, index + 4, 2, out minutes);
            }
            else if (remaining == 5)
            {
                valid = TryReadDigits(text, index + 3, 2, out minutes);
            }
            else
            {
                valid = remaining == 3;
            }

            if (!valid || !TryReadDigits(text, index + 1, 2, out offsetHours) || offsetHours > 23 || minutes > 59)
            {
                return false;
            }

            offsetMinutes = (offsetHours * 60) + minutes;
            if (text[index] == '-')
            {
                offsetMinutes = -offsetMinutes;
            }

            return true;
        }

        private static bool TryReadDigits(string text, int index, int count, out int value)
        {
            value = 0;
            for (int i = index; i < index + count; i++)
            {
                if (!IsDigit(text[i]))
                {
                    return false;
                }

                value = (value * 10) + (text[i] - '0');
            }

            return true;
        }

        private static bool IsDigit(char c)
        {
            return c >= '0' && c <= '9';
        }

        private static bool IsLeapYear(int year)
        {
            return (year % 4 == 0) && (year % 100 != 0 || year % 400 == 0);
        }

        private static int DaysInMonth(int year, int month)
        {
            if (month == 2)
            {
                return IsLeapYear(year) ? 29 : 28;
            }

            return (month == 4 || month == 6 || month == 9 || month == 11) ? 30 : 31;
        }

        // Days from 0001-01-01 in the proleptic Gregorian calendar. The result is negative for year 0, which
        // the caller clamps anyway.
        private static long DaysSinceYearOne(int year, int month, int day)
        {
            long previousYears = year - 1;
            long days = (previousYears * 365) + (previousYears / 4) - (previousYears / 100) + (previousYears / 400);
            days += _daysBeforeMonth[month - 1];
            if (month > 2 && IsLeapYear(year))
            {
                days++;
            }

            return days + day - 1;
        }

        private static void WriteDigits(char[] destination, int offset, int value, int count)
        {
            for (int i = offset + count - 1; i >= offset; i--)
            {
                destination[i] = (char)('0' + (value % 10));
                value /= 10;
            }
        }
    }
}
