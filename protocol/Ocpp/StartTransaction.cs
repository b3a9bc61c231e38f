using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>StartTransaction.req (OCPP 1.6 §4.8): a charging session started on a bay.</summary>
    public sealed class StartTransactionRequest
    {
        /// <summary>Action name in the CALL frame.</summary>
        public const string Action = "StartTransaction";

        /// <summary>Bay number (required, greater than 0).</summary>
        public int ConnectorId;

        /// <summary>Identifier of the card that started the session (required, CiString20).</summary>
        public string IdTag;

        /// <summary>Energy register of the bay's meter at the start, in Wh (required).</summary>
        public int MeterStart;

        /// <summary>True when <see cref="ReservationId"/> is written.</summary>
        public bool HasReservationId;

        /// <summary>Reservation this session ends, written only when <see cref="HasReservationId"/> is true.</summary>
        public int ReservationId;

        /// <summary>UTC time of the start (required).</summary>
        public System.DateTime Timestamp;

        /// <summary>Resets every field to its unset value.</summary>
        public void Clear()
        {
            ConnectorId = 0;
            IdTag = null;
            MeterStart = 0;
            HasReservationId = false;
            ReservationId = 0;
            Timestamp = default(System.DateTime);
        }

        /// <summary>Checks the fields against the StartTransaction.req schema.</summary>
        /// <exception cref="System.ArgumentException">The connectorId is not positive, the idTag is null or too long, or the timestamp is unset.</exception>
        public void Validate()
        {
            if (ConnectorId <= 0)
            {
                throw new System.ArgumentException("connectorId must be greater than 0, not " + ConnectorId + ".", "connectorId");
            }

            PayloadWriter.CheckCiString(IdTag, CiStringLength.CiString20, true, "idTag");
            PayloadWriter.CheckTimestampSet(Timestamp, "timestamp");
        }

        /// <summary>Validates, then writes the payload object. Nothing is written when validation fails.</summary>
        /// <exception cref="System.ArgumentException">See <see cref="Validate"/>.</exception>
        public void Write(JsonWriter writer)
        {
            Validate();
            writer.WriteStartObject();
            writer.WriteNumber("connectorId", ConnectorId);
            writer.WriteString("idTag", IdTag);
            writer.WriteNumber("meterStart", MeterStart);
            if (HasReservationId)
            {
                writer.WriteNumber("reservationId", ReservationId);
            }

            OcppTime.WriteProperty(writer, "timestamp", Timestamp);
            writer.WriteEndObject();
        }
    }

    /// <summary>StartTransaction.conf (OCPP 1.6 §4.8): the transactionId and the verdict on the idTag.</summary>
    public sealed class StartTransactionConfirmation : ReceivedPayload
    {
        private const string ObjectName = "StartTransaction.conf";

        public StartTransactionConfirmation()
            : base(ObjectName)
        {
        }
        private const int IdTagInfoBit = 1;
        private const int TransactionIdBit = 2;

        /// <summary>Verdict on the idTag. The same instance is refilled by every <see cref="Read"/>.</summary>
        public readonly IdTagInfo IdTagInfo = new IdTagInfo();

        /// <summary>Identifier the central system gave the transaction, whatever the idTagInfo status.</summary>
        public int TransactionId { get; private set; }

        /// <summary>Resets every field.</summary>
        public override void Clear()
        {
            IdTagInfo.Clear();
            TransactionId = 0;
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
                else if (reader.ValueEquals("transactionId"))
                {
                    PayloadReader.MarkSeen(ref seen, TransactionIdBit, ObjectName, "transactionId");
                    TransactionId = PayloadReader.ReadInt32(reader, ObjectName, "transactionId");
                }
                else
                {
                    throw PayloadReader.UnknownProperty(reader, ObjectName);
                }
            }

            PayloadReader.RequireSeen(seen, IdTagInfoBit, ObjectName, "idTagInfo");
            PayloadReader.RequireSeen(seen, TransactionIdBit, ObjectName, "transactionId");
        }
    }
}
