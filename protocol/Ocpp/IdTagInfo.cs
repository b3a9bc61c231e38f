using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>
    /// idTagInfo of the Authorize, StartTransaction and StopTransaction confirmations
    /// (OCPP 1.6 §7.27 IdTagInfo): the central system's verdict on an idTag.
    /// </summary>
    public sealed class IdTagInfo : ReceivedPayload
    {
        private const string ObjectName = "idTagInfo";

        public IdTagInfo()
            : base(ObjectName)
        {
        }
        private const int StatusBit = 1;
        private const int ExpiryDateBit = 2;
        private const int ParentIdTagBit = 4;

        /// <summary>Whether the idTag may charge.</summary>
        public AuthorizationStatus Status { get; private set; }

        /// <summary>True when the server sent an expiryDate.</summary>
        public bool HasExpiryDate { get; private set; }

        /// <summary>UTC time after which the idTag must be treated as expired, meaningful only when <see cref="HasExpiryDate"/> is true.</summary>
        public System.DateTime ExpiryDate { get; private set; }

        /// <summary>idTag of the group the idTag belongs to, or null when the server sent none.</summary>
        public string ParentIdTag { get; private set; }

        /// <summary>Resets every field to its absent value.</summary>
        public override void Clear()
        {
            Status = AuthorizationStatus.Accepted;
            HasExpiryDate = false;
            ExpiryDate = default(System.DateTime);
            ParentIdTag = null;
        }

        protected override void ReadObject(JsonReader reader)
        {
            int seen = 0;
            PayloadReader.ReadStartObject(reader, ObjectName);
            while (PayloadReader.ReadNextProperty(reader, ObjectName))
            {
                if (reader.ValueEquals("status"))
                {
                    PayloadReader.MarkSeen(ref seen, StatusBit, ObjectName, "status");
                    Status = (AuthorizationStatus)PayloadReader.ReadEnum(reader, OcppEnumText.AuthorizationStatusTexts, ObjectName, "status");
                }
                else if (reader.ValueEquals("expiryDate"))
                {
                    PayloadReader.MarkSeen(ref seen, ExpiryDateBit, ObjectName, "expiryDate");
                    ExpiryDate = PayloadReader.ReadDateTime(reader, ObjectName, "expiryDate");
                    HasExpiryDate = true;
                }
                else if (reader.ValueEquals("parentIdTag"))
                {
                    PayloadReader.MarkSeen(ref seen, ParentIdTagBit, ObjectName, "parentIdTag");
                    ParentIdTag = PayloadReader.ReadCiString(reader, ObjectName, "parentIdTag", CiStringLength.CiString20);
                }
                else
                {
                    throw PayloadReader.UnknownProperty(reader, ObjectName);
                }
            }

            PayloadReader.RequireSeen(seen, StatusBit, ObjectName, "status");
        }
    }
}
