using System.Net;
using System.Net.Sockets;

namespace KiWhi.Armoire.EndToEnd.Harness;

/// <summary>A loopback TCP endpoint of the test that accepts and closes every connection, as an unreachable central system behaves for the cabinet.</summary>
public sealed class ClosingEndpoint : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _connectionCount;

    public ClosingEndpoint()
    {
        _listener.Start();
        Url = "ws://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port + "/ocpp";
        _ = AcceptLoop();
    }

    public string Url { get; }

    public int ConnectionCount => Volatile.Read(ref _connectionCount);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task AcceptLoop()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connectionCount);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException)
        {
        }
    }
}
