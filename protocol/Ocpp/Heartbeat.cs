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
    public sealed class HeartbeatConfirmation : ReceivedPayload
    {
        private const string ObjectName = "Heartbeat.conf";

        public HeartbeatConfirmation()
            : base(ObjectName)
        {
        }
        private const int CurrentTimeBit = 1;

        /// <summary>Central system's UTC time, to set the cabinet clock from.</summary>
        public System.DateTime CurrentTime { get; private set; }

        /// <summary>Resets every field.</summary>
        public override void Clear()
        {
            CurrentTime = default(System.DateTime);
        }

        protected override void ReadObject(JsonReader reader)
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
