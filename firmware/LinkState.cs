namespace KiWhi.Armoire.Firmware
{
    /// <summary>State of the WebSocket link to the central system.</summary>
    public enum LinkState
    {
        Disconnected,
        Connecting,
        Open,
    }
}
