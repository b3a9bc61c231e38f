namespace KiWhi.Armoire.Boards
{
    /// <summary>Network interface a board reaches the central system with.</summary>
    public enum NetworkKind
    {
        /// <summary>The ESP32's own Wi-Fi station interface.</summary>
        Wifi,

        /// <summary>Wired Ethernet through the ESP32 EMAC and an RMII PHY on the board.</summary>
        Ethernet,
    }
}
