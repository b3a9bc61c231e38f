namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>StatusNotification status (OCPP 1.6 §7.7 ChargePointStatus).</summary>
    public enum ChargePointStatus
    {
        Available = 0,
        Preparing,
        Charging,
        SuspendedEVSE,
        SuspendedEV,
        Finishing,
        Reserved,
        Unavailable,
        Faulted,
    }
}
