using System.Globalization;
using System.Text.Json.Nodes;
using KiWhi.Armoire.EndToEnd.Harness;
using KiWhi.Armoire.Hal.Simulation;
using Xunit;
using Xunit.Abstractions;

namespace KiWhi.Armoire.EndToEnd;

/// <summary>
/// Charging sessions from badge to StopTransaction, as a resident runs them, against a strict central system
/// (OCPP 1.6 Authorize, StartTransaction, MeterValues and StopTransaction).
/// </summary>
public sealed class SessionScenarioTests : IDisposable
{
    // 7-byte UIDs starting with 0x04, the manufacturer code of NXP, as on MIFARE Ultralight C cards.
    private readonly TestCard ResidentA = TestCard.Issue("04A1B2C3D4E5F6", 1001);
    private readonly TestCard ResidentB = TestCard.Issue("04112233445566", 1002);
    private readonly TestCard UnknownCard = TestCard.Issue("04DEAD00BEEF01", 1003);

    private readonly CabinetRig _rig;

    public SessionScenarioTests(ITestOutputHelper output)
    {
        _rig = new CabinetRig(output);
    }

    public void Dispose()
    {
        _rig.Dispose();
    }

    [Fact]
    public void FullSessionFromBadgeToStop()
    {
        const long registerAtStartWh = 1_234_567;
        _rig.Meters.SetRegisterWh(2, registerAtStartWh);
        _rig.StartAndBoot();

        int startIndex = _rig.CentralSystem.EventCount;
        _rig.PresentCard(ResidentA.Card);
        _rig.WaitForCall("Authorize", p => (string?)p["idTag"] == ResidentA.IdTag, startIndex);
        _rig.Quiesce();
        Assert.Empty(_rig.Contactors.ClosedBays());

        _rig.Type("22#");
        JsonObject startEvent = WaitForStartTransaction(ResidentA, startIndex);
        JsonObject start = startEvent["payload"]!.AsObject();
        int transactionId = (int)_rig.ReplyTo((string)startEvent["messageId"]!)["transactionId"]!;
        Assert.Equal(2, (int)start["connectorId"]!);
        Assert.Equal(registerAtStartWh, (long)start["meterStart"]!);
        Assert.Equal(new[] { 2 }, _rig.Contactors.ClosedBays());
        _rig.WaitForCall("StatusNotification", p => (int?)p["connectorId"] == 2 && (string?)p["status"] == "Charging", startIndex);

        // MeterValueSampleInterval: nothing before the first interval is over, then one MeterValues per interval.
        _rig.Advance(TimeSpan.FromSeconds(CabinetRig.MeterValueSampleIntervalSeconds - 1));
        _rig.CentralSystem.Sync();
        Assert.Empty(_rig.CentralSystem.CallsFromChargePoint("MeterValues"));
        var samples = new List<(DateTime Time, long RegisterWh)>();
        for (int period = 0; period < 3; period++)
        {
            int index = _rig.CentralSystem.EventCount;
            JsonObject meterValues = _rig.WaitForCall("MeterValues", null, index,
                TimeSpan.FromSeconds(CabinetRig.MeterValueSampleIntervalSeconds + 1));
            Assert.Equal(2, (int)meterValues["connectorId"]!);
            Assert.Equal(transactionId, (int?)meterValues["transactionId"]);
            samples.Add(ReadEnergyRegister(meterValues));
        }

        for (int i = 1; i < samples.Count; i++)
        {
            Assert.Equal(TimeSpan.FromSeconds(CabinetRig.MeterValueSampleIntervalSeconds), samples[i].Time - samples[i - 1].Time);
            Assert.True(samples[i].RegisterWh > samples[i - 1].RegisterWh, $"MeterValues register did not grow while charging: {samples[i - 1].RegisterWh} then {samples[i].RegisterWh} Wh");
        }

        int stopIndex = _rig.CentralSystem.EventCount;
        _rig.PresentCard(ResidentA.Card);
        JsonObject stop = _rig.WaitForCall("StopTransaction", null, stopIndex);
        Assert.Empty(_rig.Contactors.ClosedBays());
        Assert.Equal(transactionId, (int)stop["transactionId"]!);
        Assert.Equal("Local", (string?)stop["reason"]);
        long meterStop = (long)stop["meterStop"]!;
        Assert.Equal(_rig.Meters.ReadRegisterWh(2), meterStop);
        Assert.True(meterStop >= samples[^1].RegisterWh, $"meterStop {meterStop} Wh is below the last MeterValues register {samples[^1].RegisterWh} Wh");
        Assert.True(samples[0].RegisterWh >= registerAtStartWh, $"MeterValues register {samples[0].RegisterWh} Wh is below meterStart {registerAtStartWh} Wh");
        AssertEnergyMatchesDuration(start, stop);
        _rig.WaitForCall("StatusNotification", p => (int?)p["connectorId"] == 2 && (string?)p["status"] == "Available", stopIndex);
        _rig.AssertHealthy();
    }

    [Fact]
    public void UnknownCardClosesNoContactor()
    {
        _rig.CentralSystem.SetDefaultReply("Authorize",
            Reply.Result(new { idTagInfo = new { status = "Invalid" } }), new { idTag = UnknownCard.IdTag });
        _rig.StartAndBoot();

        int index = _rig.CentralSystem.EventCount;
        _rig.PresentCard(UnknownCard.Card);
        _rig.WaitForCall("Authorize", p => (string?)p["idTag"] == UnknownCard.IdTag, index);
        _rig.Quiesce();
        _rig.Type("21#");
        _rig.Advance(TimeSpan.FromSeconds(10));

        _rig.CentralSystem.Sync();
        Assert.Empty(_rig.CentralSystem.CallsFromChargePoint("StartTransaction"));
        Assert.Equal(0, _rig.Contactors.TotalClosureCount);
        _rig.AssertHealthy();
    }

    [Fact]
    public void UidCloneNeverReachesCentralSystem()
    {
        _rig.StartAndBoot();
        int index = _rig.CentralSystem.EventCount;

        // Same UID as a valid KiWhi Pass, but no Ultralight C key: the mutual authentication fails.
        _rig.PresentCard(UidCard.FromHex(ResidentA.IdTag));
        _rig.Type("21#");
        _rig.Advance(TimeSpan.FromSeconds(10));

        _rig.CentralSystem.Sync();
        Assert.Empty(_rig.CentralSystem.CallsFromChargePoint("Authorize", index));
        Assert.Empty(_rig.CentralSystem.CallsFromChargePoint("StartTransaction", index));
        Assert.Equal(0, _rig.Contactors.TotalClosureCount);
        _rig.AssertHealthy();
    }

    [Fact]
    public void KeyCloneNeverReachesCentralSystem()
    {
        _rig.StartAndBoot();
        int index = _rig.CentralSystem.EventCount;

        // Same UID and card data as a valid KiWhi Pass, written on a card with another key.
        _rig.PresentCard(ResidentA.Card.CloneWithKey(Convert.FromHexString("0123456789ABCDEF0123456789ABCDEF")));
        _rig.Type("21#");
        _rig.Advance(TimeSpan.FromSeconds(10));

        _rig.CentralSystem.Sync();
        Assert.Empty(_rig.CentralSystem.CallsFromChargePoint("Authorize", index));
        Assert.Empty(_rig.CentralSystem.CallsFromChargePoint("StartTransaction", index));
        Assert.Equal(0, _rig.Contactors.TotalClosureCount);
        _rig.AssertHealthy();
    }

    [Fact]
    public void BusyBayRejectsSecondCard()
    {
        _rig.StartAndBoot();
        int transactionA = StartSession(ResidentA, spot: 21);

        int index = _rig.CentralSystem.EventCount;
        _rig.PresentCard(ResidentB.Card);
        _rig.WaitForCall("Authorize", p => (string?)p["idTag"] == ResidentB.IdTag, index);
        _rig.Quiesce();
        _rig.Type("21#");
        _rig.Advance(TimeSpan.FromSeconds(10));

        _rig.CentralSystem.Sync();
        Assert.Single(_rig.CentralSystem.CallsFromChargePoint("StartTransaction"));
        Assert.Empty(_rig.CentralSystem.CallsFromChargePoint("StopTransaction"));
        Assert.Equal(new[] { 1 }, _rig.Contactors.ClosedBays());
        Assert.Single(_rig.Contactors.History, e => e.Bay == 1);
        Assert.True(transactionA > 0);
        _rig.AssertHealthy();
    }

    [Fact]
    public void InvalidStartTransactionOpensContactor()
    {
        const int transactionId = 4242;
        _rig.CentralSystem.SetDefaultReply("StartTransaction",
            Reply.Result(new { idTagInfo = new { status = "Invalid" }, transactionId }), new { idTag = ResidentA.IdTag });
        _rig.StartAndBoot();

        int index = _rig.CentralSystem.EventCount;
        _rig.PresentCard(ResidentA.Card);
        _rig.WaitForCall("Authorize", p => (string?)p["idTag"] == ResidentA.IdTag, index);
        _rig.Quiesce();
        _rig.Type("23#");
        JsonObject start = WaitForStartTransaction(ResidentA, index)["payload"]!.AsObject();

        // StopTransactionOnInvalidId is true by default, so the session stops with reason DeAuthorized.
        JsonObject stop = _rig.WaitForCall("StopTransaction", null, index);
        Assert.Equal(transactionId, (int)stop["transactionId"]!);
        Assert.Equal("DeAuthorized", (string?)stop["reason"]);
        Assert.True((long)stop["meterStop"]! >= (long)start["meterStart"]!);
        Assert.Empty(_rig.Contactors.ClosedBays());
        Assert.Equal(new[] { true, false }, _rig.Contactors.History.Where(e => e.Bay == 3).Select(e => e.Closed));
        _rig.AssertHealthy();
    }

    [Fact]
    public void TwoBaysChargeAtOnce()
    {
        _rig.StartAndBoot();
        int transactionA = StartSession(ResidentA, spot: 21);
        int transactionB = StartSession(ResidentB, spot: 23);

        Assert.NotEqual(transactionA, transactionB);
        Assert.Equal(new[] { 1, 3 }, _rig.Contactors.ClosedBays());

        int index = _rig.CentralSystem.EventCount;
        _rig.WaitForCall("MeterValues", p => (int?)p["connectorId"] == 1, index,
            TimeSpan.FromSeconds(CabinetRig.MeterValueSampleIntervalSeconds + 1));
        _rig.WaitForCall("MeterValues", p => (int?)p["connectorId"] == 3, index,
            TimeSpan.FromSeconds(CabinetRig.MeterValueSampleIntervalSeconds + 1));
        _rig.Quiesce();
        _rig.CentralSystem.Sync();
        foreach (JsonObject call in _rig.CentralSystem.CallsFromChargePoint("MeterValues", index))
        {
            int connectorId = (int)call["payload"]!["connectorId"]!;
            Assert.Equal(connectorId == 1 ? transactionA : transactionB, (int?)call["payload"]!["transactionId"]);
        }

        int stopBIndex = _rig.CentralSystem.EventCount;
        _rig.PresentCard(ResidentB.Card);
        JsonObject stopB = _rig.WaitForCall("StopTransaction", null, stopBIndex);
        Assert.Equal(transactionB, (int)stopB["transactionId"]!);
        Assert.Equal("Local", (string?)stopB["reason"]);
        Assert.Equal(new[] { 1 }, _rig.Contactors.ClosedBays());

        int stopAIndex = _rig.CentralSystem.EventCount;
        _rig.PresentCard(ResidentA.Card);
        JsonObject stopA = _rig.WaitForCall("StopTransaction", null, stopAIndex);
        Assert.Equal(transactionA, (int)stopA["transactionId"]!);
        Assert.Equal("Local", (string?)stopA["reason"]);
        Assert.Empty(_rig.Contactors.ClosedBays());
        _rig.AssertHealthy();
    }

    private int StartSession(TestCard card, int spot)
    {
        int index = _rig.CentralSystem.EventCount;
        _rig.PresentCard(card.Card);
        _rig.WaitForCall("Authorize", p => (string?)p["idTag"] == card.IdTag, index);
        _rig.Quiesce();
        _rig.Type(spot.ToString(CultureInfo.InvariantCulture) + "#");

        JsonObject startEvent = WaitForStartTransaction(card, index);
        int connectorId = Array.IndexOf(CabinetRig.SpotNumbers, spot) + 1;
        Assert.Equal(connectorId, (int)startEvent["payload"]!["connectorId"]!);
        Assert.True(_rig.Contactors.IsClosed(connectorId), $"Contactor of bay {connectorId} (spot {spot}) is open after StartTransaction.");
        int transactionId = (int)_rig.ReplyTo((string)startEvent["messageId"]!)["transactionId"]!;
        _rig.Quiesce();
        return transactionId;
    }

    private JsonObject WaitForStartTransaction(TestCard card, int startIndex)
    {
        return _rig.WaitForEvent($"StartTransaction for {card.IdTag}",
            e => CentralSystem.Kind(e) == "call" && (string?)e["action"] == "StartTransaction"
                && (string?)e["payload"]!["idTag"] == card.IdTag,
            startIndex);
    }

    // Returns the time and value of the Energy.Active.Import.Register sample (the default measurand, in Wh).
    private static (DateTime Time, long RegisterWh) ReadEnergyRegister(JsonObject meterValues)
    {
        JsonObject meterValue = Assert.Single(meterValues["meterValue"]!.AsArray())!.AsObject();
        DateTime time = ParseUtc((string)meterValue["timestamp"]!);
        JsonObject sample = meterValue["sampledValue"]!.AsArray()
            .Select(s => s!.AsObject())
            .Single(s => ((string?)s["measurand"] ?? "Energy.Active.Import.Register") == "Energy.Active.Import.Register");
        string unit = (string?)sample["unit"] ?? "Wh";
        Assert.Equal("Wh", unit);
        return (time, long.Parse((string)sample["value"]!, NumberStyles.Integer, CultureInfo.InvariantCulture));
    }

    private static void AssertEnergyMatchesDuration(JsonObject start, JsonObject stop)
    {
        TimeSpan duration = ParseUtc((string)stop["timestamp"]!) - ParseUtc((string)start["timestamp"]!);
        long energyWh = (long)stop["meterStop"]! - (long)start["meterStart"]!;
        double expectedWh = CabinetRig.ChargingPowerW * duration.TotalHours;

        // The simulated meter integrates power over the cabinet's clock; 2 Wh covers rounding at both ends.
        Assert.InRange(energyWh, expectedWh - 2, expectedWh + 2);
    }

    private static DateTime ParseUtc(string timestamp)
    {
        return DateTime.Parse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }
}
