using System;
using System.Threading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>
    /// OCPP-J transport of the host builds, over <see cref="System.Net.WebSockets.ClientWebSocket"/>. Each
    /// <see cref="Connect"/> opens a new WebSocket and reports to its listener, from thread-pool threads:
    /// at most one <see cref="ITransportListener.OnConnected"/>, then the received text messages, then
    /// exactly one <see cref="ITransportListener.OnClosed"/>; nothing arrives after OnClosed.
    /// </summary>
    /// <remarks>
    /// The connection fails when the server does not select the requested subprotocol, because OCPP-J
    /// 1.6 §3.1.2 requires the OCPP version to be agreed in Sec-WebSocket-Protocol. Received messages
    /// larger than <see cref="MaxMessageBytes"/> close the link with status 1009 (MessageTooBig). Binary
    /// messages are not OCPP-J frames: they are logged and ignored. Sends are queued and written in
    /// order by a background task, so <see cref="Send"/> never blocks the cabinet loop.
    /// </remarks>
    public sealed class WebSocketTransport : IOcppTransport, IWebSocketPing, IDisposable
    {
        /// <summary>Default largest message accepted, in bytes.</summary>
        public const int DefaultMaxMessageBytes = 65536;

        /// <summary>Default number of messages that may wait in the send queue.</summary>
        public const int DefaultMaxQueuedMessages = 64;

        private readonly object _lock = new object();
        private readonly ILogger _logger;
        private WebSocketConnection _connection;
        private int _maxMessageBytes = DefaultMaxMessageBytes;
        private int _maxQueuedMessages = DefaultMaxQueuedMessages;
        private TimeSpan _keepAliveInterval = TimeSpan.FromSeconds(30);
        private TimeSpan _keepAliveTimeout = Timeout.InfiniteTimeSpan;
        private TimeSpan _connectTimeout = TimeSpan.FromSeconds(30);

        /// <summary>Creates a transport that logs to <paramref name="logger"/>, or nowhere when it is null.</summary>
        public WebSocketTransport(ILogger logger = null)
        {
            _logger = logger ?? NullLogger.Instance;
        }

        /// <summary>Largest received message, in bytes, for the next <see cref="Connect"/>.</summary>
        public int MaxMessageBytes
        {
            get { lock (_lock) { return _maxMessageBytes; } }
            set
            {
                if (value < 1)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, "The maximum message size must be at least 1 byte.");
                }

                lock (_lock) { _maxMessageBytes = value; }
            }
        }

        /// <summary>Messages that may wait to be sent before <see cref="Send"/> returns false, for the next <see cref="Connect"/>.</summary>
        public int MaxQueuedMessages
        {
            get { lock (_lock) { return _maxQueuedMessages; } }
            set
            {
                if (value < 1)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, "The send queue size must be at least 1 message.");
                }

                lock (_lock) { _maxQueuedMessages = value; }
            }
        }

        /// <summary>
        /// Interval of WebSocket pings (the WebSocketPingInterval of OCPP-J 1.6), for the next
        /// <see cref="Connect"/>; <see cref="TimeSpan.Zero"/> disables them. Default 30 s.
        /// </summary>
        public TimeSpan KeepAliveInterval
        {
            get { lock (_lock) { return _keepAliveInterval; } }
            set
            {
                if (value < TimeSpan.Zero)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, "The ping interval cannot be negative; use TimeSpan.Zero to disable pings.");
                }

                lock (_lock) { _keepAliveInterval = value; }
            }
        }

        /// <summary>Sets <see cref="KeepAliveInterval"/> from the charge point's WebSocketPingInterval, in seconds; 0 disables pings.</summary>
        public void SetPingInterval(int intervalSeconds)
        {
            KeepAliveInterval = TimeSpan.FromSeconds(intervalSeconds);
        }

        /// <summary>
        /// Time to wait for the pong of each ping before the link counts as lost, for the next
        /// <see cref="Connect"/>. <see cref="Timeout.InfiniteTimeSpan"/> (the default) sends pings
        /// without waiting for pongs.
        /// </summary>
        public TimeSpan KeepAliveTimeout
        {
            get { lock (_lock) { return _keepAliveTimeout; } }
            set { lock (_lock) { _keepAliveTimeout = value; } }
        }

        /// <summary>Time allowed for the TCP connection and the WebSocket handshake. Default 30 s.</summary>
        public TimeSpan ConnectTimeout
        {
            get { lock (_lock) { return _connectTimeout; } }
            set
            {
                if (value <= TimeSpan.Zero)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), value, "The connect timeout must be positive.");
                }

                lock (_lock) { _connectTimeout = value; }
            }
        }

        /// <summary>True between OnConnected and OnClosed of the current connection.</summary>
        public bool IsOpen
        {
            get
            {
                WebSocketConnection connection;
                lock (_lock)
                {
                    connection = _connection;
                }

                return connection != null && connection.IsOpen;
            }
        }

        /// <summary>
        /// Starts a new connection. A connection still in progress or open is closed first, and its
        /// listener gets OnClosed before this method returns.
        /// </summary>
        public void Connect(string url, string subprotocol, string authorizationHeader, ITransportListener listener)
        {
            if (listener == null)
            {
                throw new ArgumentNullException(nameof(listener));
            }

            WebSocketConnection previous;
            WebSocketConnection next;
            lock (_lock)
            {
                previous = _connection;
                var settings = new WebSocketConnection.Settings(
                    _maxMessageBytes, _maxQueuedMessages, _keepAliveInterval, _keepAliveTimeout, _connectTimeout);
                next = new WebSocketConnection(url, subprotocol, authorizationHeader, listener, settings, _logger);
                _connection = next;
            }

            if (previous != null && !previous.IsEnded)
            {
                _logger.LogWarning("Connect called while the previous connection was still active; closing it first.");
                previous.Close("replaced by a new connection");
            }

            next.Start();
        }

        /// <summary>Queues one text message; returns false when the link is not open or the send queue is full.</summary>
        public bool Send(byte[] utf8, int offset, int count)
        {
            BufferRange.Check(utf8, offset, count);
            WebSocketConnection connection;
            lock (_lock)
            {
                connection = _connection;
            }

            return connection != null && connection.TrySend(utf8, offset, count);
        }

        /// <summary>
        /// Closes the current connection with status 1000 (NormalClosure). Its listener gets OnClosed
        /// before this method returns, unless it already had it. Calling it again does nothing.
        /// </summary>
        public void Close()
        {
            WebSocketConnection connection;
            lock (_lock)
            {
                connection = _connection;
            }

            connection?.Close("closed by the charge point");
        }

        public void Dispose()
        {
            Close();
        }
    }
}
