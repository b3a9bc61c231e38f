using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Protocol.Ocpp;

namespace KiWhi.Armoire.Tests.Firmware;

public class SessionFlowTests : CabinetTestBase
{
    private const string Alice = "04A1B2C3D4E5F6";
    private const string Bob = "04B0B0B0B0B0B0";

    [Fact]
    public void Boot_AcceptedThenStatusOfEveryConnector()
    {
        var rig = NewRig(bays: 3);

        Assert.Equal(RegistrationState.Accepted, rig.Cabinet.ChargePoint.Registration);
        Assert.Equal("BootNotification", rig.Server.Calls[0].Action);
        var statuses = rig.Server.CallsOf("StatusNotification").Select(c => c.Int("connectorId")).ToArray();
        Assert.Equal(new[] { 0, 1, 2, 3 }, statuses);
        Assert.All(rig.Server.CallsOf("StatusNotification"), c => Assert.Equal("Available", c.Str("status")));
        Assert.Equal("ocpp1.6", rig.Server.LastSubprotocol);
        Assert.EndsWith("/ARMOIRE-01", rig.Server.LastUrl);
    }

    [Fact]
    public void FullSession_StartsMetersAndStops()
    {
        var rig = NewRig(bays: 2);

        rig.Badge(Alice);
        Assert.Equal("Authorize", rig.Server.Calls.Last().Action);
        Assert.Contains("place", rig.Display.Line1, StringComparison.OrdinalIgnoreCase);

        rig.Type("102#");
        rig.Run(1);
        Assert.True(rig.IsClosed(2));
        Assert.False(rig.IsClosed(1));
        var start = rig.Server.CallsOf("StartTransaction").Single();
        Assert.Equal(2, start.Int("connectorId"));
        Assert.Equal(Alice, start.Str("idTag"));
        Assert.Equal(0, start.Int("meterStart"));
        Assert.EndsWith("Z", start.Str("timestamp"));

        rig.Run(185);
        var samples = rig.Server.CallsOf("MeterValues").ToArray();
        Assert.Equal(3, samples.Length);
        Assert.All(samples, s => Assert.Equal(1001, s.Int("transactionId")));

        rig.Badge(Alice);
        Assert.False(rig.IsClosed(2));
        var stop = rig.Server.CallsOf("StopTransaction").Single();
        Assert.Equal(1001, stop.Int("transactionId"));
        Assert.Equal("Local", stop.Str("reason"));
        Assert.True(stop.Int("meterStop") >= 370, "meterStop " + stop.Int("meterStop"));
        Assert.Empty(rig.Server.Violations);
    }

    [Fact]
    public void UnknownCard_NeverClosesAContactor()
    {
        var rig = NewRig();
        rig.Server.AuthorizeStatus[Bob] = "Invalid";

        rig.Badge(Bob);
        rig.Type("101#");

        Assert.Empty(rig.Contactors.ClosedBays());
        Assert.Empty(rig.Server.CallsOf("StartTransaction"));
        Assert.Equal(FrontPanelState.Idle, rig.Cabinet.Panel.State == FrontPanelState.ShowingMessage ? FrontPanelState.Idle : rig.Cabinet.Panel.State);
    }

    [Theory]
    [InlineData("Blocked", "bloquée")]
    [InlineData("Expired", "expirée")]
    [InlineData("Invalid", "inconnue")]
    [InlineData("ConcurrentTx", "déjà en charge")]
    public void RejectedCard_ShowsTheReason(string status, string expected)
    {
        var rig = NewRig();
        rig.Server.AuthorizeStatus[Bob] = status;

        rig.Reader.Present(UidCardHex(Bob));
        rig.Run(0.5);

        Assert.Contains(expected, rig.Display.Line2);
    }

    [Fact]
    public void BusyBay_IsRejectedAndLeftCharging()
    {
        var rig = NewRig();
        rig.StartCharging(Alice, 101);

        rig.StartCharging(Bob, 101);

        Assert.True(rig.IsClosed(1));
        Assert.Single(rig.Server.CallsOf("StartTransaction"));
        Assert.Contains("occupée", rig.Display.Line2);
    }

    [Fact]
    public void UnknownSpot_IsRejected()
    {
        var rig = NewRig();

        rig.StartCharging(Alice, 999);

        Assert.Empty(rig.Contactors.ClosedBays());
        Assert.Contains("inconnue", rig.Display.Line2);
    }

    [Fact]
    public void StarKey_CancelsEntry()
    {
        var rig = NewRig();

        rig.Badge(Alice);
        rig.Type("10*");
        rig.Type("1#");

        Assert.Empty(rig.Contactors.ClosedBays());
        Assert.Empty(rig.Server.CallsOf("StartTransaction"));
    }

    [Fact]
    public void BayEntry_TimesOut()
    {
        var rig = NewRig(configure: c => c.BayEntryTimeoutSeconds = 10);

        rig.Badge(Alice);
        rig.Type("10");
        rig.Run(11);
        rig.Type("1#");

        Assert.Empty(rig.Contactors.ClosedBays());
    }

    [Fact]
    public void StartNotAccepted_OpensAndStopsDeAuthorized()
    {
        var rig = NewRig();
        rig.Server.StartStatus[Alice] = "Invalid";

        rig.StartCharging(Alice, 103);
        rig.Run(2);

        Assert.False(rig.IsClosed(3));
        var stop = rig.Server.CallsOf("StopTransaction").Single();
        Assert.Equal("DeAuthorized", stop.Str("reason"));
        Assert.Equal(rig.Server.CallsOf("StartTransaction").Count() + 1000, stop.Int("transactionId"));
    }

    [Fact]
    public void StartNotAccepted_WithoutStopOnInvalid_SuspendsTheBay()
    {
        var rig = NewRig(configure: c => c.StopTransactionOnInvalidId = false);
        rig.Server.StartStatus[Alice] = "Blocked";

        rig.StartCharging(Alice, 101);
        rig.Run(2);

        Assert.False(rig.IsClosed(1));
        Assert.Empty(rig.Server.CallsOf("StopTransaction"));
        Assert.Equal("SuspendedEVSE", rig.Server.CallsOf("StatusNotification").Last().Str("status"));
    }

    [Fact]
    public void TwoBays_ChargeAtOnce()
    {
        var rig = NewRig();

        rig.StartCharging(Alice, 101);
        rig.StartCharging(Bob, 104);

        Assert.Equal(new[] { 1, 4 }, rig.Contactors.ClosedBays());
        var starts = rig.Server.CallsOf("StartTransaction").ToArray();
        Assert.Equal(2, starts.Length);
        Assert.Equal(new[] { 1, 4 }, starts.Select(s => s.Int("connectorId")));
    }

    [Fact]
    public void SeveralSessionsPerCard_StopAsksForTheBay()
    {
        var rig = NewRig(configure: c => c.MaxSessionsPerCard = 2);
        rig.StartCharging(Alice, 101);
        rig.StartCharging(Alice, 102);
        Assert.Equal(new[] { 1, 2 }, rig.Contactors.ClosedBays());

        rig.StartCharging(Alice, 102);

        Assert.Equal(new[] { 1 }, rig.Contactors.ClosedBays());
        Assert.Equal(2, rig.Server.CallsOf("StopTransaction").Single().Payload["transactionId"]!.GetValue<int>() - 1000);
    }

    [Fact]
    public void SessionLimit_ShowsWhereTheCardCharges()
    {
        var rig = NewRig(configure: c => c.MaxSessionsPerCard = 1);
        rig.StartCharging(Alice, 101);

        // With one session allowed, the card stops its session instead of starting a second one.
        rig.Badge(Alice);

        Assert.Empty(rig.Contactors.ClosedBays());
    }

    [Fact]
    public void Offline_CardIsToldTheServerIsUnreachable()
    {
        var rig = NewRig();
        rig.Server.Disconnect();
        rig.Server.Reachable = false;
        rig.Run(1);

        rig.Badge(Alice);

        Assert.Contains("Serveur", rig.Display.Line1);
        Assert.Empty(rig.Contactors.ClosedBays());
    }

    [Fact]
    public void English_IsAvailable()
    {
        var rig = NewRig(configure: c => c.Language = "en");

        Assert.Equal("Present card", rig.Display.Line2);
    }

    private static Hal.Simulation.UidCard UidCardHex(string hex) => Hal.Simulation.UidCard.FromHex(hex);
}
