using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace KiWhi.Armoire.Tools.Bench
{
    /// <summary>
    /// One accepted WebSocket of a charge point: reads its messages, replies to its CALLs, and carries
    /// the CALLs the bench sends. Sends are serialized, because a WebSocket allows one send at a time.
    /// </summary>
    internal sealed class ChargePointConnection
    {
        /// <summary>Longest message id that OCPP-J 1.6 allows, in characters.</summary>
        private const int MaxMessageIdLength = 36;

        private readonly WebSocket _socket;
        private readonly BenchCentralSystem _server;
        private readonly CallHandler _handler;
        private readonly BenchOptions _options;
        private readonly ILogger _logger;
        private readonly SemaphoreSlim _sendLock = new SemaphoreSlim(1, 1);
        private readonly ConcurrentDictionary<string, TaskCompletionSource<BenchCallResult>> _pendingCalls =
            new ConcurrentDictionary<string, TaskCompletionSource<BenchCallResult>>(StringComparer.Ordinal);
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private int? _closeStatusSent;
        private string _closeDescriptionSent;

        public ChargePointConnection(WebSocket socket, ChargePointState state, BenchCentralSystem server, CallHandler handler, BenchOptions options, ILogger logger)
        {
            _socket = socket;
            State = state;
            _server = server;
            _handler = handler;
            _options = options;
            _logger = logger;
        }

        public ChargePointState State { get; }

        public string Identity
        {
            get { return State.Identity; }
        }

        /// <summary>Receives until the link ends, then records how it ended.</summary>
        public async Task RunAsync()
        {
            try
            {
                await ReceiveLoopAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is WebSocketException || exception is OperationCanceledException || exception is IOException || exception is ObjectDisposedException)
            {
                _logger.LogInformation("Connection of {Identity} lost: {Error}", Identity, exception.Message);
            }
            finally
            {
                foreach (TaskCompletionSource<BenchCallResult> pending in _pendingCalls.Values)
                {
                    pending.TrySetException(new IOException("The connection of " + Identity + " ended before the reply."));
                }

                RecordClose();
                _socket.Dispose();
            }
        }

        /// <summary>Sends <paramref name="text"/> as one text message, split into frames of <paramref name="fragmentBytes"/> bytes when it is positive.</summary>
        public async Task SendTextAsync(string text, int fragmentBytes = 0)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            await _sendLock.WaitAsync(_cancellation.Token).ConfigureAwait(false);
            try
            {
                _server.RecordFrame(Identity, FrameDirection.Out, text);
                if (fragmentBytes <= 0 || fragmentBytes >= bytes.Length)
                {
                    await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, _cancellation.Token).ConfigureAwait(false);
                    return;
                }

                for (int offset = 0; offset < bytes.Length; offset += fragmentBytes)
                {
                    int count = Math.Min(fragmentBytes, bytes.Length - offset);
                    bool last = offset + count == bytes.Length;
                    await _socket.SendAsync(bytes.AsMemory(offset, count), WebSocketMessageType.Text, last, _cancellation.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                _sendLock.Release();
            }
        }

        /// <summary>Sends a CALL and waits up to <paramref name="timeout"/> for its CALLRESULT or CALLERROR.</summary>
        public async Task<BenchCallResult> CallAsync(string action, string payloadJson, TimeSpan timeout)
        {
            JsonNode payload = JsonNode.Parse(payloadJson);
            if (payload is not JsonObject)
            {
                throw new ArgumentException("The payload of " + action + " must be a JSON object, not '" + payloadJson + "'.", nameof(payloadJson));
            }

            string messageId = Guid.NewGuid().ToString("N");
            var completion = new TaskCompletionSource<BenchCallResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            _pendingCalls[messageId] = completion;
            try
            {
                await SendTextAsync(new JsonArray(2, messageId, action, payload).ToJsonString()).ConfigureAwait(false);
                return await completion.Task.WaitAsync(timeout).ConfigureAwait(false);
            }
            finally
            {
                _pendingCalls.TryRemove(messageId, out _);
            }
        }

        /// <summary>
        /// Starts the closing handshake with <paramref name="status"/> and waits up to 2 s for the charge
        /// point's close frame. <paramref name="fromReceiveLoop"/> is true when the caller is the receive
        /// loop, which then cannot read that frame, so this method reads it.
        /// </summary>
        public async Task CloseAsync(WebSocketCloseStatus status, string description, bool fromReceiveLoop = false)
        {
            _closeStatusSent = (int)status;
            _closeDescriptionSent = description;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
                try
                {
                    await _socket.CloseOutputAsync(status, description, timeout.Token).ConfigureAwait(false);
                }
                finally
                {
                    _sendLock.Release();
                }

                var discard = new byte[4096];
                while (_socket.State == WebSocketState.CloseSent && !timeout.IsCancellationRequested)
                {
                    if (fromReceiveLoop)
                    {
                        await _socket.ReceiveAsync(discard.AsMemory(), timeout.Token).ConfigureAwait(false);
                    }
                    else
                    {
                        await Task.Delay(20, CancellationToken.None).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception exception) when (exception is WebSocketException || exception is OperationCanceledException || exception is ObjectDisposedException)
            {
                _logger.LogDebug("Close handshake with {Identity} did not complete: {Error}", Identity, exception.Message);
            }
            finally
            {
                _cancellation.Cancel();
                _socket.Abort();
            }
        }

        /// <summary>Drops the TCP connection without a closing handshake, as a network failure would.</summary>
        public void Abort()
        {
            _closeDescriptionSent = "aborted by the bench";
            _cancellation.Cancel();
            _socket.Abort();
        }

        private async Task ReceiveLoopAsync()
        {
            var buffer = new byte[8192];
            var message = new MemoryStream();
            while (true)
            {
                ValueWebSocketReceiveResult result = await _socket.ReceiveAsync(buffer.AsMemory(), _cancellation.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _sendLock.WaitAsync(_cancellation.Token).ConfigureAwait(false);
                        try
                        {
                            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, _cancellation.Token).ConfigureAwait(false);
                        }
                        finally
                        {
                            _sendLock.Release();
                        }
                    }

                    return;
                }

                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    _logger.LogWarning("{Identity} sent a binary frame; OCPP-J uses text frames only. Closing.", Identity);
                    await CloseAsync(WebSocketCloseStatus.InvalidMessageType, "OCPP-J messages are text", fromReceiveLoop: true).ConfigureAwait(false);
                    return;
                }

                message.Write(buffer, 0, result.Count);
                if (message.Length > _options.MaxMessageBytes)
                {
                    _logger.LogWarning("{Identity} sent a message larger than {Max} bytes. Closing.", Identity, _options.MaxMessageBytes);
                    await CloseAsync(WebSocketCloseStatus.MessageTooBig, "Message exceeds " + _options.MaxMessageBytes + " bytes", fromReceiveLoop: true).ConfigureAwait(false);
                    return;
                }

                if (result.EndOfMessage)
                {
                    string text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                    message.SetLength(0);
                    _server.RecordFrame(Identity, FrameDirection.In, text);
                    await HandleMessageAsync(text).ConfigureAwait(false);
                }
            }
        }

        private async Task HandleMessageAsync(string text)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException exception)
            {
                _logger.LogWarning("{Identity} sent a message that is not JSON ({Error}); ignored because no message id can be read.", Identity, exception.Message);
                return;
            }

            using (document)
            {
                JsonElement frame = document.RootElement;
                if (frame.ValueKind != JsonValueKind.Array || frame.GetArrayLength() < 3
                    || frame[0].ValueKind != JsonValueKind.Number || !frame[0].TryGetInt32(out int messageType)
                    || frame[1].ValueKind != JsonValueKind.String)
                {
                    _logger.LogWarning("{Identity} sent a message that is not an OCPP-J frame with a message id; ignored.", Identity);
                    return;
                }

                string messageId = frame[1].GetString();
                switch (messageType)
                {
                    case 2:
                        await HandleCallAsync(frame, messageId).ConfigureAwait(false);
                        break;
                    case 3:
                        CompletePending(messageId, new BenchCallResult(false, frame[2].GetRawText(), null, null, text));
                        break;
                    case 4:
                        CompletePending(messageId, ReadCallError(frame, text));
                        break;
                    default:
                        // OCPP-J 1.6 has the receiver ignore a message type it does not know.
                        _logger.LogWarning("{Identity} sent message type {MessageType}, which OCPP-J 1.6 does not define; ignored.", Identity, messageType);
                        break;
                }
            }
        }

        private async Task HandleCallAsync(JsonElement frame, string messageId)
        {
            if (messageId.Length == 0 || messageId.Length > MaxMessageIdLength)
            {
                await SendCallErrorAsync(messageId, "ProtocolError", "The message id must have 1 to " + MaxMessageIdLength + " characters.").ConfigureAwait(false);
                return;
            }

            if (frame.GetArrayLength() != 4 || frame[2].ValueKind != JsonValueKind.String || frame[3].ValueKind != JsonValueKind.Object)
            {
                await SendCallErrorAsync(messageId, "FormationViolation", "A CALL is [2, messageId, action, payload object].").ConfigureAwait(false);
                return;
            }

            string action = frame[2].GetString();
            if (_options.UnansweredActions.Contains(action))
            {
                _logger.LogInformation("Leaving {Action} {MessageId} of {Identity} unanswered, as configured.", action, messageId, Identity);
                return;
            }

            CallReply reply = _handler.Handle(State, action, frame[3]);
            if (reply.ErrorCode != null)
            {
                await SendCallErrorAsync(messageId, reply.ErrorCode, reply.ErrorDescription).ConfigureAwait(false);
                return;
            }

            await SendTextAsync(new JsonArray(3, messageId, reply.Payload).ToJsonString()).ConfigureAwait(false);
        }

        private Task SendCallErrorAsync(string messageId, string errorCode, string description)
        {
            return SendTextAsync(new JsonArray(4, messageId, errorCode, description, new JsonObject()).ToJsonString());
        }

        private void CompletePending(string messageId, BenchCallResult result)
        {
            if (_pendingCalls.TryGetValue(messageId, out TaskCompletionSource<BenchCallResult> pending))
            {
                pending.TrySetResult(result);
            }
            else
            {
                _logger.LogWarning("{Identity} replied to unknown message id {MessageId}; ignored.", Identity, messageId);
            }
        }

        private static BenchCallResult ReadCallError(JsonElement frame, string text)
        {
            string code = frame.GetArrayLength() > 2 && frame[2].ValueKind == JsonValueKind.String ? frame[2].GetString() : null;
            string description = frame.GetArrayLength() > 3 && frame[3].ValueKind == JsonValueKind.String ? frame[3].GetString() : null;
            string details = frame.GetArrayLength() > 4 ? frame[4].GetRawText() : null;
            return new BenchCallResult(true, details, code, description, text);
        }

        private void RecordClose()
        {
            // The side that closed first sets the recorded status: the bench's own close, else the charge point's.
            bool closedByBench = _closeStatusSent.HasValue || _closeDescriptionSent != null;
            int? status = closedByBench ? _closeStatusSent : (_socket.CloseStatus.HasValue ? (int)_socket.CloseStatus.Value : null);
            string description = closedByBench ? _closeDescriptionSent : _socket.CloseStatusDescription;
            _server.OnConnectionEnded(this, status, description);
        }
    }
}
