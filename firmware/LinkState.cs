namespace KiWhi.Armoire.Firmware
{
    /// <summary>State of the WebSocket link to the central system.</summary>
    public enum LinkState
    {
        Disconnected,
        Connecting,
        Open,

        /// <summary>The cabinet closed a link it found half-open and waits for the transport to confirm.</summary>
        Closing,
    }
}
