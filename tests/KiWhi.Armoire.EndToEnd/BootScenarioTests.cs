using System.Text.Json.Nodes;
using KiWhi.Armoire.EndToEnd.Harness;
using Xunit;
using Xunit.Abstractions;

namespace KiWhi.Armoire.EndToEnd;

/// <summary>Registration of the cabinet with a strict central system (OCPP 1.6 BootNotification and StatusNotification).</summary>
public sealed class BootScenarioTests : IDisposable
{
    private readonly CabinetRig _rig;

    public BootScenarioTests(ITestOutputHelper output)
    {
        _rig = new CabinetRig(output);
    }

    public void Dispose()
    {
        _rig.Dispose();
    }

    [Fact]
    public void ColdBootRetriesAfterRejectedInterval()
    {
        const int rejectedIntervalSeconds = 40;
        _rig.CentralSystem.QueueReply("BootNotification", Reply.Result(new
        {
            status = "Rejected",
            currentTime = CabinetRig.FormatUtc(CabinetRig.ServerTime),
            interval = rejectedIntervalSeconds,
        }));

        _rig.Start();
        JsonObject firstBoot = _rig.WaitForEvent("the first BootNotification",
            e => CentralSystem.Kind(e) == "call" && (string?)e["action"] == "BootNotification");
        _rig.Quiesce();
        long rejectedAtMs = _rig.Clock.MonotonicMs;

        // OCPP 1.6 BootNotification: after Rejected, the charge point sends nothing before the interval is over.
        _rig.Advance(TimeSpan.FromSeconds(rejectedIntervalSeconds - 1));
        _rig.CentralSystem.Sync();
        JsonObject onlyCall = Assert.Single(_rig.CentralSystem.CallsFromChargePoint());
        Assert.Equal((string?)firstBoot["messageId"], (string?)onlyCall["messageId"]);

        JsonObject secondBoot = _rig.WaitForEvent("the second BootNotification",
            e => CentralSystem.Kind(e) == "call" && (string?)e["action"] == "BootNotification"
                && (string?)e["messageId"] != (string?)firstBoot["messageId"],
            maxSimulated: TimeSpan.FromSeconds(10));
        Assert.True(_rig.Clock.MonotonicMs - rejectedAtMs >= rejectedIntervalSeconds * 1000L,
            $"BootNotification retried {_rig.Clock.MonotonicMs - rejectedAtMs} ms after Rejected, before the {rejectedIntervalSeconds} s interval");
        Assert.Equal("Accepted", (string?)_rig.ReplyTo((string)secondBoot["messageId"]!)["status"]);

        int acceptedIndex = _rig.CentralSystem.Events.ToList().IndexOf(secondBoot);
        AssertStatusNotificationsForEveryConnector(acceptedIndex);
        IReadOnlyList<JsonObject> calls = _rig.CentralSystem.CallsFromChargePoint();
        Assert.Equal(new[] { "BootNotification", "BootNotification" }, calls.Take(2).Select(c => (string?)c["action"]));
        _rig.AssertHealthy();
    }

    [Fact]
    public void BootNotificationCarriesConfiguredIdentity()
    {
        _rig.Start();

        JsonObject boot = _rig.WaitForCall("BootNotification");

        Assert.Equal(_rig.Configuration.ChargePointVendor, (string?)boot["chargePointVendor"]);
        Assert.Equal(_rig.Configuration.ChargePointModel, (string?)boot["chargePointModel"]);
        JsonObject connected = _rig.CentralSystem.WaitFor("the connection", e => CentralSystem.Kind(e) == "connected");
        Assert.Equal(CabinetRig.Identity, (string?)connected["identity"]);
        Assert.Equal("/ocpp", (string?)connected["endpoint"]);
        Assert.Equal("ocpp1.6", (string?)connected["protocol"]);
        _rig.AssertHealthy();
    }

    [Fact]
    public void AcceptedBootReportsEveryConnector()
    {
        _rig.Start();

        JsonObject boot = _rig.WaitForEvent("the BootNotification",
            e => CentralSystem.Kind(e) == "call" && (string?)e["action"] == "BootNotification");

        int bootIndex = _rig.CentralSystem.Events.ToList().IndexOf(boot);
        AssertStatusNotificationsForEveryConnector(bootIndex);
        Assert.Empty(_rig.Contactors.ClosedBays());
        _rig.AssertHealthy();
    }

    [Fact]
    public void UnansweredBootNotificationIsRetried()
    {
        _rig.CentralSystem.QueueReply("BootNotification", Reply.None());
        _rig.Start();

        JsonObject firstBoot = _rig.WaitForEvent("the first BootNotification",
            e => CentralSystem.Kind(e) == "call" && (string?)e["action"] == "BootNotification");

        // A BootNotification that gets no reply is sent again, with a new message id.
        JsonObject secondBoot = _rig.WaitForEvent("the second BootNotification",
            e => CentralSystem.Kind(e) == "call" && (string?)e["action"] == "BootNotification"
                && (string?)e["messageId"] != (string?)firstBoot["messageId"],
            maxSimulated: TimeSpan.FromSeconds(_rig.Configuration.CallTimeoutSeconds + 120));
        Assert.Equal("Accepted", (string?)_rig.ReplyTo((string)secondBoot["messageId"]!)["status"]);
        IReadOnlyList<JsonObject> calls = _rig.CentralSystem.CallsFromChargePoint();
        Assert.Equal(new[] { "BootNotification", "BootNotification" }, calls.Take(2).Select(c => (string?)c["action"]));
        _rig.AssertHealthy();
    }

    // After Accepted, one StatusNotification for connector 0 (the cabinet) and one per bay.
    private void AssertStatusNotificationsForEveryConnector(int startIndex)
    {
        for (int connectorId = 0; connectorId <= CabinetRig.SpotNumbers.Length; connectorId++)
        {
            int id = connectorId;
            JsonObject status = _rig.WaitForCall("StatusNotification", p => (int?)p["connectorId"] == id, startIndex);
            Assert.Equal("Available", (string?)status["status"]);
            Assert.Equal("NoError", (string?)status["errorCode"]);
        }

        _rig.Quiesce();
        _rig.CentralSystem.Sync();
        var connectorIds = _rig.CentralSystem.CallsFromChargePoint("StatusNotification", startIndex)
            .Select(c => (int)c["payload"]!["connectorId"]!)
            .ToList();
        Assert.Equal(Enumerable.Range(0, CabinetRig.SpotNumbers.Length + 1), connectorIds.OrderBy(id => id));
    }
}
