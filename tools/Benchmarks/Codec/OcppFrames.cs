namespace KiWhi.Armoire.Tools.Benchmarks.Codec
{
    /// <summary>Representative OCPP 1.6J frames, as a cabinet sends and receives them, for the codec benchmark.</summary>
    public static class OcppFrames
    {
        /// <summary>Pairs of frame name and frame text, compact as they travel over the WebSocket.</summary>
        public static readonly string[][] All =
        {
            new[]
            {
                "BootNotification CALL",
                "[2,\"19223201\",\"BootNotification\",{\"chargePointVendor\":\"KiWhi\",\"chargePointModel\":\"Armoire-8\","
                + "\"chargePointSerialNumber\":\"KWA-2024-0042\",\"firmwareVersion\":\"1.3.0\",\"iccid\":\"8933150319012345678\","
                + "\"imsi\":\"208150123456789\",\"meterType\":\"ABB B23 112-100\",\"meterSerialNumber\":\"3214567\"}]",
            },
            new[]
            {
                "Heartbeat CALLRESULT",
                "[3,\"19223202\",{\"currentTime\":\"2024-06-11T08:30:00.000Z\"}]",
            },
            new[]
            {
                "StatusNotification CALL",
                "[2,\"19223203\",\"StatusNotification\",{\"connectorId\":3,\"errorCode\":\"NoError\",\"info\":\"Câble débranché\","
                + "\"status\":\"Available\",\"timestamp\":\"2024-06-11T08:30:01Z\",\"vendorId\":\"KiWhi\"}]",
            },
            new[]
            {
                "Authorize CALL",
                "[2,\"19223204\",\"Authorize\",{\"idTag\":\"04A2B3C4D5E680\"}]",
            },
            new[]
            {
                "Authorize CALLRESULT",
                "[3,\"19223204\",{\"idTagInfo\":{\"status\":\"Accepted\",\"expiryDate\":\"2024-12-31T23:59:59Z\",\"parentIdTag\":\"RESIDENCE-12\"}}]",
            },
            new[]
            {
                "StartTransaction CALL",
                "[2,\"19223205\",\"StartTransaction\",{\"connectorId\":3,\"idTag\":\"04A2B3C4D5E680\",\"meterStart\":1234567,"
                + "\"timestamp\":\"2024-06-11T08:30:05Z\"}]",
            },
            new[]
            {
                "StartTransaction CALLRESULT",
                "[3,\"19223205\",{\"idTagInfo\":{\"status\":\"Accepted\"},\"transactionId\":1546300800}]",
            },
            new[]
            {
                "MeterValues CALL",
                "[2,\"19223206\",\"MeterValues\",{\"connectorId\":3,\"transactionId\":1546300800,\"meterValue\":[{\"timestamp\":\"2024-06-11T08:45:05Z\","
                + "\"sampledValue\":[{\"value\":\"1240567\",\"context\":\"Sample.Periodic\",\"measurand\":\"Energy.Active.Import.Register\",\"location\":\"Outlet\",\"unit\":\"Wh\"},"
                + "{\"value\":\"7360.5\",\"context\":\"Sample.Periodic\",\"measurand\":\"Power.Active.Import\",\"location\":\"Outlet\",\"unit\":\"W\"},"
                + "{\"value\":\"31.8\",\"context\":\"Sample.Periodic\",\"measurand\":\"Current.Import\",\"phase\":\"L1\",\"location\":\"Outlet\",\"unit\":\"A\"},"
                + "{\"value\":\"231.4\",\"context\":\"Sample.Periodic\",\"measurand\":\"Voltage\",\"phase\":\"L1-N\",\"location\":\"Outlet\",\"unit\":\"V\"}]}]}]",
            },
            new[]
            {
                "StopTransaction CALL",
                "[2,\"19223207\",\"StopTransaction\",{\"idTag\":\"04A2B3C4D5E680\",\"meterStop\":1251234,\"timestamp\":\"2024-06-11T10:02:41Z\","
                + "\"transactionId\":1546300800,\"reason\":\"EVDisconnected\",\"transactionData\":["
                + "{\"timestamp\":\"2024-06-11T08:30:05Z\",\"sampledValue\":[{\"value\":\"1234567\",\"context\":\"Transaction.Begin\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"}]},"
                + "{\"timestamp\":\"2024-06-11T10:02:41Z\",\"sampledValue\":[{\"value\":\"1251234\",\"context\":\"Transaction.End\",\"measurand\":\"Energy.Active.Import.Register\",\"unit\":\"Wh\"}]}]}]",
            },
            new[]
            {
                "SetChargingProfile CALL",
                "[2,\"19223208\",\"SetChargingProfile\",{\"connectorId\":3,\"csChargingProfiles\":{\"chargingProfileId\":12,\"stackLevel\":0,"
                + "\"chargingProfilePurpose\":\"TxDefaultProfile\",\"chargingProfileKind\":\"Absolute\",\"chargingSchedule\":{\"chargingRateUnit\":\"A\","
                + "\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":16.5},{\"startPeriod\":3600,\"limit\":32.0,\"numberPhases\":3},"
                + "{\"startPeriod\":7200,\"limit\":6.1}],\"minChargingRate\":6.1}}}]",
            },
            new[]
            {
                "CALLERROR",
                "[4,\"19223209\",\"FormationViolation\",\"Payload for action StartTransaction does not conform to the JSON schema\",{}]",
            },
        };
    }
}
