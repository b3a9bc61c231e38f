using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Journal;

public sealed class RebootRecoveryTests
{
    private const string Alice = "04A1B2C3";
    private const string Bob = "04B0B0B0";

    private static CabinetWorld NewWorld(Action<CabinetConfiguration>? configure = null)
    {
        var world = new CabinetWorld(4, configure, validateSchemas: true);
        world.PowerOn();
        world.Run(5);
        return world;
    }

    private static void AssertNoViolations(CabinetWorld world)
    {
        Assert.True(world.Server.Violations.Count == 0, string.Join("\n", world.Server.Violations));
    }

    [Fact]
    public void InterruptedSession_IsStoppedWithPowerLossOnce()
    {
        CabinetWorld world = NewWorld();
        world.StartCharging(Alice, 101);
        world.Run(150);

        world.PowerCut();
        world.PowerOn();
        world.Run(30);
        world.PowerCut();
        world.PowerOn();
        world.Run(30);

        ServerCall start = world.Server.CallsOf("StartTransaction").Single();
        ServerCall lastSample = world.Server.CallsOf("MeterValues").Last();
        ServerCall stop = world.Server.CallsOf("StopTransaction").Single();
        Assert.Equal("PowerLoss", stop.Str("reason"));
        Assert.Equal(start.AssignedTransactionId, stop.Int("transactionId"));
        Assert.Equal(lastSample.Sample().Wh, stop.Int("meterStop"));
        Assert.Equal(lastSample.Sample().Time, stop.Time("timestamp"));
        Assert.Equal(2, world.Server.CallsOf("MeterValues").Count());
        AssertNoViolations(world);
    }

    [Fact]
    public void InterruptedSession_LeavesEveryContactorOpen()
    {
        CabinetWorld world = NewWorld();
        world.StartCharging(Alice, 101);
        world.StartCharging(Bob, 102);
        world.Run(10);

        world.PowerCut();
        world.PowerOn();
        world.Run(30);

        Assert.Empty(world.Contactors.ClosedBays());
        Assert.False(world.Cabinet.GetBay(1)!.HasSession);
        Assert.Equal(2, world.Server.CallsOf("StopTransaction").Count(c => c.Str("reason") == "PowerLoss"));
    }

    [Fact]
    public void ResumePolicy_ReclosesAndStopsOnce()
    {
        CabinetWorld world = NewWorld(c => c.InterruptedSessionPolicy = InterruptedSessionPolicy.Resume);
        world.StartCharging(Alice, 101);
        world.Run(100);
        long cutMs = world.WorldClock.MonotonicMs;

        world.PowerCut();
        world.PowerOn();
        bool closedAtBoot = world.Contactors.IsClosed(1);
        world.Run(100);
        world.Badge(Alice);
        world.Run(10);

        ServerCall start = world.Server.CallsOf("StartTransaction").Single();
        ServerCall stop = world.Server.CallsOf("StopTransaction").Single();
        Assert.True(closedAtBoot);
        Assert.Contains(world.Contactors.History, e => e.Bay == 1 && !e.Closed && e.MonotonicMs == cutMs);
        Assert.Equal("Local", stop.Str("reason"));
        Assert.Equal(start.AssignedTransactionId, stop.Int("transactionId"));
        Assert.True(stop.Int("meterStop") > world.Server.CallsOf("MeterValues").First().Sample().Wh);
        Assert.Empty(world.Contactors.ClosedBays());
        AssertNoViolations(world);
    }

    [Fact]
    public void ResumePolicy_KeepsAPendingStartTransaction()
    {
        CabinetWorld world = NewWorld(c => c.InterruptedSessionPolicy = InterruptedSessionPolicy.Resume);
        world.Server.Silent.Add("StartTransaction");
        world.StartCharging(Alice, 101);
        world.Run(5);

        world.PowerCut();
        world.Server.Silent.Clear();
        world.PowerOn();
        world.Run(30);
        world.Badge(Alice);
        world.Run(10);

        ServerCall start = world.Server.CallsOf("StartTransaction").Last();
        ServerCall stop = world.Server.CallsOf("StopTransaction").Single();
        Assert.Equal(start.AssignedTransactionId, stop.Int("transactionId"));
        Assert.Equal("Local", stop.Str("reason"));
    }

    [Fact]
    public void MeterCountRestart_KeepsRegistersRising()
    {
        CabinetWorld world = NewWorld();
        world.StartCharging(Alice, 101);
        world.Run(300);
        world.Badge(Alice);
        world.Run(10);
        int firstStop = world.Server.CallsOf("StopTransaction").Single().Int("meterStop");

        world.PowerCut();
        world.CabinetMeter = new SimulatedEnergyMeter(world.Contactors, CabinetWorld.PowerW);
        world.PowerOn();
        world.Run(10);
        world.StartCharging(Alice, 101);
        world.Run(100);
        world.Badge(Alice);
        world.Run(10);

        ServerCall second = world.Server.CallsOf("StartTransaction").Last();
        ServerCall secondStop = world.Server.CallsOf("StopTransaction").Last();
        Assert.True(firstStop > 0);
        Assert.Equal(firstStop, second.Int("meterStart"));
        Assert.True(secondStop.Int("meterStop") > firstStop);
    }

    [Fact]
    public void QueuedMessages_SurviveRebootWhileOffline()
    {
        CabinetWorld world = NewWorld();
        world.StartCharging(Alice, 101);
        world.Run(10);
        world.Server.Reachable = false;
        world.Server.Disconnect();
        world.Run(130);
        world.Badge(Alice);
        world.Run(5);
        world.StartCharging(Alice, 103);
        world.Run(70);

        world.PowerCut();
        world.PowerOn();
        world.Run(60);
        world.Server.Reachable = true;
        world.Run(120);

        string[] sequence = world.Server.TransactionCalls.Select(c => c.Action + (c.Action == "StopTransaction" ? ":" + c.Str("reason") : "")).ToArray();
        Assert.Equal(new[]
        {
            "StartTransaction", "MeterValues", "MeterValues", "StopTransaction:Local",
            "StartTransaction", "MeterValues", "StopTransaction:PowerLoss",
        }, sequence);
        Assert.Equal(3, world.Server.CallsOf("StartTransaction").Last().Int("connectorId"));
        AssertNoViolations(world);
    }

    [Fact]
    public void OfflineEvents_AreStampedWithTheirRealTime()
    {
        CabinetWorld world = NewWorld();
        world.StartCharging(Alice, 101);
        world.Server.Reachable = false;
        world.Server.Disconnect();
        world.Run(30);
        world.PowerCut();
        world.PowerOn();
        world.Run(20);
        world.StartCharging(Alice, 102);
        world.Run(30);
        world.Server.Reachable = true;
        world.Run(60);

        ServerCall offlineStart = world.Server.CallsOf("StartTransaction").Single(c => c.Int("connectorId") == 2);
        DateTime contactorClosed = CabinetWorld.Origin.AddMilliseconds(world.Contactors.History.Last(e => e.Bay == 2 && e.Closed).MonotonicMs);
        Assert.Equal(contactorClosed, offlineStart.Time("timestamp"));
    }

    [Fact]
    public void Availability_SurvivesReboot()
    {
        CabinetWorld world = NewWorld();
        Assert.True(world.Cabinet.Journal.RecordAvailability(2, false));

        world.PowerCut();
        world.PowerOn();
        world.Run(10);

        Assert.Equal(BayStatus.Unavailable, world.Cabinet.GetBay(2)!.Status);
        Assert.Equal("Unavailable", world.Server.CallsOf("StatusNotification").Last(c => c.Int("connectorId") == 2 && c.Boot == 2).Str("status"));
    }
}
