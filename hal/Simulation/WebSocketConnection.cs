using System;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>
    /// One connection of <see cref="WebSocketTransport"/>: connect, check the subprotocol, receive and
    /// send until the link ends. Listener callbacks run under <c>_callbackLock</c>, so OnClosed is never
    /// followed by OnMessage.
    /// </summary>
    internal sealed class WebSocketConnection
    {
        /// <summary>Time the peer has to reply to our close frame before the socket is aborted.</summary>
        private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);

        private readonly string _url;
        private readonly string _subprotocol;
        private readonly string _authorizationHeader;
        private readonly ITransportListener _listener;
        private readonly Settings _settings;
        private readonly ILogger _logger;
        private readonly object _callbackLock = new object();
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly SemaphoreSlim _sendLock = new SemaphoreSlim(1, 1);
        private readonly Channel<byte[]> _sendQueue;
        private ClientWebSocket _socket;
        private string _displayUrl;
        private volatile bool _isOpen;
        private volatile bool _isEnded;
        private int _closeStarted;
        private int _receiveLoopActive;

        public WebSocketConnection(string url, string subprotocol, string authorizationHeader, ITransportListener listener, Settings settings, ILogger logger)
        {
            _url = url;
            _subprotocol = subprotocol;
            _authorizationHeader = authorizationHeader;
            _listener = listener;
            _settings = settings;
            _logger = logger;
            _displayUrl = url;
            _sendQueue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(settings.MaxQueuedMessages)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
        }

        public bool IsOpen
        {
            get { return _isOpen; }
        }

        public bool IsEnded
        {
            get { return _isEnded; }
        }

        public void Start()
        {
            _ = Task.Run(RunAsync);
        }

        public bool TrySend(byte[] utf8, int offset, int count)
        {
            if (!_isOpen)
            {
                return false;
            }

            var copy = new byte[count];
            Array.Copy(utf8, offset, copy, 0, count);
            if (!_sendQueue.Writer.TryWrite(copy))
            {
                _logger.LogWarning("Send queue of {Url} is full ({Capacity} messages); message of {Count} bytes rejected.", _displayUrl, _settings.MaxQueuedMessages, count);
                return false;
            }

            return true;
        }

        /// <summary>Ends the connection on request of the charge point: OnClosed now, the close handshake in the background.</summary>
        public void Close(string reason)
        {
            if (!End(reason))
            {
                return;
            }

            _ = Task.Run(() => CloseSocketAsync(WebSocketCloseStatus.NormalClosure, "Charge point closed the connection"));
        }

        private async Task RunAsync()
        {
            try
            {
                await ConnectAndReceiveAsync().ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                // Last resort, so that the listener always gets its OnClosed: any exception type missed
                // by the narrower handlers would otherwise leave the cabinet waiting forever.
                _logger.LogError(exception, "Unexpected error on the connection to {Url}.", _displayUrl);
                Fail("internal transport error: " + exception.Message, null, null);
            }
        }

        private async Task ConnectAndReceiveAsync()
        {
            if (_isEnded || !TryCreateSocket(out Uri uri))
            {
                return;
            }

            if (!await ConnectAsync(uri).ConfigureAwait(false))
            {
                return;
            }

            string accepted = _socket.SubProtocol;
            if (!string.Equals(accepted, _subprotocol, StringComparison.Ordinal))
            {
                string selected = string.IsNullOrEmpty(accepted) ? "none" : "'" + accepted + "'";
                Fail("the server did not accept subprotocol '" + _subprotocol + "' (it selected " + selected + ")", WebSocketCloseStatus.ProtocolError, "Subprotocol " + _subprotocol + " is required");
                return;
            }

            // Set before OnConnected, so that a Close from the listener leaves the reading to this loop.
            Interlocked.Exchange(ref _receiveLoopActive, 1);
            try
            {
                lock (_callbackLock)
                {
                    if (_isEnded)
                    {
                        return;
                    }

                    _isOpen = true;
                    _logger.LogInformation("Connected to {Url} with subprotocol {Subprotocol}.", _displayUrl, accepted);
                    try
                    {
                        _listener.OnConnected();
                    }
                    catch (Exception exception)
                    {
                        _logger.LogError(exception, "The transport listener failed in OnConnected.");
                    }
                }

                _ = Task.Run(SendLoopAsync);
                await ReceiveLoopAsync().ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Exchange(ref _receiveLoopActive, 0);
            }
        }

        private bool TryCreateSocket(out Uri uri)
        {
            if (!Uri.TryCreate(_url, UriKind.Absolute, out uri) || (uri.Scheme != "ws" && uri.Scheme != "wss"))
            {
                End("invalid URL '" + _url + "': expected ws:// or wss://");
                return false;
            }

            // Authority leaves out any user:password of the URL, so the log never shows it.
            _displayUrl = uri.Scheme + "://" + uri.Authority + uri.PathAndQuery;
            _socket = new ClientWebSocket();
            try
            {
                _socket.Options.AddSubProtocol(_subprotocol);
                _socket.Options.KeepAliveInterval = _settings.KeepAliveInterval;
                _socket.Options.KeepAliveTimeout = _settings.KeepAliveTimeout;
                if (_authorizationHeader != null)
                {
                    _socket.Options.SetRequestHeader("Authorization", _authorizationHeader);
                }
            }
            catch (ArgumentException exception)
            {
                // The exception names the bad parameter; its message never contains the header value.
                End("invalid connection settings: " + exception.Message);
                _socket.Dispose();
                return false;
            }

            return true;
        }

        private async Task<bool> ConnectAsync(Uri uri)
        {
            _logger.LogInformation("Connecting to {Url} with subprotocol {Subprotocol}.", _displayUrl, _subprotocol);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_cancellation.Token);
            timeout.CancelAfter(_settings.ConnectTimeout);
            try
            {
                await _socket.ConnectAsync(uri, timeout.Token).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException) when (!_cancellation.IsCancellationRequested)
            {
                Fail("connection to " + _displayUrl + " timed out after " + _settings.ConnectTimeout.TotalSeconds + " s", null, null);
            }
            catch (OperationCanceledException)
            {
                // Close was called during the handshake; it already reported OnClosed.
                _socket.Abort();
                _socket.Dispose();
            }
            catch (Exception exception) when (exception is WebSocketException || exception is System.Net.Http.HttpRequestException || exception is InvalidOperationException)
            {
                Fail("connection to " + _displayUrl + " failed: " + Describe(exception), null, null);
            }

            return false;
        }

        private async Task ReceiveLoopAsync()
        {
            int max = _settings.MaxMessageBytes;

            // One byte more than the maximum, so an oversized message is seen as soon as it exceeds it.
            var buffer = new byte[max + 1];
            int count = 0;
            bool skippingBinary = false;
            try
            {
                while (true)
                {
                    ValueWebSocketReceiveResult result = await _socket.ReceiveAsync(buffer.AsMemory(count), _cancellation.Token).ConfigureAwait(false);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        OnServerClose();
                        return;
                    }

                    if (result.MessageType == WebSocketMessageType.Binary || skippingBinary)
                    {
                        skippingBinary = !result.EndOfMessage;
                        if (result.EndOfMessage)
                        {
                            _logger.LogWarning("Ignored a binary message from {Url}: OCPP-J frames are text.", _displayUrl);
                        }

                        count = 0;
                        continue;
                    }

                    count += result.Count;
                    if (count > max)
                    {
                        string reason = "received a message larger than " + max + " bytes";
                        _logger.LogWarning("Closing {Url}: {Reason}.", _displayUrl, reason);
                        Fail(reason, WebSocketCloseStatus.MessageTooBig, "Message exceeds " + max + " bytes");
                        return;
                    }

                    if (result.EndOfMessage)
                    {
                        Deliver(buffer, count);
                        count = 0;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The connection ended on our side; OnClosed was already reported.
            }
            catch (Exception exception) when (exception is WebSocketException || exception is ObjectDisposedException || exception is InvalidOperationException)
            {
                if (!_isEnded)
                {
                    Fail("connection lost: " + Describe(exception), null, null);
                }
            }
        }

        private async Task SendLoopAsync()
        {
            try
            {
                await foreach (byte[] message in _sendQueue.Reader.ReadAllAsync(_cancellation.Token).ConfigureAwait(false))
                {
                    if (_isEnded)
                    {
                        // Messages still queued when the link ends are dropped, not sent after the close.
                        return;
                    }

                    await _sendLock.WaitAsync(_cancellation.Token).ConfigureAwait(false);
                    try
                    {
                        await _socket.SendAsync(message, WebSocketMessageType.Text, true, _cancellation.Token).ConfigureAwait(false);
                    }
                    finally
                    {
                        _sendLock.Release();
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The connection ended; queued messages are dropped with it.
            }
            catch (Exception exception) when (exception is WebSocketException || exception is ObjectDisposedException || exception is InvalidOperationException)
            {
                if (!_isEnded)
                {
                    Fail("send failed: " + Describe(exception), null, null);
                }
            }
        }

        private void Deliver(byte[] buffer, int count)
        {
            lock (_callbackLock)
            {
                if (_isEnded)
                {
                    return;
                }

                try
                {
                    _listener.OnMessage(buffer, 0, count);
                }
                catch (Exception exception)
                {
                    _logger.LogError(exception, "The transport listener failed in OnMessage; message of {Count} bytes dropped.", count);
                }
            }
        }

        private void OnServerClose()
        {
            string description = _socket.CloseStatusDescription;
            string status = _socket.CloseStatus.HasValue ? ((int)_socket.CloseStatus.Value).ToString(System.Globalization.CultureInfo.InvariantCulture) : "none";
            string reason = "closed by the server (status " + status + (string.IsNullOrEmpty(description) ? ")" : ", '" + description + "')");
            if (End(reason))
            {
                // Reply with a close frame, which completes the closing handshake the server started.
                _ = Task.Run(() => CloseSocketAsync(WebSocketCloseStatus.NormalClosure, null));
            }
        }

        /// <summary>Reports OnClosed once and starts closing the socket with <paramref name="status"/>, or aborts it when status is null.</summary>
        private void Fail(string reason, WebSocketCloseStatus? status, string description)
        {
            if (!End(reason))
            {
                return;
            }

            if (status.HasValue)
            {
                _ = Task.Run(() => CloseSocketAsync(status.Value, description));
            }
            else
            {
                _cancellation.Cancel();
                _socket?.Abort();
                _socket?.Dispose();
            }
        }

        /// <summary>Marks the connection ended and reports OnClosed; returns false when it had already ended.</summary>
        private bool End(string reason)
        {
            lock (_callbackLock)
            {
                if (_isEnded)
                {
                    return false;
                }

                _isEnded = true;
                _isOpen = false;
                _sendQueue.Writer.TryComplete();
                _logger.LogInformation("Connection to {Url} closed: {Reason}.", _displayUrl, reason);
                try
                {
                    _listener.OnClosed(reason);
                }
                catch (Exception exception)
                {
                    _logger.LogError(exception, "The transport listener failed in OnClosed.");
                }

                return true;
            }
        }

        /// <summary>
        /// Sends a close frame and waits up to <see cref="CloseHandshakeTimeout"/> for the peer's close
        /// frame, then releases the socket. The receive loop reads that frame, or this method does when
        /// the loop has already stopped.
        /// </summary>
        private async Task CloseSocketAsync(WebSocketCloseStatus status, string description)
        {
            if (Interlocked.Exchange(ref _closeStarted, 1) != 0)
            {
                return;
            }

            ClientWebSocket socket = _socket;
            if (socket == null)
            {
                _cancellation.Cancel();
                return;
            }

            using var timeout = new CancellationTokenSource(CloseHandshakeTimeout);
            try
            {
                if (socket.State == WebSocketState.Open || socket.State == WebSocketState.CloseReceived)
                {
                    await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
                    try
                    {
                        await socket.CloseOutputAsync(status, description, timeout.Token).ConfigureAwait(false);
                    }
                    finally
                    {
                        _sendLock.Release();
                    }
                }

                while (socket.State == WebSocketState.CloseSent && !timeout.IsCancellationRequested)
                {
                    // Only one receive may be pending on a WebSocket, so read here only once the loop has stopped.
                    if (Volatile.Read(ref _receiveLoopActive) == 0)
                    {
                        await DrainUntilCloseAsync(socket, timeout.Token).ConfigureAwait(false);
                    }
                    else
                    {
                        await Task.Delay(20).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception exception) when (exception is WebSocketException || exception is OperationCanceledException || exception is ObjectDisposedException || exception is InvalidOperationException)
            {
                _logger.LogDebug("Close handshake with {Url} did not complete: {Error}", _displayUrl, exception.Message);
            }
            finally
            {
                _cancellation.Cancel();
                socket.Abort();
                socket.Dispose();
            }
        }

        private static async Task DrainUntilCloseAsync(ClientWebSocket socket, CancellationToken cancellationToken)
        {
            var discard = new byte[4096];
            while (socket.State == WebSocketState.CloseSent)
            {
                ValueWebSocketReceiveResult result = await socket.ReceiveAsync(discard.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
            }
        }

        private static string Describe(Exception exception)
        {
            return exception.InnerException == null ? exception.Message : exception.Message + " (" + exception.InnerException.Message + ")";
        }

        /// <summary>Settings copied from the transport when the connection starts.</summary>
        internal sealed record Settings(int MaxMessageBytes, int MaxQueuedMessages, TimeSpan KeepAliveInterval, TimeSpan KeepAliveTimeout, TimeSpan ConnectTimeout);
    }
}
