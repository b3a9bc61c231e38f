using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Tools.Bench;

namespace KiWhi.Armoire.Tests.Simulation;

/// <summary>Bound of every wait on the network in these tests, so that a failure never hangs the run.</summary>
internal static class Waits
{
    public static readonly TimeSpan Network = TimeSpan.FromSeconds(10);

    /// <summary>Polls <paramref name="condition"/> until it is true; fails the test naming <paramref name="description"/> after <see cref="Network"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, string description)
    {
        DateTime deadline = DateTime.UtcNow + Network;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("Timed out waiting for " + description + ".");
            }

            await Task.Delay(10);
        }
    }
}

/// <summary>Transport listener that records every callback in order.</summary>
internal sealed class RecordingListener : ITransportListener
{
    private readonly ConcurrentQueue<string> _events = new();

    public string[] Events => _events.ToArray();

    public int ConnectedCount => Events.Count(e => e == "connected");

    public string[] ClosedReasons => Events.Where(e => e.StartsWith("closed:", StringComparison.Ordinal)).Select(e => e.Substring(7)).ToArray();

    public string[] Messages => Events.Where(e => e.StartsWith("message:", StringComparison.Ordinal)).Select(e => e.Substring(8)).ToArray();

    public void OnConnected() => _events.Enqueue("connected");

    public void OnClosed(string reason) => _events.Enqueue("closed:" + reason);

    public void OnMessage(byte[] utf8, int offset, int count) => _events.Enqueue("message:" + Encoding.UTF8.GetString(utf8, offset, count));

    public Task WaitConnectedAsync() => Waits.UntilAsync(() => ConnectedCount > 0 || ClosedReasons.Length > 0, "OnConnected");

    public Task WaitClosedAsync() => Waits.UntilAsync(() => ClosedReasons.Length > 0, "OnClosed");

    public Task WaitMessagesAsync(int count) => Waits.UntilAsync(() => Messages.Length >= count, count + " message(s)");
}

/// <summary>Time source fixed at one instant, for exact currentTime checks.</summary>
internal sealed class FixedTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _now;

    public FixedTimeProvider(DateTimeOffset now) => _now = now;

    public override DateTimeOffset GetUtcNow() => _now;
}

/// <summary>A bare OCPP-J client on <see cref="ClientWebSocket"/>, independent of the transport under test.</summary>
internal sealed class RawOcppClient : IAsyncDisposable
{
    private int _nextId;

    private RawOcppClient(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    public static async Task<RawOcppClient> ConnectAsync(BenchCentralSystem bench, string identity, string? subprotocol = "ocpp1.6", string? authorization = null)
    {
        var socket = new ClientWebSocket();
        if (subprotocol != null)
        {
            socket.Options.AddSubProtocol(subprotocol);
        }

        if (authorization != null)
        {
            socket.Options.SetRequestHeader("Authorization", authorization);
        }

        using var timeout = new CancellationTokenSource(Waits.Network);
        await socket.ConnectAsync(new Uri(bench.Url + "/" + identity), timeout.Token);
        return new RawOcppClient(socket);
    }

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Waits.Network);
        await Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>Receives one text message and parses it; fails the test on close or timeout.</summary>
    public async Task<JsonElement> ReceiveFrameAsync()
    {
        var buffer = new byte[64 * 1024];
        int count = 0;
        using var timeout = new CancellationTokenSource(Waits.Network);
        while (true)
        {
            WebSocketReceiveResult result = await Socket.ReceiveAsync(new ArraySegment<byte>(buffer, count, buffer.Length - count), timeout.Token);
            Assert.NotEqual(WebSocketMessageType.Close, result.MessageType);
            count += result.Count;
            if (result.EndOfMessage)
            {
                return JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, count)).RootElement.Clone();
            }
        }
    }

    /// <summary>Sends a CALL and returns the reply frame.</summary>
    public async Task<JsonElement> CallAsync(string action, string payloadJson)
    {
        string messageId = "m" + Interlocked.Increment(ref _nextId);
        await SendTextAsync("[2,\"" + messageId + "\",\"" + action + "\"," + payloadJson + "]");
        JsonElement reply = await ReceiveFrameAsync();
        Assert.Equal(messageId, reply[1].GetString());
        return reply;
    }

    /// <summary>Sends a CALL and returns the CALLRESULT payload; fails the test on a CALLERROR.</summary>
    public async Task<JsonElement> CallResultAsync(string action, string payloadJson)
    {
        JsonElement reply = await CallAsync(action, payloadJson);
        Assert.True(reply[0].GetInt32() == 3, "expected a CALLRESULT, got " + reply.GetRawText());
        return reply[2];
    }

    public async ValueTask DisposeAsync()
    {
        if (Socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException || exception is OperationCanceledException)
            {
                // The test is over; a failed close handshake does not change its result.
            }
        }

        Socket.Dispose();
    }
}
