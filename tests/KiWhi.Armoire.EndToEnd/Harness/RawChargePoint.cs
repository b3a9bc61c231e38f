using System.Net.WebSockets;
using System.Text;

namespace KiWhi.Armoire.EndToEnd.Harness;

/// <summary>
/// A bare WebSocket client that sends hand-written OCPP-J frames, to test the central-system harness
/// without the cabinet.
/// </summary>
public sealed class RawChargePoint : IDisposable
{
    private readonly ClientWebSocket _socket = new();

    private RawChargePoint()
    {
    }

    /// <summary>Connects to <paramref name="url"/> offering <paramref name="subprotocol"/> (none when null).</summary>
    public static async Task<RawChargePoint> ConnectAsync(string url, string? subprotocol, TimeSpan timeout)
    {
        var chargePoint = new RawChargePoint();
        if (subprotocol != null)
        {
            chargePoint._socket.Options.AddSubProtocol(subprotocol);
        }

        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await chargePoint._socket.ConnectAsync(new Uri(url), cancellation.Token);
        }
        catch
        {
            chargePoint.Dispose();
            throw;
        }

        return chargePoint;
    }

    /// <summary>Subprotocol the server selected, or null.</summary>
    public string? SubProtocol => _socket.SubProtocol;

    /// <summary>Sends one text message.</summary>
    public async Task SendAsync(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        await _socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
    }

    /// <summary>Receives one whole text message; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task<string> ReceiveAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        var buffer = new byte[4096];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                WebSocketReceiveResult result = await _socket.ReceiveAsync(buffer, cancellation.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new InvalidOperationException($"The server closed the connection: {result.CloseStatus} {result.CloseStatusDescription}");
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return Encoding.UTF8.GetString(message.ToArray());
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No message received within {timeout.TotalSeconds:0.#} s.");
        }
    }

    public void Dispose()
    {
        _socket.Abort();
        _socket.Dispose();
    }
}
