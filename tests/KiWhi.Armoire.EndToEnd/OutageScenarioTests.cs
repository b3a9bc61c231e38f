using System.Globalization;
using System.Text.Json.Nodes;
using KiWhi.Armoire.EndToEnd.Harness;
using KiWhi.Armoire.Firmware;
using Xunit;
using Xunit.Abstractions;

namespace KiWhi.Armoire.EndToEnd;

/// <summary>
/// Transaction-related messages (StartTransaction, MeterValues, StopTransaction of OCPP 1.6) through long
/// outages, unanswered and rejected CALLs, and a reboot while offline: each message reaches the central
/// system once, in the order its event happened, under the transactionId its StartTransaction got.
/// </summary>
/// <remarks>
/// An outage points the cabinet at a <see cref="ClosingEndpoint"/> and disconnects it from ocpp-rpc, as
/// OfflineAuthorizationScenarioTests does; restoring the URL ends the outage.
/// </remarks>
public sealed class OutageScenarioTests : IDisposable
{
    private static readonly string[] TransactionActions = { "StartTransaction", "MeterValues", "StopTransaction" };

    private readonly TestCard _residentA = TestCard.Issue("04A1B2C3D4E5F6", 3001);
    private readonly TestCard _residentB = TestCard.Issue("04112233445566", 3002);
    private readonly TestCard _residentC = TestCard.Issue("04778899AABBCC", 3003);

    private readonly ITestOutputHelper _output;
    private readonly ClosingEndpoint _deadEndpoint = new();
    private CabinetRig? _rig;
    private string _onlineUrl = "";

    public OutageScenarioTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private CabinetRig Rig => _rig ?? throw new InvalidOperationException("The test did not create its rig.");

    public void Dispose()
    {
        _deadEndpoint.Dispose();
        _rig?.Dispose();
    }

    [Fact]
    public void HoursOfflineDeliveredInOrder()
    {
        // One MeterValues per 15 min keeps the queue of three hours small, with several samples per session.
        CreateRig(c =>
        {
            c.AllowOfflineTxForUnknownId = true;
            c.MeterValueSampleIntervalSeconds = 900;
        });
        Rig.StartAndBoot();
        int offlineIndex = GoOffline();

        StartSession(_residentA, 21);
        StartSession(_residentB, 22);
        Assert.Equal(new[] { 1, 2 }, Rig.Contactors.ClosedBays());
        Rig.Advance(TimeSpan.FromHours(1), stepMs: 10_000);

        Rig.PresentCard(_residentA.Card);
        Assert.Equal(new[] { 2 }, Rig.Contactors.ClosedBays());
        StartSession(_residentC, 23);
        Assert.Equal(new[] { 2, 3 }, Rig.Contactors.ClosedBays());
        Rig.Advance(TimeSpan.FromHours(1), stepMs: 10_000);

        Rig.PresentCard(_residentB.Card);
        Rig.Advance(TimeSpan.FromHours(1), stepMs: 10_000);
        Rig.PresentCard(_residentC.Card);
        Assert.Empty(Rig.Contactors.ClosedBays());
        Rig.CentralSystem.Sync();
        Assert.Empty(Rig.CentralSystem.CallsFromChargePoint(null, offlineIndex));

        GoOnline(offlineIndex);

        List<JsonObject> calls = TransactionCalls(offlineIndex);
        JsonObject[] starts = Payloads(calls, "StartTransaction");
        JsonObject[] stops = Payloads(calls, "StopTransaction");
        Assert.Equal(new[] { 1, 2, 3 }, starts.Select(p => (int)p["connectorId"]!));
        Assert.Equal(new[] { _residentA.IdTag, _residentB.IdTag, _residentC.IdTag }, starts.Select(p => (string?)p["idTag"]));
        Assert.Equal(3, stops.Length);
        Assert.All(stops, p => Assert.Equal("Local", (string?)p["reason"]));
        Assert.True(Payloads(calls, "MeterValues").Length >= 10, $"only {Payloads(calls, "MeterValues").Length} MeterValues after three hours of charging");

        // The sessions ended in the order A, B, C.
        int[] stoppedConnectors = StoppedConnectors(calls);
        Assert.Equal(new[] { 1, 2, 3 }, stoppedConnectors);
        AssertDeliveredOnceInOrder(calls);
        Assert.Empty(Rig.CentralSystem.CallsFromChargePoint("BootNotification", offlineIndex));
        Rig.AssertHealthy();
    }

    [Fact]
    public void UnansweredStartTransactionDiscarded()
    {
        CreateRig();
        Rig.CentralSystem.SetDefaultReply("StartTransaction", Reply.None(), new { idTag = _residentA.IdTag });
        Rig.StartAndBoot();
        CabinetConfiguration configuration = Rig.Configuration;
        int attempts = configuration.TransactionMessageAttempts;
        Assert.True(attempts >= 2, $"TransactionMessageAttempts is {attempts}; the scenario needs a retry");

        int index = Rig.CentralSystem.EventCount;
        Rig.PresentCard(_residentA.Card);
        Rig.WaitForCall("Authorize", p => (string?)p["idTag"] == _residentA.IdTag, index);
        Rig.Quiesce();
        Rig.Type("21#");

        // Attempt n+1 follows the timeout of attempt n by TransactionMessageRetryInterval times n.
        var attemptIds = new List<string>();
        var attemptTimesMs = new List<long>();
        for (int attempt = 1; attempt <= attempts; attempt++)
        {
            long expectedGapSeconds = attempt == 1 ? 0
                : configuration.CallTimeoutSeconds + (long)configuration.TransactionMessageRetryIntervalSeconds * (attempt - 1);
            JsonObject call = Rig.WaitForEvent($"StartTransaction attempt {attempt}",
                e => CentralSystem.Kind(e) == "call" && (string?)e["action"] == "StartTransaction"
                    && !attemptIds.Contains((string)e["messageId"]!),
                index, TimeSpan.FromSeconds(expectedGapSeconds + 5));
            attemptIds.Add((string)call["messageId"]!);
            attemptTimesMs.Add(Rig.Clock.MonotonicMs);
            if (attempt > 1)
            {
                long gapMs = attemptTimesMs[^1] - attemptTimesMs[^2];
                Assert.True(gapMs >= expectedGapSeconds * 1000, $"attempt {attempt} came {gapMs} ms after attempt {attempt - 1}, expected {expectedGapSeconds} s");
                Assert.True(gapMs <= (expectedGapSeconds + 2) * 1000, $"attempt {attempt} came {gapMs} ms after attempt {attempt - 1}, expected {expectedGapSeconds} s");
            }
        }

        Assert.Equal(new[] { 1 }, Rig.Contactors.ClosedBays());
        Rig.Advance(TimeSpan.FromSeconds(configuration.CallTimeoutSeconds + 2));
        Assert.Equal(1, Rig.Cabinet.ChargePoint.LostSessions);
        Assert.Empty(Rig.Contactors.ClosedBays());

        // Long after the discard, nothing of the lost session reaches the central system.
        Rig.Advance(TimeSpan.FromSeconds(configuration.TransactionMessageRetryIntervalSeconds * (attempts + 1)), stepMs: 5000);
        Rig.CentralSystem.Sync();
        List<JsonObject> calls = TransactionCalls(index);
        Assert.Equal(attempts, calls.Count);
        Assert.All(calls, c => Assert.Equal("StartTransaction", (string?)c["action"]));
        Assert.Single(calls.Select(c => c["payload"]!.ToJsonString()).Distinct());
        Assert.Equal(attempts, calls.Select(c => (string?)c["messageId"]).Distinct().Count());
        Assert.All(Rig.CentralSystem.CallsFromChargePoint(null, index),
            c => Assert.False(c["payload"]!.AsObject().ContainsKey("transactionId"), $"{c["action"]} carries a transactionId: {c["payload"]!.ToJsonString()}"));
        Rig.AssertHealthy();
    }

    [Fact]
    public void StopTransactionRetriedAfterCallError()
    {
        CreateRig();
        Rig.CentralSystem.QueueReply("StopTransaction", Reply.Error("InternalError", "scripted failure"));
        Rig.StartAndBoot();

        int index = Rig.CentralSystem.EventCount;
        Rig.PresentCard(_residentA.Card);
        Rig.WaitForCall("Authorize", p => (string?)p["idTag"] == _residentA.IdTag, index);
        Rig.Quiesce();
        Rig.Type("22#");
        JsonObject startEvent = WaitForTransactionCall("StartTransaction", index);
        int transactionId = (int)Rig.ReplyTo((string)startEvent["messageId"]!)["transactionId"]!;
        Rig.Advance(TimeSpan.FromSeconds(10));

        Rig.PresentCard(_residentA.Card);
        Assert.Empty(Rig.Contactors.ClosedBays());
        JsonObject firstAttempt = WaitForTransactionCall("StopTransaction", index);
        Assert.Equal("CALLERROR", ReplyType((string)firstAttempt["messageId"]!));

        JsonObject secondAttempt = Rig.WaitForEvent("the StopTransaction retry",
            e => CentralSystem.Kind(e) == "call" && (string?)e["action"] == "StopTransaction"
                && (string?)e["messageId"] != (string?)firstAttempt["messageId"],
            index, TimeSpan.FromSeconds(Rig.Configuration.TransactionMessageRetryIntervalSeconds + 5));
        Assert.Equal("CALLRESULT", ReplyType((string)secondAttempt["messageId"]!));
        Assert.Equal(firstAttempt["payload"]!.ToJsonString(), secondAttempt["payload"]!.ToJsonString());
        Assert.Equal(transactionId, (int)secondAttempt["payload"]!["transactionId"]!);

        // Once accepted, the StopTransaction is not sent again.
        Rig.Advance(TimeSpan.FromSeconds(Rig.Configuration.TransactionMessageRetryIntervalSeconds * 3), stepMs: 5000);
        Rig.CentralSystem.Sync();
        Assert.Equal(2, Rig.CentralSystem.CallsFromChargePoint("StopTransaction", index).Count);
        Rig.AssertHealthy();
    }

    [Fact]
    public void RebootOfflineDeliversJournal()
    {
        CreateRig(c => c.AllowOfflineTxForUnknownId = true);
        Rig.StartAndBoot();
        int offlineIndex = GoOffline();

        StartSession(_residentA, 21);
        StartSession(_residentB, 22);
        Rig.Advance(TimeSpan.FromMinutes(3));
        Rig.PresentCard(_residentA.Card);
        Rig.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(new[] { 2 }, Rig.Contactors.ClosedBays());
        DateTime rebootedAt = Rig.Clock.UtcNow;

        Rig.Reboot();
        Rig.Advance(TimeSpan.FromSeconds(30));
        Assert.Empty(Rig.Contactors.ClosedBays());
        Rig.CentralSystem.Sync();
        Assert.Empty(Rig.CentralSystem.CallsFromChargePoint(null, offlineIndex));

        // The default BootNotification.conf carries the boot-time currentTime, which would set the clock back
        // hours. This one lies past the latest reconnection, so the cabinet's clock only moves forward.
        DateTime serverTime = Rig.Clock.UtcNow + ReconnectionBound();
        Rig.CentralSystem.SetDefaultReply("BootNotification", Reply.Result(new
        {
            status = "Accepted",
            currentTime = CabinetRig.FormatUtc(serverTime),
            interval = CabinetRig.HeartbeatIntervalSeconds,
        }));
        GoOnline(offlineIndex);

        IReadOnlyList<JsonObject> allCalls = Rig.CentralSystem.CallsFromChargePoint(null, offlineIndex);
        Assert.Equal("BootNotification", (string?)allCalls[0]["action"]);
        Assert.Single(allCalls, c => (string?)c["action"] == "BootNotification");

        List<JsonObject> calls = TransactionCalls(offlineIndex);
        JsonObject[] starts = Payloads(calls, "StartTransaction");
        JsonObject[] stops = Payloads(calls, "StopTransaction");
        Assert.Equal(new[] { 1, 2 }, starts.Select(p => (int)p["connectorId"]!));
        Assert.Equal(new[] { "Local", "PowerLoss" }, stops.Select(p => (string?)p["reason"]));
        Assert.Equal(new[] { 1, 2 }, StoppedConnectors(calls));
        DateTime powerLossAt = ParseUtc((string)stops[1]["timestamp"]!);
        Assert.True(powerLossAt <= rebootedAt, $"the PowerLoss StopTransaction is stamped {powerLossAt:O}, after the reboot at {rebootedAt:O}");
        Assert.NotEmpty(Payloads(calls, "MeterValues"));
        AssertDeliveredOnceInOrder(calls);
        Assert.Empty(Rig.Contactors.ClosedBays());
        Rig.AssertHealthy();
    }

    private void CreateRig(Action<CabinetConfiguration>? configure = null)
    {
        _rig = new CabinetRig(_output, configure);
        _onlineUrl = _rig.Configuration.CentralSystemUrl;
    }

    // Cuts the cabinet off the central system and returns the event index from which it is offline.
    private int GoOffline()
    {
        Rig.Configuration.CentralSystemUrl = _deadEndpoint.Url;
        Rig.CentralSystem.Disconnect();
        Rig.CentralSystem.WaitFor("the disconnection", e => CentralSystem.Kind(e) == "disconnected", whileWaiting: Rig.Step);
        Rig.Advance(TimeSpan.FromSeconds(2), stepMs: 100);
        Assert.False(Rig.Cabinet.ChargePoint.IsOnline, "the cabinet did not notice that the link closed");
        return Rig.CentralSystem.EventCount;
    }

    // Ends the outage, waits for the reconnection and lets the queue drain.
    private void GoOnline(int offlineIndex)
    {
        Rig.Configuration.CentralSystemUrl = _onlineUrl;
        Rig.WaitForEvent("the reconnection", e => CentralSystem.Kind(e) == "connected", offlineIndex, ReconnectionBound());
        Rig.Advance(TimeSpan.FromSeconds(30));
        Rig.CentralSystem.Sync();
    }

    // Longest simulated time before the next reconnection attempt: the maximum delay with its random spread, and a margin.
    private TimeSpan ReconnectionBound()
    {
        CabinetConfiguration configuration = Rig.Configuration;
        return TimeSpan.FromSeconds(configuration.ReconnectMaxDelaySeconds * (1 + configuration.ReconnectJitterPercent / 100.0) + 60);
    }

    private void StartSession(TestCard card, int spot)
    {
        Rig.PresentCard(card.Card);
        Rig.Type(spot + "#");
    }

    private JsonObject WaitForTransactionCall(string action, int startIndex)
    {
        return Rig.WaitForEvent(action,
            e => CentralSystem.Kind(e) == "call" && (string?)e["action"] == action, startIndex);
    }

    // Returns "CALLRESULT", "CALLERROR" or "none" for the reply of the central system to a CALL.
    private string? ReplyType(string messageId)
    {
        JsonObject sent = Rig.CentralSystem.WaitFor($"the reply to {messageId}",
            e => CentralSystem.Kind(e) == "sent" && (string?)e["messageId"] == messageId);
        return (string?)sent["type"];
    }

    private List<JsonObject> TransactionCalls(int startIndex)
    {
        return Rig.CentralSystem.CallsFromChargePoint(null, startIndex)
            .Where(c => TransactionActions.Contains((string?)c["action"]))
            .ToList();
    }

    private static JsonObject[] Payloads(IEnumerable<JsonObject> calls, string action)
    {
        return calls.Where(c => (string?)c["action"] == action).Select(c => c["payload"]!.AsObject()).ToArray();
    }

    // Connector of each StopTransaction in arrival order, found through the StartTransaction of its transactionId.
    private int[] StoppedConnectors(IEnumerable<JsonObject> calls)
    {
        var connectorByTransaction = new Dictionary<int, int>();
        var stopped = new List<int>();
        foreach (JsonObject call in calls)
        {
            JsonObject payload = call["payload"]!.AsObject();
            switch ((string?)call["action"])
            {
                case "StartTransaction":
                    connectorByTransaction[AcceptedTransactionId(call)] = (int)payload["connectorId"]!;
                    break;
                case "StopTransaction":
                    stopped.Add(connectorByTransaction[(int)payload["transactionId"]!]);
                    break;
            }
        }

        return stopped.ToArray();
    }

    /// <summary>
    /// Checks the transaction-related CALLs in arrival order. No message id and no payload comes twice, the
    /// timestamps never go back, and every MeterValues and StopTransaction carries the transactionId that the
    /// central system returned for the StartTransaction of its session, delivered before it.
    /// </summary>
    private void AssertDeliveredOnceInOrder(IReadOnlyList<JsonObject> calls)
    {
        Assert.Equal(calls.Count, calls.Select(c => (string?)c["messageId"]).Distinct().Count());
        Assert.Equal(calls.Count, calls.Select(c => c["payload"]!.ToJsonString()).Distinct().Count());

        var openByConnector = new Dictionary<int, int>();
        var connectorByTransaction = new Dictionary<int, int>();
        DateTime previous = DateTime.MinValue;
        foreach (JsonObject call in calls)
        {
            string action = (string)call["action"]!;
            JsonObject payload = call["payload"]!.AsObject();
            string where = $"{action} {call["messageId"]} {payload.ToJsonString()}";

            DateTime eventTime = EventTime(action, payload);
            Assert.True(eventTime >= previous, $"{where} happened at {eventTime:O}, before the message delivered ahead of it ({previous:O})");
            previous = eventTime;

            switch (action)
            {
                case "StartTransaction":
                {
                    int connectorId = (int)payload["connectorId"]!;
                    Assert.False(openByConnector.ContainsKey(connectorId), where + ": connector already has an open transaction");
                    int transactionId = AcceptedTransactionId(call);
                    Assert.False(connectorByTransaction.ContainsKey(transactionId), where + ": transactionId returned twice");
                    openByConnector[connectorId] = transactionId;
                    connectorByTransaction[transactionId] = connectorId;
                    break;
                }

                case "MeterValues":
                {
                    int connectorId = (int)payload["connectorId"]!;
                    Assert.True(openByConnector.TryGetValue(connectorId, out int expected), where + ": no open transaction on the connector");
                    Assert.Equal(expected, (int?)payload["transactionId"]);
                    break;
                }

                default:
                {
                    int transactionId = (int)payload["transactionId"]!;
                    Assert.True(connectorByTransaction.TryGetValue(transactionId, out int connectorId), where + ": unknown transactionId");
                    Assert.True(openByConnector.TryGetValue(connectorId, out int open), where + $": connector {connectorId} has no open transaction, so this one was already stopped");
                    Assert.Equal(open, transactionId);
                    openByConnector.Remove(connectorId);
                    break;
                }
            }
        }

        Assert.Empty(openByConnector);
    }

    private int AcceptedTransactionId(JsonObject startCall)
    {
        int transactionId = (int)Rig.ReplyTo((string)startCall["messageId"]!)["transactionId"]!;
        Assert.True(transactionId > 0, $"the central system returned transactionId {transactionId}");
        return transactionId;
    }

    // Time of the event a transaction-related message reports: its timestamp, or the first sample's for MeterValues.
    private static DateTime EventTime(string action, JsonObject payload)
    {
        string timestamp = action == "MeterValues"
            ? (string)payload["meterValue"]![0]!["timestamp"]!
            : (string)payload["timestamp"]!;
        return ParseUtc(timestamp);
    }

    private static DateTime ParseUtc(string timestamp)
    {
        return DateTime.Parse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }
}
