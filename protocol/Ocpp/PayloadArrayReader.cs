using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>
    /// Array readers shared by the request classes, with the CALLERROR codes of
    /// <see cref="PayloadReader"/>: a value that is not an array or an element of the wrong JSON type
    /// → TypeConstraintViolation, a string that is too long → PropertyConstraintViolation.
    /// </summary>
    internal static class PayloadArrayReader
    {
        /// <summary>Reads the token that must open the array value of <paramref name="propertyName"/>.</summary>
        internal static void ReadStartArray(JsonReader reader, string objectName, string propertyName)
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new OcppPayloadException(
                    OcppError.TypeConstraintViolation,
                    objectName + "." + propertyName + " is not an array.");
            }
        }

        /// <summary>
        /// Moves to the first token of the next element and returns true, or returns false at the end
        /// of the array.
        /// </summary>
        internal static bool ReadNextElement(JsonReader reader)
        {
            reader.Read();
            return reader.TokenType != JsonTokenType.EndArray;
        }

        /// <summary>Rejects an element that is not an object. The current token must be the element's first token.</summary>
        internal static void RequireObjectElement(JsonReader reader, string objectName, string propertyName)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new OcppPayloadException(
                    OcppError.TypeConstraintViolation,
                    objectName + "." + propertyName + " has an element that is not an object.");
            }
        }

        /// <summary>
        /// Returns the current element as a string of at most <paramref name="maxLength"/> Unicode
        /// characters (a CiString). The current token must be the element's first token.
        /// </summary>
        internal static string GetCiStringElement(JsonReader reader, string objectName, string propertyName, int maxLength)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new OcppPayloadException(
                    OcppError.TypeConstraintViolation,
                    objectName + "." + propertyName + " has an element that is not a string.");
            }

            // More than two UTF-16 units per allowed character cannot fit, so such text is not copied.
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
                objectName + "." + propertyName + " has an element longer than " + maxLength + " characters.");
        }
    }
}
