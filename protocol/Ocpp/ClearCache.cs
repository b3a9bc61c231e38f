using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>ClearCache.req (OCPP 1.6 §5.4): an empty payload asking the charge point to empty its authorization cache.</summary>
    public sealed class ClearCacheRequest
    {
        /// <summary>Action name in the CALL frame.</summary>
        public const string Action = "ClearCache";

        private const string ObjectName = "ClearCache.req";

        /// <summary>Reads the empty payload object that the next token of <paramref name="reader"/> opens.</summary>
        /// <exception cref="OcppPayloadException">The payload is not an empty object. Its code is the CALLERROR to send.</exception>
        public void Read(JsonReader reader)
        {
            try
            {
                PayloadReader.ReadEmptyObject(reader, ObjectName);
            }
            catch (JsonFormatException e)
            {
                throw PayloadReader.InvalidJson(ObjectName, e);
            }
        }
    }

    /// <summary>ClearCache.conf (OCPP 1.6 §5.4): whether the cache was emptied.</summary>
    public sealed class ClearCacheConfirmation
    {
        internal static readonly string[] StatusTexts = { "Accepted", "Rejected" };

        /// <summary>Outcome of the request.</summary>
        public ClearCacheStatus Status;

        /// <summary>Returns the wire text of <paramref name="status"/>.</summary>
        public static string ToText(ClearCacheStatus status)
        {
            int index = (int)status;
            return index >= 0 && index < StatusTexts.Length ? StatusTexts[index] : index.ToString();
        }

        /// <summary>Writes the payload object.</summary>
        /// <exception cref="System.ArgumentException">The status is not a ClearCacheStatus value.</exception>
        public void Write(JsonWriter writer)
        {
            PayloadWriter.CheckEnum((int)Status, StatusTexts, false, "status");
            writer.WriteStartObject();
            writer.WriteString("status", StatusTexts[(int)Status]);
            writer.WriteEndObject();
        }
    }
}
