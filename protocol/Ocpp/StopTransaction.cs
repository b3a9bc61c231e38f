using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>
    /// StopTransaction.req (OCPP 1.6 §4.10): a charging session ended. Optional fields left unset
    /// (null idTag, <see cref="Reason.Omitted"/>, empty transactionData) are not written.
    /// </summary>
    public sealed class StopTransactionRequest
    {
        /// <summary>Action name in the CALL frame.</summary>
        public const string Action = "StopTransaction";

        /// <summary>Identifier of the card that stopped the session (optional, CiString20).</summary>
        public string IdTag;

        /// <summary>Energy register of the bay's meter at the stop, in Wh (required).</summary>
        public int MeterStop;

        /// <summary>UTC time of the stop (required).</summary>
        public System.DateTime Timestamp;

        /// <summary>transactionId from the StartTransaction.conf (required).</summary>
        public int TransactionId;

        /// <summary>Why the session stopped (optional). The central system assumes Local when it is omitted.</summary>
        public Reason Reason;

        /// <summary>Meter values of the session (optional), written only when the list has entries.</summary>
        public readonly MeterValueList TransactionData = new MeterValueList();

        /// <summary>Resets every field to its unset value and empties <see cref="TransactionData"/>.</summary>
        public void Clear()
        {
            IdTag = null;
            MeterStop = 0;
            Timestamp = default(System.DateTime);
            TransactionId = 0;
            Reason = Reason.Omitted;
            TransactionData.Clear();
        }

        /// <summary>Checks the fields against the StopTransaction.req schema.</summary>
        /// <exception cref="System.ArgumentException">A field is unset, undefined or too long.</exception>
        public void Validate()
        {
            PayloadWriter.CheckCiString(IdTag, CiStringLength.CiString20, false, "idTag");
            PayloadWriter.CheckTimestampSet(Timestamp, "timestamp");
            PayloadWriter.CheckEnum((int)Reason, OcppEnumText.ReasonTexts, true, "reason");
            MeterValue.ValidateList(TransactionData, "transactionData");
        }

        /// <summary>Validates, then writes the payload object. Nothing is written when validation fails.</summary>
        /// <exception cref="System.ArgumentException">See <see cref="Validate"/>.</exception>
        public void Write(JsonWriter writer)
        {
            Validate();
            writer.WriteStartObject();
            PayloadWriter.WriteOptionalString(writer, "idTag", IdTag);
            writer.WriteNumber("meterStop", MeterStop);
            OcppTime.WriteProperty(writer, "timestamp", Timestamp);
            writer.WriteNumber("transactionId", TransactionId);
            PayloadWriter.WriteOptionalEnum(writer, "reason", OcppEnumText.ReasonTexts, (int)Reason);
            if (TransactionData.Count > 0)
            {
                MeterValue.WriteList(writer, "transactionData", TransactionData);
            }

            writer.WriteEndObject();
        }
    }

    /// <summary>StopTransaction.conf (OCPP 1.6 §4.10): an optional verdict on the idTag that stopped the session.</summary>
    public sealed class StopTransactionConfirmation : ReceivedPayload
    {
        private const string ObjectName = "StopTransaction.conf";

        public StopTransactionConfirmation()
            : base(ObjectName)
        {
        }
        private const int IdTagInfoBit = 1;

        /// <summary>True when the server sent an idTagInfo.</summary>
        public bool HasIdTagInfo { get; private set; }

        /// <summary>Verdict on the idTag, meaningful only when <see cref="HasIdTagInfo"/> is true.</summary>
        public readonly IdTagInfo IdTagInfo = new IdTagInfo();

        /// <summary>Resets every field.</summary>
        public override void Clear()
        {
            HasIdTagInfo = false;
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
                    HasIdTagInfo = true;
                }
                else
                {
                    throw PayloadReader.UnknownProperty(reader, ObjectName);
                }
            }
        }
    }
}
