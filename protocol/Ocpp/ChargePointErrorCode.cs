namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>StatusNotification errorCode (OCPP 1.6 §7.6 ChargePointErrorCode).</summary>
    public enum ChargePointErrorCode
    {
        /// <summary>No error, the default of a new request.</summary>
        NoError = 0,
        ConnectorLockFailure,
        EVCommunicationError,
        GroundFailure,
        HighTemperature,
        InternalError,

        /// <summary>The local authorization list and a StartTransaction.conf disagree on an idTag.</summary>
        LocalListConflict,
        OtherError,
        OverCurrentFailure,
        OverVoltage,
        PowerMeterFailure,
        PowerSwitchFailure,
        ReaderFailure,
        ResetFailure,
        UnderVoltage,
        WeakSignal,
    }
}
