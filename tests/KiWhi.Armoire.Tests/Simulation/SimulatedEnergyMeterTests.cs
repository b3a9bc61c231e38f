using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Simulation;

public class SimulatedEnergyMeterTests
{
    private static (ManualClock Clock, SimulatedContactorBank Bank, SimulatedEnergyMeter Meter) Create(double powerW)
    {
        var clock = new ManualClock();
        var bank = new SimulatedContactorBank(2, true, clock);
        return (clock, bank, new SimulatedEnergyMeter(bank, powerW));
    }

    [Fact]
    public void RegisterGrowsWhileClosed()
    {
        var (clock, bank, meter) = Create(7400);

        bank.Set(1, true);
        clock.AdvanceSeconds(30 * 60);

        Assert.Equal(3700, meter.ReadRegisterWh(1));
        Assert.Equal(0, meter.ReadRegisterWh(2));
    }

    [Fact]
    public void RegisterHoldsWhileOpen()
    {
        var (clock, _, meter) = Create(7400);

        clock.AdvanceSeconds(3600);

        Assert.Equal(0, meter.ReadRegisterWh(1));
    }

    [Fact]
    public void OnlyClosedIntervalsCount()
    {
        var (clock, bank, meter) = Create(3600);

        bank.Set(1, true);
        clock.AdvanceSeconds(600);
        bank.Set(1, false);
        clock.AdvanceSeconds(600);
        bank.Set(1, true);
        clock.AdvanceSeconds(300);

        // 3600 W for 900 s = 900 Wh.
        Assert.Equal(900, meter.ReadRegisterWh(1));
    }

    [Fact]
    public void PowerChangeAppliesFromNow()
    {
        var (clock, bank, meter) = Create(3600);
        bank.Set(1, true);
        clock.AdvanceSeconds(600);

        meter.SetPowerW(1, 0);
        clock.AdvanceSeconds(600);

        Assert.Equal(600, meter.ReadRegisterWh(1));
    }

    [Fact]
    public void RegisterRoundsDown()
    {
        var (clock, bank, meter) = Create(1);
        bank.Set(1, true);

        clock.AdvanceMs(3600 * 1000 - 1);

        Assert.Equal(0, meter.ReadRegisterWh(1));
    }

    [Fact]
    public void ContactorClosedBeforeMeterCounts()
    {
        var clock = new ManualClock();
        var bank = new SimulatedContactorBank(1, true, clock);
        bank.Set(1, true);
        clock.AdvanceSeconds(600);

        var meter = new SimulatedEnergyMeter(bank, 3600);
        clock.AdvanceSeconds(600);

        Assert.Equal(600, meter.ReadRegisterWh(1));
    }

    [Fact]
    public void AddEnergyAddsToRegister()
    {
        var meter = new SimulatedEnergyMeter(2);

        meter.AddEnergy(2, 1500.5);
        meter.AddEnergy(2, 0.5);

        Assert.Equal(1501, meter.ReadRegisterWh(2));
        Assert.Equal(0, meter.ReadRegisterWh(1));
    }

    [Fact]
    public void NegativeEnergyThrows()
    {
        var meter = new SimulatedEnergyMeter(1);

        Assert.Throws<ArgumentOutOfRangeException>(() => meter.AddEnergy(1, -1));
    }

    [Fact]
    public void SetRegisterOverwrites()
    {
        var meter = new SimulatedEnergyMeter(1);
        meter.AddEnergy(1, 500);

        meter.SetRegisterWh(1, 120);

        Assert.Equal(120, meter.ReadRegisterWh(1));
    }

    [Fact]
    public void BankWithoutClockIsRejected()
    {
        var bank = new SimulatedContactorBank(1, true);

        Assert.Throws<ArgumentException>(() => new SimulatedEnergyMeter(bank, 1000));
    }

    [Fact]
    public void BayOutOfRangeThrows()
    {
        var meter = new SimulatedEnergyMeter(2);

        Assert.Throws<ArgumentOutOfRangeException>(() => meter.ReadRegisterWh(3));
    }
}
