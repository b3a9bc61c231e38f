namespace KiWhi.Armoire.Hal
{
    /// <summary>Receiver of transport events; implementations only enqueue.</summary>
    public interface ITransportListener
    {
        /// <summary>The WebSocket handshake succeeded with the requested subprotocol.</summary>
        void OnConnected();

        /// <summary>The link closed or could not be opened; <paramref name="reason"/> is for the log.</summary>
        void OnClosed(string reason);

        /// <summary>One complete text message arrived as UTF-8 bytes; the buffer may be reused after the call.</summary>
        void OnMessage(byte[] utf8, int offset, int count);
    }
}
