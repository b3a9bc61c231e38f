namespace KiWhi.Armoire.Hal
{
    /// <summary>
    /// WebSocket text channel to the central system. Connection, closure and received messages are
    /// reported to the listener, possibly from another thread.
    /// </summary>
    public interface IOcppTransport
    {
        /// <summary>
        /// Starts connecting to <paramref name="url"/> (ws:// or wss://, the charge-point identity
        /// already appended) offering <paramref name="subprotocol"/>. <paramref name="authorizationHeader"/>
        /// is sent as the HTTP Authorization header when not null. The outcome is reported later as
        /// <see cref="ITransportListener.OnConnected"/> or <see cref="ITransportListener.OnClosed"/>.
        /// </summary>
        void Connect(string url, string subprotocol, string authorizationHeader, ITransportListener listener);

        /// <summary>Sends one text message of UTF-8 bytes; returns false when the link is not open.</summary>
        bool Send(byte[] utf8, int offset, int count);

        /// <summary>Closes the link; <see cref="ITransportListener.OnClosed"/> follows.</summary>
        void Close();
    }
}
