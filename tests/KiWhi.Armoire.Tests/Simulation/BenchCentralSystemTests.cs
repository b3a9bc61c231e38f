using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using KiWhi.Armoire.Tools.Bench;

namespace KiWhi.Armoire.Tests.Simulation;

public sealed class BenchCentralSystemTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 5, 6, 7, 8, 9, 123, TimeSpan.Zero);

    private const string Boot = "{\"chargePointVendor\":\"KiWhi\",\"chargePointModel\":\"Armoire\"}";

    private readonly BenchOptions _options = new() { TimeProvider = new FixedTimeProvider(Now), HeartbeatIntervalSeconds = 120 };
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
        if (_bench != null)
        {
            await _bench.StopAsync();
        }
    }

    private Task<RawOcppClient> ConnectAsync(string identity = "CP-1") => RawOcppClient.ConnectAsync(Bench, identity);

    private static string Start(string idTag) => "{\"connectorId\":1,\"idTag\":\"" + idTag + "\",\"meterStart\":1000,\"timestamp\":\"2025-05-06T07:00:00.000Z\"}";

    [Fact]
    public async Task BootNotificationIsAccepted()
    {
        await using RawOcppClient client = await ConnectAsync();

        JsonElement payload = await client.CallResultAsync("BootNotification", Boot);

        Assert.Equal("Accepted", payload.GetProperty("status").GetString());
        Assert.Equal("2025-05-06T07:08:09.123Z", payload.GetProperty("currentTime").GetString());
        Assert.Equal(120, payload.GetProperty("interval").GetInt32());
    }

    [Fact]
    public async Task BootStatusIsConfigurable()
    {
        _options.BootStatus = "Pending";
        await using RawOcppClient client = await ConnectAsync();

        JsonElement payload = await client.CallResultAsync("BootNotification", Boot);

        Assert.Equal("Pending", payload.GetProperty("status").GetString());
    }

    [Fact]
    public async Task BootNotificationIsRecorded()
    {
        await using RawOcppClient client = await ConnectAsync();

        await client.CallResultAsync("BootNotification", Boot);
        ChargePointSnapshot? snapshot = Bench.GetChargePoint("CP-1");

        Assert.NotNull(snapshot);
        Assert.True(snapshot!.IsConnected);
        Assert.Equal(1, snapshot.BootNotificationCount);
        Assert.Equal("Armoire", snapshot.ChargePointModel);
    }

    [Fact]
    public async Task HeartbeatReturnsCurrentTime()
    {
        await using RawOcppClient client = await ConnectAsync();

        JsonElement payload = await client.CallResultAsync("Heartbeat", "{}");

        Assert.Equal("2025-05-06T07:08:09.123Z", payload.GetProperty("currentTime").GetString());
    }

    [Fact]
    public async Task StatusNotificationIsRecorded()
    {
        await using RawOcppClient client = await ConnectAsync();

        JsonElement payload = await client.CallResultAsync("StatusNotification", "{\"connectorId\":2,\"errorCode\":\"NoError\",\"status\":\"Charging\"}");

        Assert.Equal("{}", payload.GetRawText());
        Assert.Equal("Charging", Bench.GetChargePoint("CP-1")!.ConnectorStatuses[2]);
    }

    [Theory]
    [InlineData("04A1B2C3D4E5F6", "Accepted")]
    [InlineData("BADCAFE0", "Invalid")]
    [InlineData("badcafe0", "Invalid")]
    [InlineData("0BB0CC0D", "Blocked")]
    public async Task AuthorizeFollowsLists(string idTag, string status)
    {
        _options.InvalidIdTags.Add("BADCAFE0");
        _options.BlockedIdTags.Add("0BB0CC0D");
        await using RawOcppClient client = await ConnectAsync();

        JsonElement payload = await client.CallResultAsync("Authorize", "{\"idTag\":\"" + idTag + "\"}");

        Assert.Equal(status, payload.GetProperty("idTagInfo").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("ALLOWED1", "Accepted")]
    [InlineData("OTHER", "Invalid")]
    public async Task AllowListRejectsOthers(string idTag, string status)
    {
        _options.AllowedIdTags.Add("ALLOWED1");
        await using RawOcppClient client = await ConnectAsync();

        JsonElement payload = await client.CallResultAsync("Authorize", "{\"idTag\":\"" + idTag + "\"}");

        Assert.Equal(status, payload.GetProperty("idTagInfo").GetProperty("status").GetString());
    }

    [Fact]
    public async Task TransactionIdsIncrease()
    {
        _options.FirstTransactionId = 41;
        await using RawOcppClient client = await ConnectAsync();

        JsonElement first = await client.CallResultAsync("StartTransaction", Start("AAAA"));
        JsonElement second = await client.CallResultAsync("StartTransaction", Start("BBBB"));

        Assert.Equal(41, first.GetProperty("transactionId").GetInt32());
        Assert.Equal(42, second.GetProperty("transactionId").GetInt32());
        Assert.Equal("Accepted", first.GetProperty("idTagInfo").GetProperty("status").GetString());
    }

    [Fact]
    public async Task StartTransactionUsesAuthorizeLists()
    {
        _options.BlockedIdTags.Add("AAAA");
        await using RawOcppClient client = await ConnectAsync();

        JsonElement payload = await client.CallResultAsync("StartTransaction", Start("AAAA"));

        Assert.Equal("Blocked", payload.GetProperty("idTagInfo").GetProperty("status").GetString());
    }

    [Fact]
    public async Task TransactionIsRecordedToTheEnd()
    {
        await using RawOcppClient client = await ConnectAsync();

        await client.CallResultAsync("StartTransaction", Start("AAAA"));
        await client.CallResultAsync("MeterValues", "{\"connectorId\":1,\"transactionId\":1,\"meterValue\":[{\"timestamp\":\"2025-05-06T07:01:00.000Z\",\"sampledValue\":[{\"value\":\"1.5\",\"unit\":\"kWh\"}]}]}");
        JsonElement stop = await client.CallResultAsync("StopTransaction", "{\"transactionId\":1,\"idTag\":\"AAAA\",\"meterStop\":2500,\"timestamp\":\"2025-05-06T07:02:00.000Z\",\"reason\":\"Local\"}");
        BenchTransaction transaction = Bench.GetChargePoint("CP-1")!.Transactions.Single();

        Assert.Equal("Accepted", stop.GetProperty("idTagInfo").GetProperty("status").GetString());
        Assert.Equal(1000, transaction.MeterStartWh);
        Assert.Equal(1500, transaction.LastMeterWh);
        Assert.Equal(1, transaction.MeterValuesCount);
        Assert.Equal(2500, transaction.MeterStopWh);
        Assert.Equal("Local", transaction.StopReason);
    }

    [Fact]
    public async Task StopWithoutIdTagOmitsIdTagInfo()
    {
        await using RawOcppClient client = await ConnectAsync();
        await client.CallResultAsync("StartTransaction", Start("AAAA"));

        JsonElement stop = await client.CallResultAsync("StopTransaction", "{\"transactionId\":1,\"meterStop\":1000,\"timestamp\":\"2025-05-06T07:02:00.000Z\"}");

        Assert.Equal("{}", stop.GetRawText());
    }

    [Fact]
    public async Task UnknownActionIsNotImplemented()
    {
        await using RawOcppClient client = await ConnectAsync();

        JsonElement reply = await client.CallAsync("DataTransfer", "{\"vendorId\":\"KiWhi\"}");

        Assert.Equal(4, reply[0].GetInt32());
        Assert.Equal("NotImplemented", reply[2].GetString());
        Assert.Equal("{}", reply[4].GetRawText());
    }

    [Theory]
    [InlineData("Authorize", "{}", "OccurenceConstraintViolation")]
    [InlineData("Authorize", "{\"idTag\":42}", "TypeConstraintViolation")]
    [InlineData("Authorize", "{\"idTag\":\"123456789012345678901\"}", "PropertyConstraintViolation")]
    [InlineData("StartTransaction", "{\"connectorId\":0,\"idTag\":\"A\",\"meterStart\":0,\"timestamp\":\"2025-05-06T07:00:00Z\"}", "PropertyConstraintViolation")]
    [InlineData("MeterValues", "{\"connectorId\":1,\"meterValue\":[]}", "OccurenceConstraintViolation")]
    public async Task InvalidPayloadGetsCallError(string action, string payload, string errorCode)
    {
        await using RawOcppClient client = await ConnectAsync();

        JsonElement reply = await client.CallAsync(action, payload);

        Assert.Equal(4, reply[0].GetInt32());
        Assert.Equal(errorCode, reply[2].GetString());
    }

    [Fact]
    public async Task MalformedCallIsFormationViolation()
    {
        await using RawOcppClient client = await ConnectAsync();

        await client.SendTextAsync("[2,\"x1\",\"Heartbeat\"]");
        JsonElement reply = await client.ReceiveFrameAsync();

        Assert.Equal("[4,\"x1\",\"FormationViolation\",\"A CALL is [2, messageId, action, payload object].\",{}]", reply.GetRawText());
    }

    [Fact]
    public async Task GarbageIsIgnored()
    {
        await using RawOcppClient client = await ConnectAsync();

        await client.SendTextAsync("this is not JSON");
        await client.SendTextAsync("[5,\"x2\",{}]");
        JsonElement payload = await client.CallResultAsync("Heartbeat", "{}");

        Assert.True(payload.TryGetProperty("currentTime", out _));
        Assert.True(Bench.GetChargePoint("CP-1")!.IsConnected);
    }

    [Fact]
    public async Task UnansweredActionGetsNoReply()
    {
        _options.UnansweredActions.Add("Heartbeat");
        await using RawOcppClient client = await ConnectAsync();

        await client.SendTextAsync("[2,\"h1\",\"Heartbeat\",{}]");
        JsonElement next = await client.CallAsync("Authorize", "{\"idTag\":\"A\"}");

        Assert.Equal(3, next[0].GetInt32());
    }

    [Fact]
    public async Task FramesAreLoggedBothWays()
    {
        await using RawOcppClient client = await ConnectAsync("CP-LOG");

        await client.CallResultAsync("Heartbeat", "{}");
        FrameRecord[] frames = Bench.Frames;

        Assert.Equal(2, frames.Length);
        Assert.Equal(FrameDirection.In, frames[0].Direction);
        Assert.Equal(FrameDirection.Out, frames[1].Direction);
        Assert.All(frames, f => Assert.Equal("CP-LOG", f.Identity));
        Assert.StartsWith("[2,\"m1\",\"Heartbeat\"", frames[0].Text);
    }

    [Fact]
    public async Task CallToChargePointReturnsReply()
    {
        await using RawOcppClient client = await ConnectAsync();
        Task<BenchCallResult> call = Bench.SendCallAsync("CP-1", "Reset", "{\"type\":\"Soft\"}", Waits.Network);

        JsonElement request = await client.ReceiveFrameAsync();
        await client.SendTextAsync("[3,\"" + request[1].GetString() + "\",{\"status\":\"Accepted\"}]");
        BenchCallResult result = await call;

        Assert.Equal("Reset", request[2].GetString());
        Assert.False(result.IsError);
        Assert.Equal("{\"status\":\"Accepted\"}", result.PayloadJson);
    }

    [Fact]
    public async Task CallErrorFromChargePointIsReturned()
    {
        await using RawOcppClient client = await ConnectAsync();
        Task<BenchCallResult> call = Bench.SendCallAsync("CP-1", "GetDiagnostics", "{\"location\":\"ftp://x\"}", Waits.Network);

        JsonElement request = await client.ReceiveFrameAsync();
        await client.SendTextAsync("[4,\"" + request[1].GetString() + "\",\"NotImplemented\",\"\",{}]");
        BenchCallResult result = await call;

        Assert.True(result.IsError);
        Assert.Equal("NotImplemented", result.ErrorCode);
    }

    [Fact]
    public async Task MissingSubprotocolIsClosedAfterHandshake()
    {
        await using RawOcppClient client = await RawOcppClient.ConnectAsync(Bench, "CP-1", subprotocol: null);
        var buffer = new byte[128];

        using var timeout = new CancellationTokenSource(Waits.Network);
        WebSocketReceiveResult result = await client.Socket.ReceiveAsync(buffer, timeout.Token);

        Assert.Null(client.Socket.SubProtocol);
        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(WebSocketCloseStatus.ProtocolError, result.CloseStatus);
    }

    [Fact]
    public async Task OtherSubprotocolIsNotSelected()
    {
        await using RawOcppClient client = await RawOcppClient.ConnectAsync(Bench, "CP-1", subprotocol: "ocpp2.0.1");

        Assert.Null(client.Socket.SubProtocol);
    }

    [Fact]
    public async Task PercentEncodedIdentityIsDecoded()
    {
        await using RawOcppClient client = await ConnectAsync("ARMOIRE%2301");

        await client.CallResultAsync("Heartbeat", "{}");

        Assert.Contains("ARMOIRE#01", Bench.ConnectedIdentities);
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", "HTTP/1.1 404")]
    [InlineData("GET /ocpp/CP HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 426")]
    [InlineData("GET /ocpp/CP HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: short\r\nSec-WebSocket-Version: 13\r\n\r\n", "HTTP/1.1 400")]
    [InlineData("GET /ocpp/CP HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n", "HTTP/1.1 426")]
    [InlineData("POST /ocpp/CP HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 405")]
    public async Task BadUpgradeRequestIsRejected(string request, string statusLine)
    {
        string response = await SendRawHttpAsync(request);

        Assert.StartsWith(statusLine, response);
    }

    [Fact]
    public async Task HandshakeAcceptMatchesRfcExample()
    {
        // RFC 6455 §1.3: key "dGhlIHNhbXBsZSBub25jZQ==" gives accept "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=".
        string response = await SendRawHttpAsync("GET /ocpp/CP-RFC HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 101", response);
        Assert.Contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n", response);
        Assert.Contains("Sec-WebSocket-Protocol: ocpp1.6\r\n", response);
    }

    [Fact]
    public async Task WrongPasswordGets401()
    {
        _options.Password = "secret";
        string basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("CP-1:wrong"));

        string response = await SendRawHttpAsync("GET /ocpp/CP-1 HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ocpp1.6\r\nAuthorization: " + basic + "\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 401", response);
        Assert.DoesNotContain("secret", response);
    }

    [Fact]
    public async Task RightPasswordConnects()
    {
        _options.Password = "secret";
        string basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("CP-1:secret"));

        await using RawOcppClient client = await RawOcppClient.ConnectAsync(Bench, "CP-1", authorization: basic);

        Assert.Equal("ocpp1.6", client.Socket.SubProtocol);
    }

    [Fact]
    public async Task ReconnectReplacesPreviousConnection()
    {
        await using RawOcppClient first = await ConnectAsync();
        await using RawOcppClient second = await ConnectAsync();
        var buffer = new byte[128];

        using var timeout = new CancellationTokenSource(Waits.Network);
        WebSocketReceiveResult result = await first.Socket.ReceiveAsync(buffer, timeout.Token);
        JsonElement payload = await second.CallResultAsync("Heartbeat", "{}");

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, result.CloseStatus);
        Assert.True(payload.TryGetProperty("currentTime", out _));
        Assert.Equal(2, Bench.GetChargePoint("CP-1")!.ConnectionCount);
    }

    [Fact]
    public async Task ClientCloseIsRecorded()
    {
        RawOcppClient client = await ConnectAsync();
        await client.CallResultAsync("Heartbeat", "{}");

        await client.DisposeAsync();
        ChargePointSnapshot snapshot = await Bench.WaitForChargePointAsync("CP-1", s => !s.IsConnected, Waits.Network);

        Assert.Equal(1000, snapshot.LastCloseStatus);
    }

    [Theory]
    [InlineData("--port", "0", "--interval", "60", "--reject", "A", "--block", "B", "--allow", "C", "--boot-status", "Rejected")]
    public void ArgumentsSetOptions(params string[] args)
    {
        BenchOptions? options = Program.ParseArguments(args);

        Assert.NotNull(options);
        Assert.Equal(0, options!.Port);
        Assert.Equal(60, options.HeartbeatIntervalSeconds);
        Assert.Equal("Invalid", options.AuthorizationStatusOf("a"));
        Assert.Equal("Blocked", options.AuthorizationStatusOf("B"));
        Assert.Equal("Accepted", options.AuthorizationStatusOf("C"));
        Assert.Equal("Rejected", options.BootStatus);
    }

    [Theory]
    [InlineData("--port", "abc")]
    [InlineData("--unknown", "1")]
    [InlineData("--port")]
    [InlineData("--listen", "not-an-address")]
    public void BadArgumentsThrow(params string[] args)
    {
        Assert.Throws<ArgumentException>(() => Program.ParseArguments(args));
    }

    private async Task<string> SendRawHttpAsync(string request)
    {
        using var tcp = new TcpClient();
        using var timeout = new CancellationTokenSource(Waits.Network);
        await tcp.ConnectAsync("127.0.0.1", Bench.Port, timeout.Token);
        NetworkStream stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), timeout.Token);
        var buffer = new byte[4096];
        int count = 0;
        while (count < buffer.Length)
        {
            int read = await stream.ReadAsync(buffer.AsMemory(count), timeout.Token);
            if (read == 0)
            {
                break;
            }

            count += read;
            string text = Encoding.ASCII.GetString(buffer, 0, count);
            if (text.Contains("\r\n\r\n", StringComparison.Ordinal) && text.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
            {
                break;
            }
        }

        return Encoding.ASCII.GetString(buffer, 0, count);
    }
}
