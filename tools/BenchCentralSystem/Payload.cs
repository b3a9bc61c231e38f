using System.Text.Json;

namespace KiWhi.Armoire.Tools.Bench
{
    /// <summary>
    /// Readers of CALL payload fields that throw <see cref="PayloadException"/> with the OCPP-J 1.6
    /// error code: OccurenceConstraintViolation for a missing field, TypeConstraintViolation for a wrong
    /// JSON type, PropertyConstraintViolation for a value out of range or too long.
    /// </summary>
    internal static class Payload
    {
        public static string RequiredString(JsonElement payload, string name, int maxLength)
        {
            JsonElement value = Required(payload, name);
            return CheckString(value, name, maxLength);
        }

        public static string OptionalString(JsonElement payload, string name, int maxLength)
        {
            return payload.TryGetProperty(name, out JsonElement value) ? CheckString(value, name, maxLength) : null;
        }

        public static long RequiredInteger(JsonElement payload, string name)
        {
            JsonElement value = Required(payload, name);
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out long number))
            {
                throw new PayloadException("TypeConstraintViolation", "'" + name + "' must be an integer");
            }

            return number;
        }

        public static int? OptionalInt32(JsonElement payload, string name)
        {
            if (!payload.TryGetProperty(name, out JsonElement value))
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int number))
            {
                throw new PayloadException("TypeConstraintViolation", "'" + name + "' must be an integer");
            }

            return number;
        }

        public static JsonElement RequiredArray(JsonElement payload, string name)
        {
            JsonElement value = Required(payload, name);
            if (value.ValueKind != JsonValueKind.Array)
            {
                throw new PayloadException("TypeConstraintViolation", "'" + name + "' must be an array");
            }

            return value;
        }

        private static JsonElement Required(JsonElement payload, string name)
        {
            if (!payload.TryGetProperty(name, out JsonElement value))
            {
                throw new PayloadException("OccurenceConstraintViolation", "required field '" + name + "' is missing");
            }

            return value;
        }

        private static string CheckString(JsonElement value, string name, int maxLength)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                throw new PayloadException("TypeConstraintViolation", "'" + name + "' must be a string");
            }

            string text = value.GetString();
            if (text.Length > maxLength)
            {
                throw new PayloadException("PropertyConstraintViolation", "'" + name + "' has " + text.Length + " characters; the maximum is " + maxLength);
            }

            return text;
        }
    }
}
