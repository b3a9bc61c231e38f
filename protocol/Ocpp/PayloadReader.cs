using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>
    /// Field readers shared by the confirmation classes. Each checks one schema rule and throws
    /// <see cref="OcppPayloadException"/> with the OCPP-J 1.6 §4.2.3 code for that rule:
    /// wrong JSON type → TypeConstraintViolation, missing or repeated property →
    /// OccurenceConstraintViolation, value outside an enum, too long or not a valid date-time →
    /// PropertyConstraintViolation, unknown property or invalid JSON → FormationViolation.
    /// </summary>
    internal static class PayloadReader
    {
        // Strings this long are never read into memory for an error message.
        private const int MaxQuotedLength = 40;

        // An RFC 3339 date-time with a 9-digit fraction and an offset has 35 characters. Longer
        // text cannot be valid, so it is rejected before it is copied out of the buffer.
        private const int MaxDateTimeLength = 64;

        /// <summary>Reads the token that must open <paramref name="objectName"/>.</summary>
        internal static void ReadStartObject(JsonReader reader, string objectName)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new OcppPayloadException(OcppError.TypeConstraintViolation, objectName + " is not a JSON object.");
            }
        }

        /// <summary>Moves to the next property name of the current object and returns false at its end.</summary>
        internal static bool ReadNextProperty(JsonReader reader, string objectName)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                return true;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return false;
            }

            throw new OcppPayloadException(OcppError.FormationViolation, objectName + " is not a well-formed JSON object.");
        }

        /// <summary>Reads an object that must have no property (the empty confirmations of OCPP 1.6).</summary>
        internal static void ReadEmptyObject(JsonReader reader, string objectName)
        {
            ReadStartObject(reader, objectName);
            if (ReadNextProperty(reader, objectName))
            {
                throw UnknownProperty(reader, objectName);
            }
        }

        /// <summary>Returns the exception for the current property name, which the schema does not define.</summary>
        internal static OcppPayloadException UnknownProperty(JsonReader reader, string objectName)
        {
            return new OcppPayloadException(
                OcppError.FormationViolation,
                objectName + " has the unknown property " + Quote(reader) + ".");
        }

        /// <summary>Records that property <paramref name="bit"/> was read and rejects a second occurrence.</summary>
        internal static void MarkSeen(ref int seenMask, int bit, string objectName, string propertyName)
        {
            if ((seenMask & bit) != 0)
            {
                throw new OcppPayloadException(
                    OcppError.OccurenceConstraintViolation,
                    objectName + "." + propertyName + " occurs more than once.");
            }

            seenMask |= bit;
        }

        /// <summary>Rejects a payload where the required property <paramref name="bit"/> was not read.</summary>
        internal static void RequireSeen(int seenMask, int bit, string objectName, string propertyName)
        {
            if ((seenMask & bit) == 0)
            {
                throw new OcppPayloadException(
                    OcppError.OccurenceConstraintViolation,
                    objectName + "." + propertyName + " is required but missing.");
            }
        }

        /// <summary>
        /// Reads a JSON integer. A number with a zero fraction or an exponent (2.0, 2e1) is accepted,
        /// because the JSON schema type "integer" accepts it.
        /// </summary>
        /// <remarks>
        /// NOTE: the 1.6 schemas set no range on integers, but every integer field here is a C# int,
        /// so a value outside the 32-bit range is rejected as TypeConstraintViolation.
        /// </remarks>
        internal static int ReadInt32(JsonReader reader, string objectName, string propertyName)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.Number)
            {
                int value;
                if (reader.TryGetInt32(out value))
                {
                    return value;
                }

                double number;
                if (reader.TryGetDouble(out number)
                    && number >= int.MinValue && number <= int.MaxValue && number == (int)number)
                {
                    return (int)number;
                }
            }

            throw new OcppPayloadException(
                OcppError.TypeConstraintViolation,
                objectName + "." + propertyName + " is not a 32-bit integer.");
        }

        /// <summary>Reads a string of at most <paramref name="maxLength"/> Unicode characters (a CiString).</summary>
        internal static string ReadCiString(JsonReader reader, string objectName, string propertyName, int maxLength)
        {
            ReadStringToken(reader, objectName, propertyName);

            // Each Unicode character takes one or two UTF-16 units, so more than twice the limit
            // cannot fit, and such text is rejected without being copied.
            if (reader.GetStringLength() <= 2 * maxLength)
            {
                string value = reader.GetString();
                if (CiStringLength.CountCharacters(value) <= maxLength)
                {
                    return value;
                }
            }

            throw new OcppPayloadException(
                OcppError.PropertyConstraintViolation,
                objectName + "." + propertyName + " is longer than " + maxLength + " characters.");
        }

        /// <summary>Reads an RFC 3339 date-time string (see <see cref="OcppTime.TryParse"/>).</summary>
        internal static System.DateTime ReadDateTime(JsonReader reader, string objectName, string propertyName)
        {
            ReadStringToken(reader, objectName, propertyName);
            System.DateTime value;
            if (reader.GetStringLength() <= MaxDateTimeLength && OcppTime.TryParse(reader.GetString(), out value))
            {
                return value;
            }

            throw new OcppPayloadException(
                OcppError.PropertyConstraintViolation,
                objectName + "." + propertyName + " " + Quote(reader) + " is not an RFC 3339 date-time.");
        }

        /// <summary>Reads a string that must be one of <paramref name="texts"/> and returns its index (the enum value).</summary>
        internal static int ReadEnum(JsonReader reader, string[] texts, string objectName, string propertyName)
        {
            ReadStringToken(reader, objectName, propertyName);
            int index = OcppEnumText.IndexOf(texts, reader);
            if (index < 0)
            {
                throw new OcppPayloadException(
                    OcppError.PropertyConstraintViolation,
                    objectName + "." + propertyName + " " + Quote(reader) + " is not an allowed value.");
            }

            return index;
        }

        /// <summary>Maps invalid JSON inside a payload to FormationViolation.</summary>
        internal static OcppPayloadException InvalidJson(string objectName, JsonFormatException e)
        {
            return new OcppPayloadException(
                OcppError.FormationViolation,
                objectName + " is not valid JSON at byte " + e.Position + ": " + e.Message);
        }

        private static void ReadStringToken(JsonReader reader, string objectName, string propertyName)
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new OcppPayloadException(
                    OcppError.TypeConstraintViolation,
                    objectName + "." + propertyName + " is not a string.");
            }
        }

        // Quotes the current string or property name for an error message, or gives only its
        // length when it is long.
        private static string Quote(JsonReader reader)
        {
            int length = reader.GetStringLength();
            if (length > MaxQuotedLength)
            {
                return "(a text of " + length + " characters)";
            }

            return "\"" + reader.GetString() + "\"";
        }
    }
}
