using System.Net.WebSockets;
using System.Text.Json.Nodes;
using KiWhi.Armoire.EndToEnd.Harness;
using Xunit;
using Xunit.Abstractions;

namespace KiWhi.Armoire.EndToEnd;

/// <summary>
/// The central-system harness on its own, driven by hand-written OCPP-J frames: it must serve scripted
/// replies and report every strict validation failure, or the cabinet scenarios prove nothing.
/// </summary>
public sealed class CentralSystemHarnessTests : IDisposable
{
    private static readonly TimeSpan ReceiveWait = TimeSpan.FromSeconds(5);

    private const string ValidBootPayload = "{\"chargePointVendor\":\"KiWhi\",\"chargePointModel\":\"Armoire\"}";

    private readonly CentralSystem _centralSystem;

    public CentralSystemHarnessTests(ITestOutputHelper output)
    {
        _centralSystem = CentralSystem.Start(output);
    }

    public void Dispose()
    {
        _centralSystem.Dispose();
    }

    [Fact]
    public async Task ValidBootNotificationIsAccepted()
    {
        using RawChargePoint chargePoint = await ConnectAsync("HARNESS-1");

        await chargePoint.SendAsync("[2,\"boot-1\",\"BootNotification\"," + ValidBootPayload + "]");
        JsonArray reply = ParseFrame(await chargePoint.ReceiveAsync(ReceiveWait));

        Assert.Equal(3, (int)reply[0]!);
        Assert.Equal("boot-1", (string?)reply[1]);
        Assert.Equal("Accepted", (string?)reply[2]!["status"]);
        _centralSystem.Sync();
        JsonObject call = Assert.Single(_centralSystem.CallsFromChargePoint("BootNotification"));
        Assert.Equal("boot-1", (string?)call["messageId"]);
        Assert.Equal("KiWhi", (string?)call["payload"]!["chargePointVendor"]);
        _centralSystem.AssertNoValidationFailures();
    }

    [Fact]
    public async Task ConnectionReportsSubprotocolAndEndpoint()
    {
        using RawChargePoint chargePoint = await ConnectAsync("HARNESS-2");

        JsonObject connected = _centralSystem.WaitFor("the connected event", e => CentralSystem.Kind(e) == "connected");

        Assert.Equal("ocpp1.6", chargePoint.SubProtocol);
        Assert.Equal("HARNESS-2", (string?)connected["identity"]);
        Assert.Equal("ocpp1.6", (string?)connected["protocol"]);
        Assert.Equal("/ocpp", (string?)connected["endpoint"]);
    }

    [Fact]
    public async Task ExtraPropertyIsValidationFailure()
    {
        using RawChargePoint chargePoint = await ConnectAsync("HARNESS-3");

        await chargePoint.SendAsync(
            "[2,\"boot-2\",\"BootNotification\",{\"chargePointVendor\":\"KiWhi\",\"chargePointModel\":\"Armoire\",\"vendorExtra\":1}]");
        JsonArray reply = ParseFrame(await chargePoint.ReceiveAsync(ReceiveWait));

        Assert.Equal(4, (int)reply[0]!);
        Assert.Equal("PropertyConstraintViolation", (string?)reply[2]);
        JsonObject failure = SingleValidationFailure();
        Assert.Equal("strict", (string?)failure["kind"]);
        Assert.True((bool)failure["fromChargePoint"]!);
        Assert.Equal("boot-2", (string?)failure["messageId"]);
        Assert.Equal("BootNotification", (string?)failure["action"]);
    }

    [Fact]
    public async Task OverlongCiStringIsValidationFailure()
    {
        using RawChargePoint chargePoint = await ConnectAsync("HARNESS-4");

        // chargePointVendor has maxLength 20 in the OCPP 1.6 schema of ocpp-rpc 2.2.1: 21 characters are one too many.
        await chargePoint.SendAsync(
            "[2,\"boot-3\",\"BootNotification\",{\"chargePointVendor\":\"ABCDEFGHIJKLMNOPQRSTU\",\"chargePointModel\":\"Armoire\"}]");
        JsonArray reply = ParseFrame(await chargePoint.ReceiveAsync(ReceiveWait));

        Assert.Equal(4, (int)reply[0]!);
        JsonObject failure = SingleValidationFailure();
        Assert.Equal("boot-3", (string?)failure["messageId"]);
    }

    [Fact]
    public async Task QueuedRepliesPrecedeDefault()
    {
        _centralSystem.QueueReply("BootNotification",
            Reply.Result(new { status = "Rejected", currentTime = "2025-06-02T08:00:00.000Z", interval = 2 }));
        using RawChargePoint chargePoint = await ConnectAsync("HARNESS-5");

        await chargePoint.SendAsync("[2,\"boot-4\",\"BootNotification\"," + ValidBootPayload + "]");
        JsonArray first = ParseFrame(await chargePoint.ReceiveAsync(ReceiveWait));
        await chargePoint.SendAsync("[2,\"boot-5\",\"BootNotification\"," + ValidBootPayload + "]");
        JsonArray second = ParseFrame(await chargePoint.ReceiveAsync(ReceiveWait));

        Assert.Equal("Rejected", (string?)first[2]!["status"]);
        Assert.Equal(2, (int)first[2]!["interval"]!);
        Assert.Equal("Accepted", (string?)second[2]!["status"]);
        _centralSystem.AssertNoValidationFailures();
    }

    [Fact]
    public async Task DefaultReplyMatchesIdTag()
    {
        _centralSystem.SetDefaultReply("Authorize",
            Reply.Result(new { idTagInfo = new { status = "Invalid" } }), new { idTag = "04AABBCCDDEEFF" });
        using RawChargePoint chargePoint = await ConnectAsync("HARNESS-6");

        await chargePoint.SendAsync("[2,\"auth-1\",\"Authorize\",{\"idTag\":\"04AABBCCDDEEFF\"}]");
        JsonArray unknownCard = ParseFrame(await chargePoint.ReceiveAsync(ReceiveWait));
        await chargePoint.SendAsync("[2,\"auth-2\",\"Authorize\",{\"idTag\":\"04112233445566\"}]");
        JsonArray otherCard = ParseFrame(await chargePoint.ReceiveAsync(ReceiveWait));

        Assert.Equal("Invalid", (string?)unknownCard[2]!["idTagInfo"]!["status"]);
        Assert.Equal("Accepted", (string?)otherCard[2]!["idTagInfo"]!["status"]);
        _centralSystem.AssertNoValidationFailures();
    }

    [Fact]
    public async Task StartTransactionGetsFreshTransactionIds()
    {
        using RawChargePoint chargePoint = await ConnectAsync("HARNESS-7");
        const string payload = "{\"connectorId\":1,\"idTag\":\"04AABBCCDDEEFF\",\"meterStart\":0,\"timestamp\":\"2025-06-02T08:00:00Z\"}";

        await chargePoint.SendAsync("[2,\"start-1\",\"StartTransaction\"," + payload + "]");
        JsonArray first = ParseFrame(await chargePoint.ReceiveAsync(ReceiveWait));
        await chargePoint.SendAsync("[2,\"start-2\",\"StartTransaction\"," + payload + "]");
        JsonArray second = ParseFrame(await chargePoint.ReceiveAsync(ReceiveWait));

        Assert.NotEqual((int)first[2]!["transactionId"]!, (int)second[2]!["transactionId"]!);
        _centralSystem.AssertNoValidationFailures();
    }

    [Fact]
    public async Task NoReplyLeavesCallUnanswered()
    {
        _centralSystem.QueueReply("Heartbeat", Reply.None());
        using RawChargePoint chargePoint = await ConnectAsync("HARNESS-8");

        await chargePoint.SendAsync("[2,\"hb-1\",\"Heartbeat\",{}]");

        await Assert.ThrowsAsync<TimeoutException>(() => chargePoint.ReceiveAsync(TimeSpan.FromMilliseconds(500)));
        JsonObject sent = _centralSystem.WaitFor("the no-reply report", e => CentralSystem.Kind(e) == "sent");
        Assert.Equal("none", (string?)sent["type"]);
    }

    [Fact]
    public async Task ScriptedCallErrorIsSent()
    {
        _centralSystem.QueueReply("MeterValues", Reply.Error("InternalError", "scripted failure"));
        using RawChargePoint chargePoint = await ConnectAsync("HARNESS-9");

        await chargePoint.SendAsync("[2,\"mv-1\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":[]}]");
        JsonArray reply = ParseFrame(await chargePoint.ReceiveAsync(ReceiveWait));

        Assert.Equal(4, (int)reply[0]!);
        Assert.Equal("InternalError", (string?)reply[2]);
        _centralSystem.AssertNoValidationFailures();
    }

    [Fact]
    public async Task NonJsonFrameIsBadMessage()
    {
        using RawChargePoint chargePoint = await ConnectAsync("HARNESS-10");

        await chargePoint.SendAsync("this is not JSON");

        JsonObject failure = _centralSystem.WaitFor("a validation failure", e => CentralSystem.Kind(e) == "validationFailure");
        Assert.Equal("badMessage", (string?)failure["kind"]);
        Assert.Equal("this is not JSON", (string?)failure["text"]);
    }

    [Fact]
    public async Task ReusedMessageIdIsValidationFailure()
    {
        using RawChargePoint chargePoint = await ConnectAsync("HARNESS-11");

        await chargePoint.SendAsync("[2,\"same-id\",\"Heartbeat\",{}]");
        await chargePoint.ReceiveAsync(ReceiveWait);
        await chargePoint.SendAsync("[2,\"same-id\",\"Heartbeat\",{}]");
        await chargePoint.ReceiveAsync(ReceiveWait);

        JsonObject failure = SingleValidationFailure();
        Assert.Equal("messageId", (string?)failure["kind"]);
    }

    [Fact]
    public async Task MissingSubprotocolIsRejected()
    {
        await Assert.ThrowsAsync<WebSocketException>(
            () => RawChargePoint.ConnectAsync(_centralSystem.Url + "/ocpp/HARNESS-12", null, ReceiveWait));

        JsonObject failure = _centralSystem.WaitFor("a validation failure", e => CentralSystem.Kind(e) == "validationFailure");
        Assert.Equal("handshake", (string?)failure["kind"]);
    }

    [Fact]
    public async Task CallResultFromChargePointIsValidated()
    {
        using RawChargePoint chargePoint = await ConnectAsync("HARNESS-13");
        string callRef = _centralSystem.Call("GetConfiguration", new { key = new[] { "HeartbeatInterval" } });

        JsonArray call = ParseFrame(await chargePoint.ReceiveAsync(ReceiveWait));
        // readonly is a boolean in the GetConfiguration.conf schema, so a string must be rejected.
        await chargePoint.SendAsync(
            "[3,\"" + (string?)call[1] + "\",{\"configurationKey\":[{\"key\":\"HeartbeatInterval\",\"readonly\":\"no\",\"value\":\"300\"}]}]");

        JsonObject failure = _centralSystem.WaitFor("a validation failure", e => CentralSystem.Kind(e) == "validationFailure");
        Assert.Equal("strict", (string?)failure["kind"]);
        Assert.True((bool)failure["fromChargePoint"]!);
        Assert.False((bool)failure["isCall"]!);
        Assert.Equal("GetConfiguration", (string?)failure["action"]);
        Assert.Equal((string?)call[1], (string?)failure["messageId"]);
        _centralSystem.WaitForCallOutcome(callRef);
    }

    [Fact]
    public async Task CallErrorFromChargePointIsReported()
    {
        using RawChargePoint chargePoint = await ConnectAsync("HARNESS-14");
        string callRef = _centralSystem.Call("Reset", new { type = "Soft" });

        JsonArray call = ParseFrame(await chargePoint.ReceiveAsync(ReceiveWait));
        await chargePoint.SendAsync("[4,\"" + (string?)call[1] + "\",\"NotSupported\",\"\",{}]");

        JsonObject outcome = _centralSystem.WaitForCallOutcome(callRef);
        Assert.Equal("callError", CentralSystem.Kind(outcome));
        Assert.Equal("NotSupported", (string?)outcome["errorCode"]);
        Assert.Equal("Reset", (string?)call[2]);
        _centralSystem.AssertNoValidationFailures();
    }

    [Fact]
    public async Task NonOcppErrorCodeIsValidationFailure()
    {
        using RawChargePoint chargePoint = await ConnectAsync("HARNESS-15");
        string callRef = _centralSystem.Call("ClearCache", new { });

        JsonArray call = ParseFrame(await chargePoint.ReceiveAsync(ReceiveWait));
        // FormatViolation is the OCPP 2.0.1 spelling, and OCPP-J 1.6 spells it FormationViolation (ocpp-rpc 2.2.1 README).
        await chargePoint.SendAsync("[4,\"" + (string?)call[1] + "\",\"FormatViolation\",\"\",{}]");

        _centralSystem.WaitForCallOutcome(callRef);
        JsonObject failure = _centralSystem.WaitFor("a validation failure", e => CentralSystem.Kind(e) == "validationFailure");
        Assert.Equal("callErrorFormat", (string?)failure["kind"]);
    }

    [Fact]
    public async Task InvalidOutboundCallIsNotSent()
    {
        using RawChargePoint chargePoint = await ConnectAsync("HARNESS-16");

        string callRef = _centralSystem.Call("Reset", new { type = "Warm" });

        JsonObject outcome = _centralSystem.WaitForCallOutcome(callRef);
        Assert.Equal("callFailed", CentralSystem.Kind(outcome));
        JsonObject failure = SingleValidationFailure();
        Assert.False((bool)failure["fromChargePoint"]!);
        await Assert.ThrowsAsync<TimeoutException>(() => chargePoint.ReceiveAsync(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task RawCallReplyIsReported()
    {
        using RawChargePoint chargePoint = await ConnectAsync("HARNESS-17");
        string rawRef = _centralSystem.SendRaw("[2,\"raw-1\",\"FooBar\",{}]", "raw-1");

        string received = await chargePoint.ReceiveAsync(ReceiveWait);
        await chargePoint.SendAsync("[4,\"raw-1\",\"NotImplemented\",\"\",{}]");

        Assert.Equal("[2,\"raw-1\",\"FooBar\",{}]", received);
        JsonObject reply = _centralSystem.WaitFor("the raw reply", e => CentralSystem.Kind(e) == "rawReply");
        Assert.Equal(rawRef, (string?)reply["ref"]);
        Assert.Equal("NotImplemented", (string?)reply["frame"]![2]);
        // A Heartbeat round trip orders the check after ocpp-rpc has processed the raw reply.
        await chargePoint.SendAsync("[2,\"hb-2\",\"Heartbeat\",{}]");
        await chargePoint.ReceiveAsync(ReceiveWait);
        _centralSystem.AssertNoValidationFailures();
    }

    [Fact]
    public async Task UnexpectedReplyIsBadMessage()
    {
        using RawChargePoint chargePoint = await ConnectAsync("HARNESS-18");

        await chargePoint.SendAsync("[3,\"never-sent\",{}]");

        JsonObject failure = _centralSystem.WaitFor("a validation failure", e => CentralSystem.Kind(e) == "validationFailure");
        Assert.Equal("badMessage", (string?)failure["kind"]);
    }

    [Fact]
    public void ExitsWhenInputCloses()
    {
        int? exitCode = _centralSystem.CloseInputAndWaitForExit(TimeSpan.FromSeconds(5));

        Assert.Equal(0, exitCode);
    }

    private JsonObject SingleValidationFailure()
    {
        _centralSystem.WaitFor("a validation failure", e => CentralSystem.Kind(e) == "validationFailure");
        _centralSystem.Sync();
        return Assert.Single(_centralSystem.ValidationFailures);
    }

    private Task<RawChargePoint> ConnectAsync(string identity)
    {
        return RawChargePoint.ConnectAsync(_centralSystem.Url + "/ocpp/" + identity, "ocpp1.6", ReceiveWait);
    }

    private static JsonArray ParseFrame(string text)
    {
        return JsonNode.Parse(text)!.AsArray();
    }
}
