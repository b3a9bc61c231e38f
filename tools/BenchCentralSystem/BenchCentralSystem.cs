using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace KiWhi.Armoire.Tools.Bench
{
    /// <summary>
    /// A small OCPP 1.6J central system for commissioning a cabinet on the bench and for demos: it
    /// accepts WebSocket connections at <c>ws://address:port/&lt;any prefix&gt;/&lt;identity&gt;</c> with
    /// subprotocol ocpp1.6, logs every frame, and replies to the Core CALLs of a cabinet (BootNotification,
    /// Heartbeat, StatusNotification, Authorize, StartTransaction, StopTransaction, MeterValues) with
    /// configurable statuses. It is not a real central system: it keeps everything in memory, bills
    /// nothing, and checks payloads only loosely.
    /// </summary>
    /// <remarks>
    /// A client that does not offer ocpp1.6 gets a completed handshake without Sec-WebSocket-Protocol
    /// (RFC 6455 §4.2.2: a server that agrees to none of the offered subprotocols sends none), followed
    /// at once by a close frame with status 1002 (ProtocolError). A second connection with an identity
    /// already connected replaces the first one.
    /// </remarks>
    public sealed class BenchCentralSystem : IAsyncDisposable, IDisposable
    {
        /// <summary>Time a client has to send its complete upgrade request.</summary>
        private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);

        private readonly BenchOptions _options;
        private readonly ILogger _logger;
        private readonly CallHandler _handler;
        private readonly object _lock = new object();
        private readonly Dictionary<string, ChargePointState> _chargePoints = new Dictionary<string, ChargePointState>(StringComparer.Ordinal);
        private readonly Dictionary<string, ChargePointConnection> _connections = new Dictionary<string, ChargePointConnection>(StringComparer.Ordinal);
        private readonly Queue<FrameRecord> _frames = new Queue<FrameRecord>();
        private readonly List<Task> _clientTasks = new List<Task>();
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private TcpListener _listener;
        private Task _acceptTask;

        /// <summary>Creates a bench with <paramref name="options"/>, which it keeps; <see cref="Start"/> begins listening.</summary>
        public BenchCentralSystem(BenchOptions options, ILogger logger = null)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _options.Validate();
            _logger = logger ?? NullLogger.Instance;
            _handler = new CallHandler(_options);
        }

        /// <summary>Raised for every frame received or sent, on a connection's thread; handlers must return quickly.</summary>
        public event Action<FrameRecord> FrameLogged;

        /// <summary>Port the bench listens on; valid after <see cref="Start"/>.</summary>
        public int Port { get; private set; }

        /// <summary>Central-system URL to give a charge point (the identity is appended to it), e.g. ws://127.0.0.1:9000/ocpp.</summary>
        public string Url
        {
            get { return "ws://" + new IPEndPoint(_options.ListenAddress, Port) + "/ocpp"; }
        }

        /// <summary>Frames received and sent, oldest first (at most <see cref="BenchOptions.FrameHistoryCapacity"/>).</summary>
        public FrameRecord[] Frames
        {
            get
            {
                lock (_lock)
                {
                    return _frames.ToArray();
                }
            }
        }

        /// <summary>Identities with an open connection.</summary>
        public string[] ConnectedIdentities
        {
            get
            {
                lock (_lock)
                {
                    var identities = new List<string>(_connections.Keys);
                    identities.Sort(StringComparer.Ordinal);
                    return identities.ToArray();
                }
            }
        }

        /// <summary>Starts listening. Throws <see cref="SocketException"/> when the port is in use.</summary>
        public void Start()
        {
            if (_listener != null)
            {
                throw new InvalidOperationException("The bench central system is already started.");
            }

            _listener = new TcpListener(_options.ListenAddress, _options.Port);
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            _logger.LogInformation("Bench central system listening on {Url}/<identity>.", Url);
            _acceptTask = Task.Run(AcceptLoopAsync);
        }

        /// <summary>Returns a snapshot of what the bench recorded for <paramref name="identity"/>, or null when it never connected.</summary>
        public ChargePointSnapshot GetChargePoint(string identity)
        {
            ChargePointState state;
            lock (_lock)
            {
                if (!_chargePoints.TryGetValue(identity, out state))
                {
                    return null;
                }
            }

            return state.Snapshot();
        }

        /// <summary>
        /// Waits until a frame of the history, or a later one, matches <paramref name="predicate"/> and
        /// returns it. Throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.
        /// </summary>
        public async Task<FrameRecord> WaitForFrameAsync(Func<FrameRecord, bool> predicate, TimeSpan timeout)
        {
            DateTime deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                foreach (FrameRecord frame in Frames)
                {
                    if (predicate(frame))
                    {
                        return frame;
                    }
                }

                if (DateTime.UtcNow >= deadline)
                {
                    throw new TimeoutException("No matching OCPP frame within " + timeout.TotalSeconds + " s.");
                }

                await Task.Delay(10).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Waits until the snapshot of <paramref name="identity"/> matches <paramref name="predicate"/> and
        /// returns it. Throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.
        /// </summary>
        public async Task<ChargePointSnapshot> WaitForChargePointAsync(string identity, Func<ChargePointSnapshot, bool> predicate, TimeSpan timeout)
        {
            DateTime deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                ChargePointSnapshot snapshot = GetChargePoint(identity);
                if (snapshot != null && predicate(snapshot))
                {
                    return snapshot;
                }

                if (DateTime.UtcNow >= deadline)
                {
                    throw new TimeoutException("Charge point " + identity + " did not reach the expected state within " + timeout.TotalSeconds + " s.");
                }

                await Task.Delay(10).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Sends a CALL to a connected charge point and returns its reply. Throws
        /// <see cref="InvalidOperationException"/> when it is not connected and <see cref="TimeoutException"/>
        /// when no reply comes within <paramref name="timeout"/>.
        /// </summary>
        public Task<BenchCallResult> SendCallAsync(string identity, string action, string payloadJson, TimeSpan timeout)
        {
            return ConnectionOf(identity).CallAsync(action, payloadJson, timeout);
        }

        /// <summary>
        /// Sends any text to a connected charge point, well-formed or not, split into frames of
        /// <paramref name="fragmentBytes"/> bytes when it is positive.
        /// </summary>
        public Task SendRawAsync(string identity, string text, int fragmentBytes = 0)
        {
            return ConnectionOf(identity).SendTextAsync(text, fragmentBytes);
        }

        /// <summary>Closes the connection of <paramref name="identity"/> with a closing handshake; does nothing when it is not connected.</summary>
        public Task DisconnectAsync(string identity, WebSocketCloseStatus status = WebSocketCloseStatus.NormalClosure, string description = "Closed by the bench")
        {
            ChargePointConnection connection = TryGetConnection(identity);
            return connection == null ? Task.CompletedTask : connection.CloseAsync(status, description);
        }

        /// <summary>Drops the TCP connection of <paramref name="identity"/> without a closing handshake; does nothing when it is not connected.</summary>
        public void Abort(string identity)
        {
            TryGetConnection(identity)?.Abort();
        }

        /// <summary>Stops listening and closes every connection with status 1001 (GoingAway).</summary>
        public async Task StopAsync()
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            _stopping.Cancel();
            _listener?.Stop();

            ChargePointConnection[] connections;
            Task[] clientTasks;
            lock (_lock)
            {
                connections = new List<ChargePointConnection>(_connections.Values).ToArray();
                clientTasks = _clientTasks.ToArray();
            }

            var closing = new List<Task>();
            foreach (ChargePointConnection connection in connections)
            {
                closing.Add(connection.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "Bench central system stopping"));
            }

            await Task.WhenAll(closing).ConfigureAwait(false);
            Task waitAll = Task.WhenAll(clientTasks);
            await Task.WhenAny(waitAll, Task.Delay(TimeSpan.FromSeconds(3))).ConfigureAwait(false);
            if (_acceptTask != null)
            {
                await Task.WhenAny(_acceptTask, Task.Delay(TimeSpan.FromSeconds(1))).ConfigureAwait(false);
            }

            _logger.LogInformation("Bench central system stopped.");
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync().ConfigureAwait(false);
        }

        public void Dispose()
        {
            StopAsync().GetAwaiter().GetResult();
        }

        internal void RecordFrame(string identity, FrameDirection direction, string text)
        {
            var frame = new FrameRecord(_options.TimeProvider.GetUtcNow(), identity, direction, text);
            lock (_lock)
            {
                if (_frames.Count == _options.FrameHistoryCapacity)
                {
                    _frames.Dequeue();
                }

                _frames.Enqueue(frame);
            }

            _logger.LogInformation("{Identity} {Arrow} {Text}", identity, direction == FrameDirection.In ? "<-" : "->", text);
            try
            {
                FrameLogged?.Invoke(frame);
            }
            catch (Exception exception)
            {
                _logger.LogError(exception, "A FrameLogged handler failed; the frame of {Identity} is still recorded.", identity);
            }
        }

        internal void OnConnectionEnded(ChargePointConnection connection, int? closeStatus, string closeDescription)
        {
            lock (_lock)
            {
                if (_connections.TryGetValue(connection.Identity, out ChargePointConnection current) && current == connection)
                {
                    _connections.Remove(connection.Identity);
                    lock (connection.State.Lock)
                    {
                        connection.State.IsConnected = false;
                    }
                }

                lock (connection.State.Lock)
                {
                    connection.State.LastCloseStatus = closeStatus;
                    connection.State.LastCloseDescription = closeDescription;
                }
            }

            _logger.LogInformation("Connection of {Identity} ended (status {Status}, '{Description}').", connection.Identity, closeStatus?.ToString() ?? "none", closeDescription ?? string.Empty);
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stopping.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stopping.Token).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is OperationCanceledException || exception is ObjectDisposedException || exception is SocketException)
                {
                    if (!_stopping.IsCancellationRequested)
                    {
                        _logger.LogError(exception, "Accepting connections failed; the bench stops listening.");
                    }

                    return;
                }

                Task task = Task.Run(() => HandleClientAsync(client));
                lock (_lock)
                {
                    _clientTasks.RemoveAll(t => t.IsCompleted);
                    _clientTasks.Add(task);
                }
            }
        }

        private async Task HandleClientAsync(TcpClient client)
        {
            string remote = client.Client.RemoteEndPoint?.ToString() ?? "unknown";
            using (client)
            {
                NetworkStream stream = client.GetStream();
                UpgradeDecision decision;
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                    timeout.CancelAfter(HandshakeTimeout);
                    HandshakeRequest request = await HandshakeRequest.ReadAsync(stream, timeout.Token).ConfigureAwait(false);
                    if (request == null)
                    {
                        return;
                    }

                    decision = UpgradeValidator.Validate(request, _options);
                }
                catch (HandshakeException exception)
                {
                    _logger.LogWarning("Rejected the upgrade request from {Remote}: {Reason} (HTTP {Status}).", remote, exception.Message, (int)exception.Status);
                    await WriteRejectionAsync(stream, exception).ConfigureAwait(false);
                    return;
                }
                catch (Exception exception) when (exception is OperationCanceledException || exception is IOException)
                {
                    _logger.LogWarning("The upgrade request from {Remote} did not complete: {Error}", remote, exception.Message);
                    return;
                }

                try
                {
                    await RunWebSocketAsync(stream, decision, remote).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    // Keeps one faulty connection from going unnoticed; the bench goes on serving the others.
                    _logger.LogError(exception, "Connection of {Identity} from {Remote} failed.", decision.Identity, remote);
                }
            }
        }

        private async Task RunWebSocketAsync(NetworkStream stream, UpgradeDecision decision, string remote)
        {
            var response = new StringBuilder();
            response.Append("HTTP/1.1 101 Switching Protocols\r\n");
            response.Append("Upgrade: websocket\r\n");
            response.Append("Connection: Upgrade\r\n");
            response.Append("Sec-WebSocket-Accept: ").Append(HandshakeRequest.ComputeAccept(decision.Key)).Append("\r\n");
            if (decision.SelectedSubprotocol != null)
            {
                response.Append("Sec-WebSocket-Protocol: ").Append(decision.SelectedSubprotocol).Append("\r\n");
            }

            response.Append("\r\n");
            await stream.WriteAsync(Encoding.ASCII.GetBytes(response.ToString()), _stopping.Token).ConfigureAwait(false);

            var creation = new WebSocketCreationOptions
            {
                IsServer = true,
                SubProtocol = decision.SelectedSubprotocol,
                KeepAliveInterval = _options.KeepAliveInterval,
            };
            WebSocket socket = WebSocket.CreateFromStream(stream, creation);
            ChargePointState state = StateOf(decision.Identity);
            var connection = new ChargePointConnection(socket, state, this, _handler, _options, _logger);

            if (decision.SelectedSubprotocol == null)
            {
                _logger.LogWarning("{Identity} from {Remote} did not offer subprotocol {Subprotocol}; closing.", decision.Identity, remote, BenchOptions.Subprotocol);
                string description = "Subprotocol " + BenchOptions.Subprotocol + " is required";
                await connection.CloseAsync(WebSocketCloseStatus.ProtocolError, description, fromReceiveLoop: true).ConfigureAwait(false);
                lock (state.Lock)
                {
                    state.LastCloseStatus = (int)WebSocketCloseStatus.ProtocolError;
                    state.LastCloseDescription = description;
                }

                socket.Dispose();
                return;
            }

            ChargePointConnection replaced = Register(connection);
            if (replaced != null)
            {
                _logger.LogWarning("{Identity} connected again from {Remote}; closing its previous connection.", decision.Identity, remote);
                _ = replaced.CloseAsync(WebSocketCloseStatus.PolicyViolation, "Replaced by a new connection of the same identity");
            }

            _logger.LogInformation("{Identity} connected from {Remote} with subprotocol {Subprotocol}.", decision.Identity, remote, decision.SelectedSubprotocol);
            await connection.RunAsync().ConfigureAwait(false);
        }

        private static async Task WriteRejectionAsync(NetworkStream stream, HandshakeException exception)
        {
            byte[] body = Encoding.UTF8.GetBytes(exception.Message + "\n");
            var response = new StringBuilder();
            response.Append("HTTP/1.1 ").Append((int)exception.Status).Append(' ').Append(exception.Status).Append("\r\n");
            response.Append("Content-Type: text/plain; charset=utf-8\r\n");
            response.Append("Content-Length: ").Append(body.Length).Append("\r\n");
            response.Append("Connection: close\r\n");
            if (exception.Status == HttpStatusCode.Unauthorized)
            {
                response.Append("WWW-Authenticate: Basic realm=\"KiWhi bench central system\"\r\n");
            }

            if (exception.Status == HttpStatusCode.UpgradeRequired)
            {
                response.Append("Sec-WebSocket-Version: 13\r\n");
            }

            response.Append("\r\n");
            try
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response.ToString())).ConfigureAwait(false);
                await stream.WriteAsync(body).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // The client left before reading the rejection; nothing else to do.
            }
        }

        private ChargePointState StateOf(string identity)
        {
            lock (_lock)
            {
                if (!_chargePoints.TryGetValue(identity, out ChargePointState state))
                {
                    state = new ChargePointState(identity);
                    _chargePoints[identity] = state;
                }

                return state;
            }
        }

        private ChargePointConnection Register(ChargePointConnection connection)
        {
            lock (_lock)
            {
                _connections.TryGetValue(connection.Identity, out ChargePointConnection previous);
                _connections[connection.Identity] = connection;
                lock (connection.State.Lock)
                {
                    connection.State.IsConnected = true;
                    connection.State.ConnectionCount++;
                }

                return previous;
            }
        }

        private ChargePointConnection TryGetConnection(string identity)
        {
            lock (_lock)
            {
                return _connections.TryGetValue(identity, out ChargePointConnection connection) ? connection : null;
            }
        }

        private ChargePointConnection ConnectionOf(string identity)
        {
            ChargePointConnection connection = TryGetConnection(identity);
            if (connection == null)
            {
                throw new InvalidOperationException("Charge point '" + identity + "' is not connected to the bench.");
            }

            return connection;
        }
    }
}
