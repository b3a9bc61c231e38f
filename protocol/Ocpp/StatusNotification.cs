using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>
    /// StatusNotification.req (OCPP 1.6 §4.9): the status of the charge point (connector 0) or of
    /// one bay. Optional fields left null, and a <see cref="Timestamp"/> left at its default, are not written.
    /// </summary>
    public sealed class StatusNotificationRequest
    {
        /// <summary>Action name in the CALL frame.</summary>
        public const string Action = "StatusNotification";

        /// <summary>0 for the charge point itself, otherwise the bay number (required, at least 0).</summary>
        public int ConnectorId;

        /// <summary>Error condition, or <see cref="ChargePointErrorCode.NoError"/> when there is none.</summary>
        public ChargePointErrorCode ErrorCode;

        /// <summary>Free text about the error (optional, CiString50).</summary>
        public string Info;

        /// <summary>Status of the connector. Connector 0 may only report Available, Unavailable or Faulted.</summary>
        public ChargePointStatus Status;

        /// <summary>UTC time of the status change (optional), not written while it is default(DateTime).</summary>
        public System.DateTime Timestamp;

        /// <summary>Vendor whose error code <see cref="VendorErrorCode"/> is (optional, CiString255).</summary>
        public string VendorId;

        /// <summary>Vendor-specific error code (optional, CiString50).</summary>
        public string VendorErrorCode;

        /// <summary>Resets every field: connector 0, Available, NoError, no optional field.</summary>
        public void Clear()
        {
            ConnectorId = 0;
            ErrorCode = ChargePointErrorCode.NoError;
            Info = null;
            Status = ChargePointStatus.Available;
            Timestamp = default(System.DateTime);
            VendorId = null;
            VendorErrorCode = null;
        }

        /// <summary>Checks the fields against the StatusNotification.req schema and the connector 0 status rule.</summary>
        /// <exception cref="System.ArgumentException">A field is out of range or too long.</exception>
        public void Validate()
        {
            if (ConnectorId < 0)
            {
                throw new System.ArgumentException("connectorId must be 0 or greater, not " + ConnectorId + ".", "connectorId");
            }

            PayloadWriter.CheckEnum((int)ErrorCode, OcppEnumText.ChargePointErrorCodeTexts, false, "errorCode");
            PayloadWriter.CheckEnum((int)Status, OcppEnumText.ChargePointStatusTexts, false, "status");
            if (ConnectorId == 0
                && Status != ChargePointStatus.Available
                && Status != ChargePointStatus.Unavailable
                && Status != ChargePointStatus.Faulted)
            {
                throw new System.ArgumentException(
                    "Connector 0 may only report Available, Unavailable or Faulted, not " + OcppEnumText.ToText(Status) + ".",
                    "status");
            }

            PayloadWriter.CheckCiString(Info, CiStringLength.CiString50, false, "info");
            PayloadWriter.CheckCiString(VendorId, CiStringLength.CiString255, false, "vendorId");
            PayloadWriter.CheckCiString(VendorErrorCode, CiStringLength.CiString50, false, "vendorErrorCode");
        }

        /// <summary>Validates, then writes the payload object. Nothing is written when validation fails.</summary>
        /// <exception cref="System.ArgumentException">See <see cref="Validate"/>.</exception>
        public void Write(JsonWriter writer)
        {
            Validate();
            writer.WriteStartObject();
            writer.WriteNumber("connectorId", ConnectorId);
            writer.WriteString("errorCode", OcppEnumText.ToText(ErrorCode));
            PayloadWriter.WriteOptionalString(writer, "info", Info);
            writer.WriteString("status", OcppEnumText.ToText(Status));
            if (Timestamp != default(System.DateTime))
            {
                OcppTime.WriteProperty(writer, "timestamp", Timestamp);
            }

            PayloadWriter.WriteOptionalString(writer, "vendorId", VendorId);
            PayloadWriter.WriteOptionalString(writer, "vendorErrorCode", VendorErrorCode);
            writer.WriteEndObject();
        }
    }

    /// <summary>StatusNotification.conf (OCPP 1.6 §4.9): an empty payload.</summary>
    public sealed class StatusNotificationConfirmation
    {
        private const string ObjectName = "StatusNotification.conf";

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
