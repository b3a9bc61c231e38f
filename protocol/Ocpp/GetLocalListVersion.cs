using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>GetLocalListVersion.req (OCPP 1.6 §5.10): an empty payload.</summary>
    public sealed class GetLocalListVersionRequest
    {
        /// <summary>Action name in the CALL frame.</summary>
        public const string Action = "GetLocalListVersion";

        private const string ObjectName = "GetLocalListVersion.req";

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

    /// <summary>
    /// GetLocalListVersion.conf (OCPP 1.6 §5.10): the version of the local authorization list, 0 when
    /// the list is empty and -1 when the charge point has none.
    /// </summary>
    public sealed class GetLocalListVersionConfirmation
    {
        /// <summary>Version of the local authorization list.</summary>
        public int ListVersion;

        /// <summary>Writes the payload object.</summary>
        public void Write(JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteNumber("listVersion", ListVersion);
            writer.WriteEndObject();
        }
    }
}
