using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Tools.Bench;

namespace KiWhi.Armoire.Tests.Simulation;

/// <summary>The transport against the bench central system, on loopback only.</summary>
public sealed class WebSocketTransportTests : IAsyncDisposable
{
    private readonly BenchOptions _options = new();
    private readonly WebSocketTransport _transport = new();
    private readonly RecordingListener _listener = new();
    private BenchCentralSystem? _bench;

    private BenchCentralSystem Bench
    {
        get
        {
            if (_bench == null)
            {
                _bench = new BenchCentralSystem(_options);
                _bench.Start();
            }

            return _bench;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _transport.Dispose();
        if (_bench != null)
        {
            await _bench.StopAsync();
        }
    }

    private async Task ConnectAsync(string identity = "CP-T", string subprotocol = "ocpp1.6", string? authorization = null)
    {
        _transport.Connect(Bench.Url + "/" + identity, subprotocol, authorization!, _listener);
        await _listener.WaitConnectedAsync();
    }

    private bool SendText(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return _transport.Send(bytes, 0, bytes.Length);
    }

    [Fact]
    public async Task ConnectReportsConnected()
    {
        await ConnectAsync();

        Assert.Equal(new[] { "connected" }, _listener.Events);
        Assert.True(_transport.IsOpen);
        Assert.Contains("CP-T", Bench.ConnectedIdentities);
    }

    [Fact]
    public async Task CallGetsReply()
    {
        await ConnectAsync();

        bool sent = SendText("[2,\"b1\",\"BootNotification\",{\"chargePointVendor\":\"KiWhi\",\"chargePointModel\":\"Armoire\"}]");
        await _listener.WaitMessagesAsync(1);

        Assert.True(sent);
        Assert.StartsWith("[3,\"b1\",{\"status\":\"Accepted\"", _listener.Messages[0]);
    }

    [Fact]
    public async Task UnselectedSubprotocolFailsConnection()
    {
        _transport.Connect(Bench.Url + "/CP-T", "ocpp9.9", null!, _listener);
        await _listener.WaitClosedAsync();

        Assert.Equal(0, _listener.ConnectedCount);
        Assert.Single(_listener.ClosedReasons);
        Assert.Contains("did not accept subprotocol 'ocpp9.9'", _listener.ClosedReasons[0]);
        Assert.False(_transport.IsOpen);
    }

    [Fact]
    public async Task FragmentedMessageIsAssembled()
    {
        await ConnectAsync();
        string text = "[2,\"r1\",\"Reset\",{\"type\":\"Soft\",\"note\":\"réinitialisation\"}]";

        await Bench.SendRawAsync("CP-T", text, fragmentBytes: 7);
        await _listener.WaitMessagesAsync(1);

        Assert.Equal(new[] { text }, _listener.Messages);
    }

    [Fact]
    public async Task MessageAtMaximumIsDelivered()
    {
        _transport.MaxMessageBytes = 100;
        await ConnectAsync();
        string text = "[3,\"x\",{\"pad\":\"" + new string('a', 100 - 18) + "\"}]";

        await Bench.SendRawAsync("CP-T", text);
        await _listener.WaitMessagesAsync(1);

        Assert.Equal(100, Encoding.UTF8.GetByteCount(text));
        Assert.Equal(text, _listener.Messages[0]);
        Assert.True(_transport.IsOpen);
    }

    [Fact]
    public async Task OversizedMessageClosesWithMessageTooBig()
    {
        _transport.MaxMessageBytes = 100;
        await ConnectAsync();

        await Bench.SendRawAsync("CP-T", "[3,\"x\",{\"pad\":\"" + new string('a', 200) + "\"}]", fragmentBytes: 30);
        await _listener.WaitClosedAsync();
        ChargePointSnapshot snapshot = await Bench.WaitForChargePointAsync("CP-T", s => !s.IsConnected, Waits.Network);

        Assert.Empty(_listener.Messages);
        Assert.Contains("larger than 100 bytes", _listener.ClosedReasons.Single());
        Assert.Equal((int)WebSocketCloseStatus.MessageTooBig, snapshot.LastCloseStatus);
    }

    [Fact]
    public async Task ServerCloseIsReported()
    {
        await ConnectAsync();

        await Bench.DisconnectAsync("CP-T", WebSocketCloseStatus.PolicyViolation, "maintenance");
        await _listener.WaitClosedAsync();

        Assert.Equal("closed by the server (status 1008, 'maintenance')", _listener.ClosedReasons.Single());
        Assert.False(_transport.IsOpen);
    }

    [Fact]
    public async Task DroppedConnectionIsReported()
    {
        await ConnectAsync();

        Bench.Abort("CP-T");
        await _listener.WaitClosedAsync();

        Assert.StartsWith("connection lost", _listener.ClosedReasons.Single());
    }

    [Fact]
    public void SendBeforeConnectFails()
    {
        Assert.False(SendText("[2,\"h\",\"Heartbeat\",{}]"));
    }

    [Fact]
    public async Task SendAfterCloseFails()
    {
        await ConnectAsync();

        _transport.Close();

        Assert.False(SendText("[2,\"h\",\"Heartbeat\",{}]"));
    }

    [Fact]
    public async Task CloseIsIdempotent()
    {
        await ConnectAsync();

        _transport.Close();
        _transport.Close();
        ChargePointSnapshot snapshot = await Bench.WaitForChargePointAsync("CP-T", s => !s.IsConnected, Waits.Network);

        Assert.Equal(new[] { "connected", "closed:closed by the charge point" }, _listener.Events);
        Assert.Equal(1000, snapshot.LastCloseStatus);
    }

    [Fact]
    public async Task RefusedConnectionReportsClosedOnce()
    {
        var unused = new TcpListener(IPAddress.Loopback, 0);
        unused.Start();
        int port = ((IPEndPoint)unused.LocalEndpoint).Port;
        unused.Stop();

        _transport.Connect("ws://127.0.0.1:" + port + "/ocpp/CP-T", "ocpp1.6", null!, _listener);
        await _listener.WaitClosedAsync();
        await Task.Delay(100);

        Assert.Single(_listener.Events);
        Assert.Contains("failed", _listener.ClosedReasons[0]);
    }

    [Theory]
    [InlineData("http://127.0.0.1:1/ocpp/CP")]
    [InlineData("not a url")]
    public async Task InvalidUrlReportsClosed(string url)
    {
        _transport.Connect(url, "ocpp1.6", null!, _listener);
        await _listener.WaitClosedAsync();

        Assert.StartsWith("invalid URL", _listener.ClosedReasons.Single());
    }

    [Fact]
    public async Task AuthorizationHeaderIsSent()
    {
        _options.Password = "s3cret";
        string basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("CP-T:s3cret"));

        await ConnectAsync(authorization: basic);

        Assert.True(_transport.IsOpen);
    }

    [Fact]
    public async Task WrongAuthorizationFailsConnection()
    {
        _options.Password = "s3cret";
        string basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("CP-T:wrong"));

        await ConnectAsync(authorization: basic);

        Assert.Equal(0, _listener.ConnectedCount);
        Assert.Contains("401", _listener.ClosedReasons.Single());
    }

    [Fact]
    public async Task ReconnectAfterCloseWorks()
    {
        await ConnectAsync();
        _transport.Close();
        var second = new RecordingListener();

        _transport.Connect(Bench.Url + "/CP-T", "ocpp1.6", null!, second);
        await second.WaitConnectedAsync();

        Assert.Equal(1, second.ConnectedCount);
        Assert.Single(_listener.ClosedReasons);
    }

    [Fact]
    public async Task ConnectWhileOpenClosesPreviousFirst()
    {
        await ConnectAsync();
        var second = new RecordingListener();

        _transport.Connect(Bench.Url + "/CP-T", "ocpp1.6", null!, second);
        string[] firstEvents = _listener.Events;
        await second.WaitConnectedAsync();

        Assert.Equal(new[] { "connected", "closed:replaced by a new connection" }, firstEvents);
        Assert.Equal(1, second.ConnectedCount);
    }

    [Fact]
    public async Task MessagesArriveInOrder()
    {
        await ConnectAsync();

        for (int i = 0; i < 20; i++)
        {
            Assert.True(SendText("[2,\"h" + i + "\",\"Heartbeat\",{}]"));
        }

        await _listener.WaitMessagesAsync(20);
        string[] ids = _listener.Messages.Select(m => m.Split('"')[1]).ToArray();

        Assert.Equal(Enumerable.Range(0, 20).Select(i => "h" + i).ToArray(), ids);
    }
}
