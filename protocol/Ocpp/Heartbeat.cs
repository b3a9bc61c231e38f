using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>Heartbeat.req (OCPP 1.6 §4.6): an empty payload, sent periodically to show the central system that the link is alive.</summary>
    public sealed class HeartbeatRequest
    {
        /// <summary>Action name in the CALL frame.</summary>
        public const string Action = "Heartbeat";

        /// <summary>Writes the empty payload object.</summary>
        public void Write(JsonWriter writer)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
    }

    /// <summary>Heartbeat.conf (OCPP 1.6 §4.6): the central system's current time.</summary>
    public sealed class HeartbeatConfirmation
    {
        private const string ObjectName = "Heartbeat.conf";
        private const int CurrentTimeBit = 1;

        /// <summary>Central system's UTC time, to set the cabinet clock from.</summary>
        public System.DateTime CurrentTime { get; private set; }

        /// <summary>Resets every field.</summary>
        public void Clear()
        {
            CurrentTime = default(System.DateTime);
        }

        /// <summary>
        /// Reads the payload object that the next token of <paramref name="reader"/> opens. On an
        /// <see cref="OcppPayloadException"/> the fields are cleared.
        /// </summary>
        /// <exception cref="OcppPayloadException">The payload does not match the OCPP 1.6 schema.</exception>
        public void Read(JsonReader reader)
        {
            Clear();
            try
            {
                ReadObject(reader);
            }
            catch (JsonFormatException e)
            {
                Clear();
                throw PayloadReader.InvalidJson(ObjectName, e);
            }
            catch (OcppPayloadException)
            {
                Clear();
                throw;
            }
        }

        private void ReadObject(JsonReader reader)
        {
            int seen = 0;
            PayloadReader.ReadStartObject(reader, ObjectName);
            while (PayloadReader.ReadNextProperty(reader, ObjectName))
            {
                if (reader.ValueEquals("currentTime"))
                {
                    PayloadReader.MarkSeen(ref seen, CurrentTimeBit, ObjectName, "currentTime");
                    CurrentTime = PayloadReader.ReadDateTime(reader, ObjectName, "currentTime");
                }
                else
                {
                    throw PayloadReader.UnknownProperty(reader, ObjectName);
                }
            }

            PayloadReader.RequireSeen(seen, CurrentTimeBit, ObjectName, "currentTime");
        }
    }
}
