using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>
    /// Checks and writers shared by the request classes. A check throws
    /// <see cref="System.ArgumentException"/> naming the field, so that a value the schema forbids
    /// never reaches the wire.
    /// </summary>
    internal static class PayloadWriter
    {
        // long.MinValue has 19 digits and a sign.
        private const int MaxInt64Characters = 20;

        private static readonly char[] _digits = new char[MaxInt64Characters];
        private static readonly object _digitsLock = new object();

        /// <summary>Rejects a null required string and any string longer than <paramref name="maxLength"/>.</summary>
        internal static void CheckCiString(string value, int maxLength, bool required, string fieldName)
        {
            if (value == null)
            {
                if (required)
                {
                    throw new System.ArgumentException(fieldName + " is required but is null.", fieldName);
                }

                return;
            }

            if (!CiStringLength.Fits(value, maxLength))
            {
                throw new System.ArgumentException(
                    fieldName + " has " + CiStringLength.CountCharacters(value) + " characters, more than the "
                        + maxLength + " of CiString" + maxLength + "Type.",
                    fieldName);
            }
        }

        /// <summary>Rejects an enum value that has no wire text in <paramref name="texts"/> (index 0 of an optional enum means omitted).</summary>
        internal static void CheckEnum(int value, string[] texts, bool optional, string fieldName)
        {
            if (optional && value == 0)
            {
                return;
            }

            if (!OcppEnumText.IsDefined(texts, value))
            {
                throw new System.ArgumentException(fieldName + " has the undefined value " + value + ".", fieldName);
            }
        }

        /// <summary>Rejects the default DateTime, which marks a timestamp the caller never set.</summary>
        internal static void CheckTimestampSet(System.DateTime value, string fieldName)
        {
            if (value == default(System.DateTime))
            {
                throw new System.ArgumentException(fieldName + " is required but was never set.", fieldName);
            }
        }

        /// <summary>Writes the property when <paramref name="value"/> is not null.</summary>
        internal static void WriteOptionalString(JsonWriter writer, string propertyName, string value)
        {
            if (value != null)
            {
                writer.WriteString(propertyName, value);
            }
        }

        /// <summary>Writes the property with the text of an enum value unless the value is the omitted member (index 0 with no text).</summary>
        internal static void WriteOptionalEnum(JsonWriter writer, string propertyName, string[] texts, int value)
        {
            string text = texts[value];
            if (text != null)
            {
                writer.WriteString(propertyName, text);
            }
        }

        /// <summary>Writes <paramref name="value"/> as a JSON string of decimal digits, allocating nothing.</summary>
        internal static void WriteInt64StringValue(JsonWriter writer, long value)
        {
            lock (_digitsLock)
            {
                int start = MaxInt64Characters;
                bool negative = value < 0;

                // Digits are taken from the negative value, because -long.MinValue does not exist.
                long remaining = negative ? value : -value;
                do
                {
                    start--;
                    _digits[start] = (char)('0' - (remaining % 10));
                    remaining /= 10;
                }
                while (remaining != 0);

                if (negative)
                {
                    start--;
                    _digits[start] = '-';
                }

                writer.WriteStringValue(_digits, start, MaxInt64Characters - start);
            }
        }
    }
}
