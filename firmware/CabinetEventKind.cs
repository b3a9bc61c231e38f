namespace KiWhi.Armoire.Firmware
{
    /// <summary>Kinds of event delivered to the cabinet loop by <see cref="EventQueue"/>.</summary>
    public enum CabinetEventKind
    {
        None,
        KeyPressed,
        TransportConnected,
        TransportClosed,
        TransportMessage,
    }
}
