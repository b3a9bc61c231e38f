using System.Text.Json.Nodes;
using KiWhi.Armoire.Firmware;

namespace KiWhi.Armoire.Tests.Firmware;

public class ChargePointProtocolTests : CabinetTestBase
{
    private const string Alice = "04A1B2C3D4E5F6";

    [Fact]
    public void BootRejected_WaitsTheIntervalAndSendsNothingElse()
    {
        var rig = NewRig(start: false);
        rig.Server.BootAnswers.Clear();
        rig.Server.BootAnswers.Add(("Rejected", 20));
        rig.Server.BootAnswers.Add(("Accepted", 300));
        rig.Cabinet.Start();

        rig.Run(19);
        Assert.Single(rig.Server.Calls);
        Assert.Equal(RegistrationState.Rejected, rig.Cabinet.ChargePoint.Registration);

        rig.Run(2);
        Assert.Equal(new[] { "BootNotification", "BootNotification" }, rig.Server.Calls.Take(2).Select(c => c.Action));
        Assert.Equal(RegistrationState.Accepted, rig.Cabinet.ChargePoint.Registration);
        Assert.Equal(4, rig.Server.CallsOf("StatusNotification").Count() - 1);
    }

    [Fact]
    public void BootRejected_AnswersNoCall()
    {
        var rig = NewRig(start: false);
        rig.Server.BootAnswers[0] = ("Rejected", 60);
        rig.Cabinet.Start();
        rig.Run(1);

        rig.Server.SendCall("Reset", "{\"type\":\"Soft\"}");
        rig.Run(1);

        Assert.Empty(rig.Server.Replies);
    }

    [Fact]
    public void BootPending_AnswersCallsAndRetries()
    {
        var rig = NewRig(start: false);
        rig.Server.BootAnswers.Clear();
        rig.Server.BootAnswers.Add(("Pending", 10));
        rig.Server.BootAnswers.Add(("Accepted", 300));
        rig.Cabinet.Start();
        rig.Run(1);

        string id = rig.Server.SendCall("GetConfiguration", "{}");
        rig.Run(1);
        Assert.Equal(id, rig.Server.Replies.Single()[1]!.GetValue<string>());
        Assert.Single(rig.Server.Calls);

        rig.Run(10);
        Assert.Equal(RegistrationState.Accepted, rig.Cabinet.ChargePoint.Registration);
    }

    [Fact]
    public void Boot_SetsTheClockFromCurrentTime()
    {
        var rig = NewRig();

        Assert.True(rig.Clock.IsWallClockSet);
        Assert.Equal(rig.Server.ServerTime.Date, rig.Clock.UtcNow.Date);
    }

    [Fact]
    public void Boot_ReplyTimeoutIsRetried()
    {
        var rig = NewRig(start: false);
        rig.Server.Silent.Add("BootNotification");
        rig.Cabinet.Start();
        rig.Run(11);
        rig.Server.Silent.Clear();

        rig.Run(35);

        Assert.True(rig.Server.CallsOf("BootNotification").Count() >= 2);
        Assert.Equal(RegistrationState.Accepted, rig.Cabinet.ChargePoint.Registration);
    }

    [Theory]
    [InlineData("Reset", "{\"type\":\"Hard\"}")]
    [InlineData("RemoteStartTransaction", "{\"idTag\":\"X\"}")]
    [InlineData("DataTransfer", "{\"vendorId\":\"v\"}")]
    [InlineData("NoSuchAction", "{}")]
    public void UnsupportedCall_GetsNotImplemented(string action, string payload)
    {
        var rig = NewRig();

        string id = rig.Server.SendCall(action, payload);
        rig.Run(0.5);

        JsonArray reply = rig.Server.Replies.Single();
        Assert.Equal(4, reply[0]!.GetValue<int>());
        Assert.Equal(id, reply[1]!.GetValue<string>());
        Assert.Equal("NotImplemented", reply[2]!.GetValue<string>());
        Assert.Empty(rig.Contactors.ClosedBays());
    }

    [Theory]
    [InlineData("[2,\"m1\",\"Reset\"]", "ProtocolError")]
    [InlineData("[2,\"m1\",\"Reset\",[]]", "FormationViolation")]
    [InlineData("[2,\"m1\",42,{}]", "FormationViolation")]
    [InlineData("[2,\"m1\",\"Reset\",{},1]", "FormationViolation")]
    public void MalformedCall_GetsTheRightCallError(string frame, string code)
    {
        var rig = NewRig();

        rig.Server.SendRaw(frame);
        rig.Run(0.5);

        JsonArray reply = rig.Server.Replies.Single();
        Assert.Equal("m1", reply[1]!.GetValue<string>());
        Assert.Equal(code, reply[2]!.GetValue<string>());
        Assert.Equal(1, rig.Cabinet.ChargePoint.MalformedFrames);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"a\":1}")]
    [InlineData("[")]
    [InlineData("[9,\"x\",{}]")]
    [InlineData("[3,\"nobody\",{}]")]
    public void UnaddressableFrame_IsIgnoredAndLogged(string frame)
    {
        var rig = NewRig();
        rig.StartCharging(Alice, 101);

        rig.Server.SendRaw(frame);
        rig.Run(1);

        Assert.Empty(rig.Server.Replies);
        Assert.True(rig.IsClosed(1));
        Assert.Equal(0, rig.Cabinet.LoopFaults);
    }

    [Fact]
    public void Heartbeat_FollowsTheBootInterval()
    {
        var rig = NewRig(start: false);
        rig.Server.BootAnswers[0] = ("Accepted", 60);
        rig.Cabinet.Start();

        rig.Run(185);

        Assert.Equal(3, rig.Server.CallsOf("Heartbeat").Count());
    }

    [Fact]
    public void Reconnect_SendsNoBootNotification()
    {
        var rig = NewRig();
        rig.Server.Disconnect();

        rig.Run(10);

        Assert.Equal(2, rig.Server.ConnectCount);
        Assert.Single(rig.Server.CallsOf("BootNotification"));
    }

    [Fact]
    public void StatusChangesWhileOffline_AreReportedAfterReconnect()
    {
        var rig = NewRig();
        rig.StartCharging(Alice, 102);
        rig.Server.Disconnect();
        rig.Server.Reachable = false;
        rig.Run(1);
        rig.Badge(Alice);
        int before = rig.Server.CallsOf("StatusNotification").Count();

        rig.Server.Reachable = true;
        rig.Run(10);

        var after = rig.Server.CallsOf("StatusNotification").Skip(before).ToArray();
        Assert.Contains(after, c => c.Int("connectorId") == 2 && c.Str("status") == "Available");
    }

    [Fact]
    public void TransactionMessages_WaitForTheLinkAndKeepOrder()
    {
        var rig = NewRig();
        rig.StartCharging(Alice, 101);
        rig.Server.Disconnect();
        rig.Server.Reachable = false;
        rig.Run(130);
        rig.Badge(Alice);

        rig.Server.Reachable = true;
        rig.Run(15);

        var sequence = rig.Server.Calls.Where(c => c.Action is "StartTransaction" or "MeterValues" or "StopTransaction")
            .Select(c => c.Action).ToArray();
        Assert.Equal("StartTransaction", sequence[0]);
        Assert.Equal("StopTransaction", sequence[^1]);
        Assert.Equal(2, sequence.Count(a => a == "MeterValues"));
        var stop = rig.Server.CallsOf("StopTransaction").Single();
        Assert.Equal(1001, stop.Int("transactionId"));
    }

    [Fact]
    public void StartTransactionWithoutAnswer_IsRetriedThenDiscardedWithItsDependants()
    {
        var rig = NewRig(configure: c =>
        {
            c.TransactionMessageAttempts = 3;
            c.TransactionMessageRetryIntervalSeconds = 5;
        });
        rig.Server.Silent.Add("StartTransaction");

        rig.StartCharging(Alice, 101);
        rig.Run(120);

        Assert.Equal(3, rig.Server.CallsOf("StartTransaction").Count());
        Assert.Empty(rig.Server.CallsOf("MeterValues"));
        Assert.Equal(1, rig.Cabinet.ChargePoint.LostSessions);
        Assert.False(rig.IsClosed(1));
        Assert.Equal(0, rig.Cabinet.ChargePoint.Transactions.Count);
    }

    [Fact]
    public void StopTransactionCallError_IsRetried()
    {
        var rig = NewRig(configure: c => c.TransactionMessageRetryIntervalSeconds = 5);
        rig.StartCharging(Alice, 101);
        rig.Server.Failing.Add("StopTransaction");
        rig.Badge(Alice);
        rig.Run(1);
        rig.Server.Failing.Clear();

        rig.Run(10);

        var stops = rig.Server.CallsOf("StopTransaction").ToArray();
        Assert.Equal(2, stops.Length);
        Assert.NotEqual(stops[0].MessageId, stops[1].MessageId);
        Assert.Equal(0, rig.Cabinet.ChargePoint.Transactions.Count);
    }

    [Fact]
    public void Timestamps_AreUtcAndNeverBeforeTheClockWasSet()
    {
        var rig = NewRig();
        rig.StartCharging(Alice, 101);
        rig.Run(70);
        rig.Badge(Alice);

        foreach (var call in rig.Server.Calls.Where(c => c.Has("timestamp")))
        {
            string text = call.Str("timestamp");
            Assert.EndsWith("Z", text);
            Assert.True(DateTime.Parse(text).ToUniversalTime().Year >= 2026, call.Action + " " + text);
        }
    }

    [Fact]
    public void MeterValues_RegisterStaysBetweenStartAndStop()
    {
        var rig = NewRig();
        rig.Meters.SetRegisterWh(1, 5000);
        rig.StartCharging(Alice, 101);
        rig.Run(130);
        rig.Badge(Alice);

        int start = rig.Server.CallsOf("StartTransaction").Single().Int("meterStart");
        int stop = rig.Server.CallsOf("StopTransaction").Single().Int("meterStop");
        var samples = rig.Server.CallsOf("MeterValues")
            .Select(c => long.Parse(c.Payload["meterValue"]![0]!["sampledValue"]![0]!["value"]!.GetValue<string>())).ToArray();
        Assert.Equal(5000, start);
        Assert.All(samples, s => Assert.InRange(s, start, stop));
        Assert.True(stop > start);
    }

    [Fact]
    public void AbsurdMeterRegister_IsClampedConsistently()
    {
        var rig = NewRig();
        rig.StartCharging(Alice, 101);
        rig.Meters.SetRegisterWh(1, long.MaxValue / 2);
        rig.Badge(Alice);

        var stop = rig.Server.CallsOf("StopTransaction").Single();
        string endSample = stop.Payload["transactionData"]![1]!["sampledValue"]![0]!["value"]!.GetValue<string>();
        Assert.Equal(int.MaxValue, stop.Int("meterStop"));
        Assert.Equal(int.MaxValue.ToString(), endSample);
        Assert.True(rig.Log.Contains("meter fault"));
    }

    [Fact]
    public void BasicAuthentication_SendsHexDecodedKey()
    {
        // The example of the OCPP 1.6 Security Whitepaper flow: the central system hex-encodes the
        // password "dk2q0rfu2q0f-2f0rdg" into AuthorizationKey, and the charge point sends it decoded.
        var rig = NewRig(configure: c => c.AuthorizationKey = "646B327130726675327130662D326630726467");

        Assert.Equal("Basic " + Convert.ToBase64String("ARMOIRE-01:dk2q0rfu2q0f-2f0rdg"u8.ToArray()), rig.Server.LastAuthorization);
    }

    [Fact]
    public void BasicAuthentication_SendsBinaryKeyBytes()
    {
        var rig = NewRig(configure: c => c.AuthorizationKey = "00FF7F80112233445566778899AABBCCDDEEFF01");

        byte[] expected = [.. "ARMOIRE-01:"u8.ToArray(), .. Convert.FromHexString("00FF7F80112233445566778899AABBCCDDEEFF01")];
        Assert.Equal("Basic " + Convert.ToBase64String(expected), rig.Server.LastAuthorization);
    }

    [Theory]
    [InlineData("The server returned status code '401' when status code '101' was expected.")]
    [InlineData("connection to ws://10.0.0.2/ocpp/ARMOIRE-01 failed: WebSocket did not receive right handshake")]
    public void RejectedUpgrade_LogsWhatToCheck(string reason)
    {
        var rig = NewRig();

        rig.Cabinet.ChargePoint.OnClosed(reason, rig.Clock.MonotonicMs);

        Assert.True(rig.Log.Contains("AuthorizationKey, which is the Basic password written in hexadecimal"));
    }

    [Fact]
    public void BasicAuthentication_NonHexKeyNotSent()
    {
        var rig = NewRig(configure: c => c.AuthorizationKey = "s3cret");

        Assert.Null(rig.Server.LastAuthorization);
        Assert.True(rig.Log.Contains("AuthorizationKey is not 32 to 40 hexadecimal digits"));
    }
}
