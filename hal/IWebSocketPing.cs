namespace KiWhi.Armoire.Hal
{
    /// <summary>
    /// Implemented by an <see cref="IOcppTransport"/> that can send WebSocket pings (RFC 6455 §5.5.2),
    /// which keep NAT and proxy mappings open and let the transport notice a dead link. The charge
    /// point passes its WebSocketPingInterval through it before each connection.
    /// </summary>
    public interface IWebSocketPing
    {
        /// <summary>Sets the time between pings of the next connections, in seconds. 0 sends none.</summary>
        void SetPingInterval(int intervalSeconds);
    }
}
