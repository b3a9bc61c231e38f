namespace KiWhi.Armoire.Firmware
{
    /// <summary>Kinds of CALL the cabinet sends; at most one is outstanding (OCPP-J 1.6 §4.1.1).</summary>
    public enum CallKind
    {
        None,
        BootNotification,
        Heartbeat,
        StatusNotification,
        Authorize,
        Transaction,
    }
}
