using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>
    /// BootNotification.req (OCPP 1.6 §4.2): the charge point introduces itself after a boot.
    /// Optional fields left null are not written.
    /// </summary>
    public sealed class BootNotificationRequest
    {
        /// <summary>Action name in the CALL frame.</summary>
        public const string Action = "BootNotification";

        /// <summary>Vendor name (required, CiString20).</summary>
        public string ChargePointVendor;

        /// <summary>Model name (required, CiString20).</summary>
        public string ChargePointModel;

        /// <summary>Charge point serial number (optional, CiString25).</summary>
        public string ChargePointSerialNumber;

        /// <summary>Charge box serial number, deprecated by OCPP 1.6 in favour of <see cref="ChargePointSerialNumber"/> (optional, CiString25).</summary>
        public string ChargeBoxSerialNumber;

        /// <summary>Firmware version (optional, CiString50).</summary>
        public string FirmwareVersion;

        /// <summary>ICCID of the modem's SIM card (optional, CiString20).</summary>
        public string Iccid;

        /// <summary>IMSI of the modem's SIM card (optional, CiString20).</summary>
        public string Imsi;

        /// <summary>Type of the main energy meter (optional, CiString25).</summary>
        public string MeterType;

        /// <summary>Serial number of the main energy meter (optional, CiString25).</summary>
        public string MeterSerialNumber;

        /// <summary>Sets every field to null.</summary>
        public void Clear()
        {
            ChargePointVendor = null;
            ChargePointModel = null;
            ChargePointSerialNumber = null;
            ChargeBoxSerialNumber = null;
            FirmwareVersion = null;
            Iccid = null;
            Imsi = null;
            MeterType = null;
            MeterSerialNumber = null;
        }

        /// <summary>Checks the fields against the BootNotification.req schema.</summary>
        /// <exception cref="System.ArgumentException">A required field is null or a field is too long.</exception>
        public void Validate()
        {
            PayloadWriter.CheckCiString(ChargePointVendor, CiStringLength.CiString20, true, "chargePointVendor");
            PayloadWriter.CheckCiString(ChargePointModel, CiStringLength.CiString20, true, "chargePointModel");
            PayloadWriter.CheckCiString(ChargePointSerialNumber, CiStringLength.CiString25, false, "chargePointSerialNumber");
            PayloadWriter.CheckCiString(ChargeBoxSerialNumber, CiStringLength.CiString25, false, "chargeBoxSerialNumber");
            PayloadWriter.CheckCiString(FirmwareVersion, CiStringLength.CiString50, false, "firmwareVersion");
            PayloadWriter.CheckCiString(Iccid, CiStringLength.CiString20, false, "iccid");
            PayloadWriter.CheckCiString(Imsi, CiStringLength.CiString20, false, "imsi");
            PayloadWriter.CheckCiString(MeterType, CiStringLength.CiString25, false, "meterType");
            PayloadWriter.CheckCiString(MeterSerialNumber, CiStringLength.CiString25, false, "meterSerialNumber");
        }

        /// <summary>Validates, then writes the payload object. Nothing is written when validation fails.</summary>
        /// <exception cref="System.ArgumentException">See <see cref="Validate"/>.</exception>
        public void Write(JsonWriter writer)
        {
            Validate();
            writer.WriteStartObject();
            writer.WriteString("chargePointVendor", ChargePointVendor);
            writer.WriteString("chargePointModel", ChargePointModel);
            PayloadWriter.WriteOptionalString(writer, "chargePointSerialNumber", ChargePointSerialNumber);
            PayloadWriter.WriteOptionalString(writer, "chargeBoxSerialNumber", ChargeBoxSerialNumber);
            PayloadWriter.WriteOptionalString(writer, "firmwareVersion", FirmwareVersion);
            PayloadWriter.WriteOptionalString(writer, "iccid", Iccid);
            PayloadWriter.WriteOptionalString(writer, "imsi", Imsi);
            PayloadWriter.WriteOptionalString(writer, "meterType", MeterType);
            PayloadWriter.WriteOptionalString(writer, "meterSerialNumber", MeterSerialNumber);
            writer.WriteEndObject();
        }
    }

    /// <summary>BootNotification.conf (OCPP 1.6 §4.2): the central system's registration verdict.</summary>
    public sealed class BootNotificationConfirmation : ReceivedPayload
    {
        private const string ObjectName = "BootNotification.conf";

        public BootNotificationConfirmation()
            : base(ObjectName)
        {
        }
        private const int StatusBit = 1;
        private const int CurrentTimeBit = 2;
        private const int IntervalBit = 4;

        /// <summary>Registration verdict.</summary>
        public RegistrationStatus Status { get; private set; }

        /// <summary>Central system's UTC time, to set the cabinet clock from.</summary>
        public System.DateTime CurrentTime { get; private set; }

        /// <summary>
        /// Seconds: the heartbeat interval when <see cref="Status"/> is Accepted, otherwise the
        /// minimum wait before the next BootNotification. Not range-checked, so 0 or a negative value reaches the caller.
        /// </summary>
        public int Interval { get; private set; }

        /// <summary>Resets every field.</summary>
        public override void Clear()
        {
            Status = RegistrationStatus.Accepted;
            CurrentTime = default(System.DateTime);
            Interval = 0;
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
                    Status = (RegistrationStatus)PayloadReader.ReadEnum(reader, OcppEnumText.RegistrationStatusTexts, ObjectName, "status");
                }
                else if (reader.ValueEquals("currentTime"))
                {
                    PayloadReader.MarkSeen(ref seen, CurrentTimeBit, ObjectName, "currentTime");
                    CurrentTime = PayloadReader.ReadDateTime(reader, ObjectName, "currentTime");
                }
                else if (reader.ValueEquals("interval"))
                {
                    PayloadReader.MarkSeen(ref seen, IntervalBit, ObjectName, "interval");
                    Interval = PayloadReader.ReadInt32(reader, ObjectName, "interval");
                }
                else
                {
                    throw PayloadReader.UnknownProperty(reader, ObjectName);
                }
            }

            PayloadReader.RequireSeen(seen, StatusBit, ObjectName, "status");
            PayloadReader.RequireSeen(seen, CurrentTimeBit, ObjectName, "currentTime");
            PayloadReader.RequireSeen(seen, IntervalBit, ObjectName, "interval");
        }
    }
}
