using System;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Net.WebSockets.WebSocketFrame;
using System.Security.Cryptography.X509Certificates;
using System.Threading;

namespace KiWhi.Armoire.Hal.Nano
{
    /// <summary>
    /// <see cref="IOcppTransport"/> over nanoFramework's ClientWebSocket (package
    /// nanoFramework.System.Net.WebSockets.Client). Each <see cref="Connect"/> builds a new client on
    /// its own thread, because ClientWebSocket.Connect blocks through DNS, TCP, TLS and the handshake.
    /// </summary>
    /// <remarks>
    /// The client has no subprotocol API: the request carries <c>Sec-WebSocket-Protocol</c> as a custom
    /// header. NOTE: the client does not expose the server's response to that header, so a server that
    /// rejects "ocpp1.6" is not detected here, although OCPP-J expects the client to close then.
    /// NOTE: ClientWebSocket.Connect splits the URL's host from its port at the first ':', so a URL
    /// with an IPv6 literal ("ws://[fd00::5]:9000/") does not connect on the device.
    /// A wss:// link verifies the server against the CA certificate given to the constructor
    /// (ClientWebSocket.CACertificate); without one, the TLS stack's own default applies.
    /// </remarks>
    public sealed class ClientWebSocketTransport : IOcppTransport, IWebSocketPing
    {
        private readonly object _sync = new object();
        private readonly string _caCertificatePem;
        private Connection _current;
        private int _pingIntervalSeconds;

        /// <summary>
        /// <paramref name="caCertificatePem"/> is the PEM text of the central system's root CA for wss://,
        /// or null for ws:// only.
        /// </summary>
        public ClientWebSocketTransport(string caCertificatePem)
        {
            _caCertificatePem = caCertificatePem;
        }

        /// <summary>
        /// Sets the WebSocket ping period of the next connections, in seconds, 0 for none. The client sends a
        /// ping after that long without traffic and closes the link when no pong arrives within its ServerTimeout.
        /// </summary>
        public void SetPingInterval(int intervalSeconds)
        {
            lock (_sync)
            {
                _pingIntervalSeconds = intervalSeconds < 0 ? 0 : intervalSeconds;
            }
        }

        /// <summary>Closes any previous link, then connects on a new thread; the outcome reaches <paramref name="listener"/>.</summary>
        public void Connect(string url, string subprotocol, string authorizationHeader, ITransportListener listener)
        {
            Connection previous;
            Connection next;
            lock (_sync)
            {
                next = new Connection(url, subprotocol, authorizationHeader, _caCertificatePem, _pingIntervalSeconds, listener);
                previous = _current;
                _current = next;
            }

            if (previous != null)
            {
                previous.Close("replaced by a new connection");
            }

            new Thread(next.Run).Start();
        }

        /// <summary>Queues one text message; returns false when the link is not open.</summary>
        public bool Send(byte[] utf8, int offset, int count)
        {
            Connection current;
            lock (_sync)
            {
                current = _current;
            }

            return current != null && current.Send(utf8, offset, count);
        }

        public void Close()
        {
            Connection current;
            lock (_sync)
            {
                current = _current;
                _current = null;
            }

            if (current != null)
            {
                current.Close("closed by the charge point");
            }
        }

        /// <summary>One ClientWebSocket and its listener; reports OnConnected at most once and OnClosed once, when the link fails or ends.</summary>
        private sealed class Connection
        {
            private readonly object _sync = new object();
            private readonly string _url;
            private readonly string _subprotocol;
            private readonly string _authorizationHeader;
            private readonly string _caCertificatePem;
            private readonly int _pingIntervalSeconds;
            private readonly ITransportListener _listener;
            private ClientWebSocket _socket;
            private bool _closeReported;

            public Connection(string url, string subprotocol, string authorizationHeader, string caCertificatePem, int pingIntervalSeconds, ITransportListener listener)
            {
                _url = url;
                _subprotocol = subprotocol;
                _authorizationHeader = authorizationHeader;
                _caCertificatePem = caCertificatePem;
                _pingIntervalSeconds = pingIntervalSeconds;
                _listener = listener;
            }

            public void Run()
            {
                ClientWebSocketOptions options = new ClientWebSocketOptions();
                options.KeepAliveInterval = _pingIntervalSeconds > 0 ? new TimeSpan(0, 0, _pingIntervalSeconds) : Timeout.InfiniteTimeSpan;
                ClientWebSocket socket;
                try
                {
                    socket = new ClientWebSocket(options);
                    if (_caCertificatePem != null)
                    {
                        socket.CACertificate = new X509Certificate(_caCertificatePem);
                    }
                }
                catch (Exception e)
                {
                    ReportClosed("WebSocket client not created: " + e.Message);
                    return;
                }

                socket.MessageReceived += OnMessageReceived;
                socket.ConnectionClosed += OnConnectionClosed;

                ClientWebSocketHeaders headers = new ClientWebSocketHeaders();
                headers["Sec-WebSocket-Protocol"] = _subprotocol;
                if (_authorizationHeader != null)
                {
                    headers["Authorization"] = _authorizationHeader;
                }

                lock (_sync)
                {
                    if (_closeReported)
                    {
                        return;
                    }

                    _socket = socket;
                }

                try
                {
                    // Socket errors do not throw: Connect logs them and leaves State at Closed.
                    // DNS failures, bad URLs and a wrong handshake throw.
                    socket.Connect(_url, headers);
                }
                catch (Exception e)
                {
                    ReportClosed("connection to " + _url + " failed: " + e.Message);
                    return;
                }

                if (socket.State != WebSocketState.Open)
                {
                    ReportClosed("connection to " + _url + " failed: socket closed during connect");
                    return;
                }

                bool closedMeanwhile;
                lock (_sync)
                {
                    closedMeanwhile = _closeReported;
                }

                if (closedMeanwhile)
                {
                    // Close or a newer Connect ran while this one was connecting: drop the new link.
                    socket.Close(WebSocketCloseStatus.NormalClosure, null);
                    return;
                }

                _listener.OnConnected();
            }

            public bool Send(byte[] utf8, int offset, int count)
            {
                ClientWebSocket socket;
                lock (_sync)
                {
                    socket = _closeReported ? null : _socket;
                }

                if (socket == null || socket.State != WebSocketState.Open)
                {
                    return false;
                }

                // The client queues the array itself for its sender thread, so the caller's buffer is copied.
                byte[] message = new byte[count];
                Array.Copy(utf8, offset, message, 0, count);
                return socket.Send(message, WebSocketMessageType.Text);
            }

            public void Close(string reason)
            {
                ClientWebSocket socket;
                lock (_sync)
                {
                    socket = _socket;
                }

                if (socket != null)
                {
                    try
                    {
                        socket.Close(WebSocketCloseStatus.NormalClosure, null);
                    }
                    catch (Exception e)
                    {
                        Debug.WriteLine("WebSocket close failed: " + e.Message);
                    }
                }

                ReportClosed(reason);
            }

            private void OnMessageReceived(object sender, MessageReceivedEventArgs e)
            {
                if (e.Frame == null || e.Frame.Buffer == null)
                {
                    return;
                }

                // OCPP-J messages are text frames, so binary frames are dropped.
                // NOTE: how the client delivers a fragmented message was not checked; each frame is passed on as it comes.
                if (e.Frame.MessageType != WebSocketMessageType.Text)
                {
                    Debug.WriteLine("WebSocket binary frame dropped: " + e.Frame.MessageLength + " bytes");
                    return;
                }

                bool open;
                lock (_sync)
                {
                    open = !_closeReported;
                }

                if (open)
                {
                    _listener.OnMessage(e.Frame.Buffer, 0, e.Frame.MessageLength);
                }
            }

            private void OnConnectionClosed(object sender, EventArgs e)
            {
                ReportClosed("closed by the central system or the network");
            }

            private void ReportClosed(string reason)
            {
                lock (_sync)
                {
                    if (_closeReported)
                    {
                        return;
                    }

                    _closeReported = true;
                }

                _listener.OnClosed(reason);
            }
        }
    }
}
