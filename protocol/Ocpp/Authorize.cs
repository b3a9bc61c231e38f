using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>Authorize.req (OCPP 1.6 §4.1): the request to authorize an idTag before it may charge.</summary>
    public sealed class AuthorizeRequest
    {
        /// <summary>Action name in the CALL frame.</summary>
        public const string Action = "Authorize";

        /// <summary>Identifier of the card (required, CiString20).</summary>
        public string IdTag;

        /// <summary>Sets every field to null.</summary>
        public void Clear()
        {
            IdTag = null;
        }

        /// <summary>Checks the fields against the Authorize.req schema.</summary>
        /// <exception cref="System.ArgumentException">The idTag is null or longer than 20 characters.</exception>
        public void Validate()
        {
            PayloadWriter.CheckCiString(IdTag, CiStringLength.CiString20, true, "idTag");
        }

        /// <summary>Validates, then writes the payload object. Nothing is written when validation fails.</summary>
        /// <exception cref="System.ArgumentException">See <see cref="Validate"/>.</exception>
        public void Write(JsonWriter writer)
        {
            Validate();
            writer.WriteStartObject();
            writer.WriteString("idTag", IdTag);
            writer.WriteEndObject();
        }
    }

    /// <summary>Authorize.conf (OCPP 1.6 §4.1): the central system's verdict on the idTag.</summary>
    public sealed class AuthorizeConfirmation : ReceivedPayload
    {
        private const string ObjectName = "Authorize.conf";

        public AuthorizeConfirmation()
            : base(ObjectName)
        {
        }
        private const int IdTagInfoBit = 1;

        /// <summary>Verdict on the idTag. The same instance is refilled by every <see cref="Read"/>.</summary>
        public readonly IdTagInfo IdTagInfo = new IdTagInfo();

        /// <summary>Resets every field.</summary>
        public override void Clear()
        {
            IdTagInfo.Clear();
        }

        protected override void ReadObject(JsonReader reader)
        {
            int seen = 0;
            PayloadReader.ReadStartObject(reader, ObjectName);
            while (PayloadReader.ReadNextProperty(reader, ObjectName))
            {
                if (reader.ValueEquals("idTagInfo"))
                {
                    PayloadReader.MarkSeen(ref seen, IdTagInfoBit, ObjectName, "idTagInfo");
                    IdTagInfo.Read(reader);
                }
                else
                {
                    throw PayloadReader.UnknownProperty(reader, ObjectName);
                }
            }

            PayloadReader.RequireSeen(seen, IdTagInfoBit, ObjectName, "idTagInfo");
        }
    }
}
