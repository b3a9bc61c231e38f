using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>MeterValues.req (OCPP 1.6 §4.7): meter readings of one connector.</summary>
    public sealed class MeterValuesRequest
    {
        /// <summary>Action name in the CALL frame.</summary>
        public const string Action = "MeterValues";

        /// <summary>0 for the charge point's main meter, otherwise the bay number (required, at least 0).</summary>
        public int ConnectorId;

        /// <summary>True when <see cref="TransactionId"/> is written.</summary>
        public bool HasTransactionId;

        /// <summary>Transaction the readings belong to, written only when <see cref="HasTransactionId"/> is true.</summary>
        public int TransactionId;

        /// <summary>The readings, at least one entry (required).</summary>
        public readonly MeterValueList MeterValue = new MeterValueList();

        /// <summary>Resets every field to its unset value and empties <see cref="MeterValue"/>.</summary>
        public void Clear()
        {
            ConnectorId = 0;
            HasTransactionId = false;
            TransactionId = 0;
            MeterValue.Clear();
        }

        /// <summary>Checks the fields against the MeterValues.req schema and the 1..* cardinality of meterValue.</summary>
        /// <exception cref="System.ArgumentException">A field is out of range, unset or undefined.</exception>
        public void Validate()
        {
            if (ConnectorId < 0)
            {
                throw new System.ArgumentException("connectorId must be 0 or greater, not " + ConnectorId + ".", "connectorId");
            }

            if (MeterValue.Count == 0)
            {
                throw new System.ArgumentException("meterValue needs at least one entry.", "meterValue");
            }

            Ocpp.MeterValue.ValidateList(MeterValue, "meterValue");
        }

        /// <summary>Validates, then writes the payload object. Nothing is written when validation fails.</summary>
        /// <exception cref="System.ArgumentException">See <see cref="Validate"/>.</exception>
        public void Write(JsonWriter writer)
        {
            Validate();
            writer.WriteStartObject();
            writer.WriteNumber("connectorId", ConnectorId);
            if (HasTransactionId)
            {
                writer.WriteNumber("transactionId", TransactionId);
            }

            Ocpp.MeterValue.WriteList(writer, "meterValue", MeterValue);
            writer.WriteEndObject();
        }
    }

    /// <summary>MeterValues.conf (OCPP 1.6 §4.7): an empty payload.</summary>
    public sealed class MeterValuesConfirmation
    {
        private const string ObjectName = "MeterValues.conf";

        /// <summary>Reads the empty payload object that the next token of <paramref name="reader"/> opens.</summary>
        /// <exception cref="OcppPayloadException">The payload is not an empty object.</exception>
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
}
