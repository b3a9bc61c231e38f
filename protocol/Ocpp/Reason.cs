namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>StopTransaction reason (OCPP 1.6 §7.36 Reason).</summary>
    public enum Reason
    {
        /// <summary>Field left out of the payload, so the central system assumes <see cref="Local"/>.</summary>
        Omitted = 0,
        DeAuthorized,
        EmergencyStop,
        EVDisconnected,
        HardReset,

        /// <summary>Stopped locally by the idTag that started it (or one of the same parentIdTag).</summary>
        Local,
        Other,
        PowerLoss,
        Reboot,
        Remote,
        SoftReset,
        UnlockCommand,
    }
}
