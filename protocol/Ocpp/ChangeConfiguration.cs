using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>ChangeConfiguration.req (OCPP 1.6 §5.3): a new value for one configuration key.</summary>
    public sealed class ChangeConfigurationRequest : ReceivedPayload
    {
        /// <summary>Action name in the CALL frame.</summary>
        public const string Action = "ChangeConfiguration";

        private const string ObjectName = "ChangeConfiguration.req";

        private const int KeyBit = 1;
        private const int ValueBit = 2;

        /// <summary>Name of the key (CiString50), as the central system spelled it.</summary>
        public string Key { get; private set; }

        /// <summary>New value as text (CiString500), read according to the key's type.</summary>
        public string Value { get; private set; }

        public ChangeConfigurationRequest()
            : base(ObjectName)
        {
        }

        /// <summary>Resets every field.</summary>
        public override void Clear()
        {
            Key = null;
            Value = null;
        }

        protected override void ReadObject(JsonReader reader)
        {
            int seen = 0;
            PayloadReader.ReadStartObject(reader, ObjectName);
            while (PayloadReader.ReadNextProperty(reader, ObjectName))
            {
                if (reader.ValueEquals("key"))
                {
                    PayloadReader.MarkSeen(ref seen, KeyBit, ObjectName, "key");
                    Key = PayloadReader.ReadCiString(reader, ObjectName, "key", CiStringLength.CiString50);
                }
                else if (reader.ValueEquals("value"))
                {
                    PayloadReader.MarkSeen(ref seen, ValueBit, ObjectName, "value");
                    Value = PayloadReader.ReadCiString(reader, ObjectName, "value", CiStringLength.CiString500);
                }
                else
                {
                    throw PayloadReader.UnknownProperty(reader, ObjectName);
                }
            }

            PayloadReader.RequireSeen(seen, KeyBit, ObjectName, "key");
            PayloadReader.RequireSeen(seen, ValueBit, ObjectName, "value");
        }
    }

    /// <summary>ChangeConfiguration.conf (OCPP 1.6 §5.3): what became of the new value.</summary>
    public sealed class ChangeConfigurationConfirmation
    {
        internal static readonly string[] StatusTexts = { "Accepted", "Rejected", "RebootRequired", "NotSupported" };

        /// <summary>Outcome of the change.</summary>
        public ConfigurationStatus Status;

        /// <summary>Returns the wire text of <paramref name="status"/>.</summary>
        public static string ToText(ConfigurationStatus status)
        {
            int index = (int)status;
            return index >= 0 && index < StatusTexts.Length ? StatusTexts[index] : index.ToString();
        }

        /// <summary>Writes the payload object.</summary>
        /// <exception cref="System.ArgumentException">The status is not a ConfigurationStatus value.</exception>
        public void Write(JsonWriter writer)
        {
            PayloadWriter.CheckEnum((int)Status, StatusTexts, false, "status");
            writer.WriteStartObject();
            writer.WriteString("status", StatusTexts[(int)Status]);
            writer.WriteEndObject();
        }
    }
}
