using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Tests.Firmware;

namespace KiWhi.Armoire.Tests.Console;

/// <summary>The relay test, the one allowed exception to "closed only for an authorized session": idle, available bay, bounded time.</summary>
public class RelayTestTests
{
    private static CabinetRig NewRig()
    {
        var rig = new CabinetRig(2);
        return rig;
    }

    [Fact]
    public void RelayTest_OpensAfterItsDuration()
    {
        CabinetRig rig = NewRig();

        Assert.Equal(RelayTestResult.Started, rig.Cabinet.StartRelayTest(1, 3));
        rig.Run(2.9);
        Assert.True(rig.IsClosed(1));
        rig.Run(0.2);

        Assert.False(rig.IsClosed(1));
        Assert.Equal(0, rig.Cabinet.RelayTestConnectorId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(Cabinet.MaxRelayTestSeconds + 1)]
    public void RelayTest_RefusesDurationsOutsideTheLimit(int seconds)
    {
        CabinetRig rig = NewRig();

        Assert.Equal(RelayTestResult.InvalidDuration, rig.Cabinet.StartRelayTest(1, seconds));
        Assert.False(rig.IsClosed(1));
    }

    [Fact]
    public void RelayTest_RefusesABayWithASession()
    {
        CabinetRig rig = NewRig();
        rig.StartCharging("04A1B2C3D4E5F6", 101);

        Assert.Equal(RelayTestResult.SessionActive, rig.Cabinet.StartRelayTest(1, 5));
    }

    [Theory]
    [InlineData(BayStatus.Unavailable)]
    [InlineData(BayStatus.Faulted)]
    public void RelayTest_RefusesABayOutOfService(BayStatus status)
    {
        CabinetRig rig = NewRig();
        rig.Cabinet.GetBay(2)!.Status = status;

        Assert.Equal(RelayTestResult.NotAvailable, rig.Cabinet.StartRelayTest(2, 5));
        Assert.False(rig.IsClosed(2));
    }

    [Fact]
    public void RelayTest_RunsOneBayAtATime()
    {
        CabinetRig rig = NewRig();
        rig.Cabinet.StartRelayTest(1, 5);

        Assert.Equal(RelayTestResult.AlreadyRunning, rig.Cabinet.StartRelayTest(2, 5));
        Assert.False(rig.IsClosed(2));
    }

    [Fact]
    public void RelayTest_BlocksSessionsOnItsBay()
    {
        CabinetRig rig = NewRig();
        rig.Cabinet.StartRelayTest(1, 30);

        rig.StartCharging("04A1B2C3D4E5F6", 101);

        Assert.False(rig.Cabinet.GetBay(1)!.HasSession);
        Assert.Empty(rig.Server.CallsOf("StartTransaction"));
    }

    [Fact]
    public void RelayTest_EndsWhenTheBayFaults()
    {
        CabinetRig rig = NewRig();
        rig.Cabinet.StartRelayTest(1, 30);

        rig.Cabinet.GetBay(1)!.Status = BayStatus.Faulted;
        rig.Run(0.1);

        Assert.False(rig.IsClosed(1));
    }

    [Fact]
    public void LoopFault_EndsTheRelayTest()
    {
        CabinetRig rig = NewRig();
        rig.Cabinet.StartRelayTest(1, 30);

        rig.Cabinet.InjectFault("test");

        Assert.False(rig.IsClosed(1));
        Assert.Equal(0, rig.Cabinet.RelayTestConnectorId);
    }

    [Fact]
    public void RebootRequest_StopsSessionsAndOpensEveryContactor()
    {
        CabinetRig rig = NewRig();
        rig.StartCharging("04A1B2C3D4E5F6", 101);

        rig.Cabinet.RequestReboot("test");

        Assert.True(rig.Cabinet.RebootRequested);
        Assert.Empty(rig.Contactors.ClosedBays());
        Assert.False(rig.Cabinet.GetBay(1)!.HasSession);
    }

    [Fact]
    public void RebootRequest_IgnoresCardsAfterwards()
    {
        CabinetRig rig = NewRig();
        rig.Cabinet.RequestReboot("test");

        rig.StartCharging("04A1B2C3D4E5F6", 101);

        Assert.Empty(rig.Contactors.ClosedBays());
    }

    [Fact]
    public void ConsoleEnter_OpensTheRelaySooner()
    {
        var console = new ConsoleRig("en");
        console.Start();
        console.LogIn();
        console.Type("test relay 1 30");
        Assert.True(console.Rig.IsClosed(1));

        string answer = console.Type("");

        Assert.False(console.Rig.IsClosed(1));
        Assert.Contains("Contactor of bay 1 open.", answer);
    }
}
