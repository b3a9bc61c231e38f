using System.Text.Json.Nodes;
using KiWhi.Armoire.EndToEnd.Harness;
using Xunit;
using Xunit.Abstractions;

namespace KiWhi.Armoire.EndToEnd;

/// <summary>
/// Delivery of transaction-related messages when the central system fails or the link drops
/// (transaction-related messages of OCPP 1.6, message ids and reconnection of OCPP-J 1.6).
/// </summary>
public sealed class DeliveryScenarioTests : IDisposable
{
    private readonly TestCard Resident = TestCard.Issue("04A1B2C3D4E5F6", 1001);

    private readonly CabinetRig _rig;

    public DeliveryScenarioTests(ITestOutputHelper output)
    {
        _rig = new CabinetRig(output);
    }

    public void Dispose()
    {
        _rig.Dispose();
    }

    [Fact]
    public void StartTransactionRetriedAfterCallError()
    {
        _rig.CentralSystem.QueueReply("StartTransaction", Reply.Error("InternalError", "scripted failure"), new { idTag = Resident.IdTag });
        _rig.StartAndBoot();

        int index = _rig.CentralSystem.EventCount;
        _rig.PresentCard(Resident.Card);
        _rig.WaitForCall("Authorize", p => (string?)p["idTag"] == Resident.IdTag, index);
        _rig.Quiesce();
        _rig.Type("22#");
        JsonObject firstAttempt = _rig.WaitForEvent("the first StartTransaction",
            e => CentralSystem.Kind(e) == "call" && (string?)e["action"] == "StartTransaction", index);

        JsonObject secondAttempt = _rig.WaitForEvent("the StartTransaction retry",
            e => CentralSystem.Kind(e) == "call" && (string?)e["action"] == "StartTransaction"
                && (string?)e["messageId"] != (string?)firstAttempt["messageId"],
            index, TimeSpan.FromSeconds(_rig.Configuration.TransactionMessageRetryIntervalSeconds + 5));

        // A retry is the same message under a new message id, since OCPP-J 1.6 never reuses a message id.
        Assert.Equal(firstAttempt["payload"]!.ToJsonString(), secondAttempt["payload"]!.ToJsonString());
        Assert.Equal(new[] { 2 }, _rig.Contactors.ClosedBays());
        int transactionId = (int)_rig.ReplyTo((string)secondAttempt["messageId"]!)["transactionId"]!;
        JsonObject meterValues = _rig.WaitForCall("MeterValues", null, index,
            TimeSpan.FromSeconds(CabinetRig.MeterValueSampleIntervalSeconds + 1));
        Assert.Equal(transactionId, (int?)meterValues["transactionId"]);
        _rig.AssertHealthy();
    }

    [Fact]
    public void ReconnectDeliversQueuedMessagesWithoutBoot()
    {
        _rig.StartAndBoot();
        int index = _rig.CentralSystem.EventCount;
        _rig.PresentCard(Resident.Card);
        _rig.WaitForCall("Authorize", p => (string?)p["idTag"] == Resident.IdTag, index);
        _rig.Quiesce();
        _rig.Type("21#");
        JsonObject startEvent = _rig.WaitForEvent("StartTransaction",
            e => CentralSystem.Kind(e) == "call" && (string?)e["action"] == "StartTransaction", index);
        int transactionId = (int)_rig.ReplyTo((string)startEvent["messageId"]!)["transactionId"]!;
        _rig.Quiesce();

        _rig.CentralSystem.Disconnect();
        _rig.CentralSystem.WaitFor("the disconnection", e => CentralSystem.Kind(e) == "disconnected", whileWaiting: _rig.Step);
        int offlineIndex = _rig.CentralSystem.EventCount;

        // The session ends while the link is down: StopTransaction waits in the queue.
        _rig.Advance(TimeSpan.FromSeconds(2), stepMs: 100);
        Assert.True(_rig.Cabinet.ChargePoint.Link != KiWhi.Armoire.Firmware.LinkState.Open, "The cabinet did not notice that the link closed.");
        _rig.PresentCard(Resident.Card);
        Assert.Empty(_rig.Contactors.ClosedBays());

        JsonObject stop = _rig.WaitForCall("StopTransaction", null, offlineIndex,
            TimeSpan.FromSeconds(_rig.Configuration.ReconnectDelaySeconds * 4 + 60));
        Assert.Equal(transactionId, (int)stop["transactionId"]!);
        Assert.Equal("Local", (string?)stop["reason"]);
        _rig.Quiesce();
        _rig.CentralSystem.Sync();
        Assert.Equal(2, _rig.CentralSystem.Events.Count(e => CentralSystem.Kind(e) == "connected"));
        // Reconnecting is not rebooting and no boot field changed, so no BootNotification.
        Assert.Empty(_rig.CentralSystem.CallsFromChargePoint("BootNotification", offlineIndex));
        _rig.AssertHealthy();
    }
}
