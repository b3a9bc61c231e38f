using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Protocol.Ocpp;

namespace KiWhi.Armoire.Tests.Firmware;

/// <summary>
/// The resident flow when the central system is unreachable or slow: decisions from the local
/// authorization list, the cache and the offline keys (OCPP 1.6 §3.5), and what happens once the
/// central system replies to the StartTransaction made offline.
/// </summary>
public class OfflineAuthorizationTests : CabinetTestBase
{
    private const string Alice = "04A1B2C3D4E5F6";
    private const string Bob = "04B0B0B0B0B0B0";
    private const string Carol = "04C0C0C0C0C0C0";

    [Fact]
    public void ListedCardChargesOffline()
    {
        var rig = NewEnglishRig();
        SendLocalList(rig, "{\"listVersion\":1,\"updateType\":\"Full\",\"localAuthorizationList\":[{\"idTag\":\"" + Alice + "\",\"idTagInfo\":{\"status\":\"Accepted\"}}]}");
        GoOffline(rig);

        rig.StartCharging(Alice, 101);

        Assert.True(rig.IsClosed(1));
        Assert.Empty(rig.Server.CallsOf("Authorize"));
        Assert.Empty(rig.Server.CallsOf("StartTransaction"));
        ComeBack(rig);
        ReceivedCall start = rig.Server.CallsOf("StartTransaction").Single();
        Assert.Equal(Alice, start.Str("idTag"));
        Assert.Equal(1, start.Int("connectorId"));
        Assert.True(rig.IsClosed(1));
    }

    [Fact]
    public void ListedCardMatchesIgnoringCase()
    {
        var rig = NewEnglishRig();
        SendLocalList(rig, "{\"listVersion\":1,\"updateType\":\"Full\",\"localAuthorizationList\":[{\"idTag\":\"04a1b2c3d4e5f6\",\"idTagInfo\":{\"status\":\"Accepted\"}}]}");
        GoOffline(rig);

        rig.StartCharging(Alice, 101);

        Assert.True(rig.IsClosed(1));
    }

    [Fact]
    public void CachedCardChargesOffline()
    {
        var rig = NewEnglishRig();
        rig.StartCharging(Alice, 101);
        rig.Badge(Alice);
        GoOffline(rig);

        rig.StartCharging(Alice, 102);

        Assert.True(rig.IsClosed(2));
    }

    [Fact]
    public void CardRejectedOnlineIsRejectedOffline()
    {
        var rig = NewEnglishRig(c => c.AllowOfflineTxForUnknownId = true);
        rig.Server.AuthorizeStatus[Alice] = "Blocked";
        rig.Badge(Alice);
        GoOffline(rig);

        rig.Badge(Alice);

        Assert.Contains("card blocked", rig.Screen);
        Assert.Empty(rig.Contactors.ClosedBays());
    }

    [Fact]
    public void BlockedListEntryIsRejectedOffline()
    {
        var rig = NewEnglishRig(c => c.AllowOfflineTxForUnknownId = true);
        SendLocalList(rig, "{\"listVersion\":3,\"updateType\":\"Full\",\"localAuthorizationList\":[{\"idTag\":\"" + Alice + "\",\"idTagInfo\":{\"status\":\"Blocked\"}}]}");
        GoOffline(rig);

        rig.Badge(Alice);

        Assert.Contains("card blocked", rig.Screen);
        Assert.Empty(rig.Contactors.ClosedBays());
    }

    [Fact]
    public void UnknownCardNeedsOfflineAllowance()
    {
        var strict = NewEnglishRig();
        var lenient = NewEnglishRig(c => c.AllowOfflineTxForUnknownId = true);
        GoOffline(strict);
        GoOffline(lenient);

        strict.StartCharging(Carol, 101);
        lenient.StartCharging(Carol, 101);

        Assert.Empty(strict.Contactors.ClosedBays());
        Assert.True(lenient.IsClosed(1));
    }

    [Fact]
    public void ListedCardNeedsLocalAuthorizeOffline()
    {
        var rig = NewEnglishRig(c => c.LocalAuthorizeOffline = false);
        SendLocalList(rig, "{\"listVersion\":1,\"updateType\":\"Full\",\"localAuthorizationList\":[{\"idTag\":\"" + Alice + "\",\"idTagInfo\":{\"status\":\"Accepted\"}}]}");
        GoOffline(rig);

        rig.Badge(Alice);

        Assert.Contains("No server", rig.Screen);
        Assert.Empty(rig.Contactors.ClosedBays());
    }

    [Fact]
    public void LocalPreAuthorizeStartsWithoutAuthorize()
    {
        var rig = NewEnglishRig(c => c.LocalPreAuthorize = true);
        SendLocalList(rig, "{\"listVersion\":1,\"updateType\":\"Full\",\"localAuthorizationList\":[{\"idTag\":\"" + Alice + "\",\"idTagInfo\":{\"status\":\"Accepted\"}}]}");

        rig.StartCharging(Alice, 101);
        rig.StartCharging(Bob, 102);

        Assert.Equal(new[] { Bob }, rig.Server.CallsOf("Authorize").Select(c => c.Str("idTag")));
        Assert.Equal(new[] { 1, 2 }, rig.Contactors.ClosedBays());
        Assert.Equal(2, rig.Server.CallsOf("StartTransaction").Count());
    }

    [Fact]
    public void AuthorizeTimeoutUsesLocalList()
    {
        var rig = NewEnglishRig();
        SendLocalList(rig, "{\"listVersion\":1,\"updateType\":\"Full\",\"localAuthorizationList\":[{\"idTag\":\"" + Alice + "\",\"idTagInfo\":{\"status\":\"Accepted\"}}]}");
        rig.Server.Silent.Add("Authorize");

        rig.Badge(Alice);
        rig.Run(rig.Configuration.CallTimeoutSeconds);
        rig.Type("101#");
        rig.Run(1);

        Assert.Single(rig.Server.CallsOf("Authorize"));
        Assert.True(rig.IsClosed(1));
    }

    [Fact]
    public void ListConflictIsReported()
    {
        var rig = NewEnglishRig(c => c.LocalPreAuthorize = true);
        SendLocalList(rig, "{\"listVersion\":2,\"updateType\":\"Full\",\"localAuthorizationList\":[{\"idTag\":\"" + Alice + "\",\"idTagInfo\":{\"status\":\"Accepted\"}}]}");
        rig.Server.StartStatus[Alice] = "Blocked";
        int before = rig.Server.CallsOf("StatusNotification").Count();

        rig.StartCharging(Alice, 101);
        rig.Run(2);

        ReceivedCall conflict = rig.Server.CallsOf("StatusNotification").Skip(before).Single(c => c.Int("connectorId") == 0);
        Assert.Equal("LocalListConflict", conflict.Str("errorCode"));
        Assert.Equal("Available", conflict.Str("status"));
        Assert.Equal("server Blocked, local list Accepted", conflict.Str("info"));
        Assert.Equal(1, rig.Cabinet.ChargePoint.LocalListConflicts);
        Assert.Equal("DeAuthorized", rig.Server.CallsOf("StopTransaction").Single().Str("reason"));
        Assert.Empty(rig.Contactors.ClosedBays());
    }

    [Fact]
    public void ConflictReportSurvivesLinkDrop()
    {
        var rig = NewEnglishRig(c => c.LocalPreAuthorize = true);
        SendLocalList(rig, "{\"listVersion\":2,\"updateType\":\"Full\",\"localAuthorizationList\":[{\"idTag\":\"" + Alice + "\",\"idTagInfo\":{\"status\":\"Accepted\"}}]}");
        rig.Server.StartStatus[Alice] = "Invalid";
        rig.Server.Silent.Add("StatusNotification");
        rig.StartCharging(Alice, 101);

        // The bay's StatusNotification times out first (10 s), then StartTransaction.conf brings the
        // conflict, whose StatusNotification is still unanswered when the link drops.
        rig.Run(12);
        rig.Server.Disconnect();
        rig.Server.Silent.Clear();

        rig.Run(20);

        var conflicts = rig.Server.CallsOf("StatusNotification").Where(c => c.Int("connectorId") == 0 && c.Str("errorCode") == "LocalListConflict").ToArray();
        Assert.True(conflicts.Length >= 2, "the conflict was not reported again after the reconnect");
    }

    [Fact]
    public void RejectedOfflineStartIsStopped()
    {
        var rig = NewEnglishRig(c => c.AllowOfflineTxForUnknownId = true);
        rig.Server.StartStatus[Carol] = "Invalid";
        GoOffline(rig);
        rig.StartCharging(Carol, 101);
        Assert.True(rig.IsClosed(1));

        ComeBack(rig);

        ReceivedCall stop = rig.Server.CallsOf("StopTransaction").Single();
        Assert.Equal("DeAuthorized", stop.Str("reason"));
        Assert.Equal(rig.Server.StartAnswers.Single().Key, stop.Int("transactionId"));
        Assert.Empty(rig.Contactors.ClosedBays());
        Assert.False(rig.Cabinet.GetBay(1).HasSession);
        AuthorizationCache cache = rig.Cabinet.Authorizer.Cache;
        Assert.Equal(AuthorizationStatus.Invalid, cache.Entries.GetStatus(cache.Find(Carol)));
    }

    [Fact]
    public void RejectedOfflineStartIsSuspended()
    {
        var rig = NewEnglishRig(c =>
        {
            c.AllowOfflineTxForUnknownId = true;
            c.StopTransactionOnInvalidId = false;
        });
        rig.Server.StartStatus[Carol] = "Invalid";
        GoOffline(rig);
        rig.StartCharging(Carol, 101);

        ComeBack(rig);

        Assert.Empty(rig.Server.CallsOf("StopTransaction"));
        Assert.Empty(rig.Contactors.ClosedBays());
        Assert.True(rig.Cabinet.GetBay(1).HasSession);
        Assert.Equal("SuspendedEVSE", rig.Server.CallsOf("StatusNotification").Last(c => c.Int("connectorId") == 1).Str("status"));
    }

    [Fact]
    public void RejectedSessionStopsAtMaxEnergy()
    {
        var rig = NewEnglishRig(c =>
        {
            c.AllowOfflineTxForUnknownId = true;
            c.StopTransactionOnInvalidId = false;
            c.MaxEnergyOnInvalidId = 1000;
        });
        rig.Server.StartStatus[Carol] = "Invalid";
        GoOffline(rig);
        rig.StartCharging(Carol, 101);
        long meterStartWh = rig.Cabinet.GetBay(1).MeterStartWh;
        ComeBack(rig);
        Assert.True(rig.IsClosed(1));

        // 7.4 kW reaches 1000 Wh in about 487 s.
        rig.Run(600);

        long energyWh = rig.Meters.ReadRegisterWh(1) - meterStartWh;
        Assert.False(rig.IsClosed(1));
        Assert.InRange(energyWh, 1000, 1010);
        Assert.True(rig.Cabinet.GetBay(1).HasSession);
        Assert.Equal("SuspendedEVSE", rig.Server.CallsOf("StatusNotification").Last(c => c.Int("connectorId") == 1).Str("status"));
        Assert.Empty(rig.Server.CallsOf("StopTransaction"));
    }

    [Fact]
    public void SessionBeyondMaxEnergyOpensAtOnce()
    {
        var rig = NewEnglishRig(c =>
        {
            c.AllowOfflineTxForUnknownId = true;
            c.StopTransactionOnInvalidId = false;
            c.MaxEnergyOnInvalidId = 100;
        });
        rig.Server.StartStatus[Carol] = "Invalid";
        GoOffline(rig);
        rig.StartCharging(Carol, 101);
        rig.Run(120);

        ComeBack(rig);

        Assert.Empty(rig.Contactors.ClosedBays());
        Assert.True(rig.Cabinet.GetBay(1).HasSession);
    }

    [Fact]
    public void CacheLearnsFromStopConfirmation()
    {
        var rig = NewEnglishRig(c => c.StopTransactionOnInvalidId = false);
        rig.StartCharging(Alice, 101);
        rig.Server.StopStatus[Alice] = "Expired";
        rig.Badge(Alice);
        rig.Run(2);
        GoOffline(rig);

        rig.Badge(Alice);

        Assert.Contains("card expired", rig.Screen);
        AuthorizationCache cache = rig.Cabinet.Authorizer.Cache;
        Assert.Equal(AuthorizationStatus.Expired, cache.Entries.GetStatus(cache.Find(Alice)));
    }

    [Fact]
    public void ListAndCacheSurviveReboot()
    {
        var rig = NewEnglishRig();
        SendLocalList(rig, "{\"listVersion\":5,\"updateType\":\"Full\",\"localAuthorizationList\":[{\"idTag\":\"" + Bob + "\",\"idTagInfo\":{\"status\":\"Accepted\"}}]}");
        rig.StartCharging(Alice, 101);
        rig.Badge(Alice);

        var rebooted = new Cabinet(rig.Hardware, rig.Configuration, new ListLogSink());

        Assert.Equal(5, rebooted.Authorizer.LocalListVersion);
        Assert.Equal(LocalVerdict.Valid, rebooted.Authorizer.Check(Bob, out _));
        Assert.Equal(LocalVerdict.Valid, rebooted.Authorizer.Check(Alice, out _));
        Assert.Equal(-1, rebooted.Authorizer.Cache.Find(Bob));
    }

    private CabinetRig NewEnglishRig(Action<CabinetConfiguration>? configure = null)
    {
        return NewRig(configure: c =>
        {
            c.Language = "en";
            configure?.Invoke(c);
        });
    }

    private static void SendLocalList(CabinetRig rig, string payload)
    {
        string id = rig.Server.SendCall("SendLocalList", payload);
        rig.Run(0.5);
        Assert.Equal("Accepted", rig.Server.ResultOf(id)["status"]!.GetValue<string>());
    }

    private static void GoOffline(CabinetRig rig)
    {
        rig.Server.Reachable = false;
        rig.Server.Disconnect();
        rig.Run(1);
        Assert.False(rig.Cabinet.ChargePoint.IsOnline);
    }

    // Lets the server accept connections again and runs until the cabinet has reconnected and sent what it queued.
    private static void ComeBack(CabinetRig rig)
    {
        rig.Server.Reachable = true;
        double waitSeconds = (rig.Cabinet.ChargePoint.NextConnectMs - rig.Clock.MonotonicMs) / 1000.0;
        rig.Run(Math.Max(0, waitSeconds) + 5);
        Assert.True(rig.Cabinet.ChargePoint.IsOnline);
    }
}
