using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.InstallerChecks;

/// <summary>The host S0 meter counts like the device adapter: pulses per input, register = pulses × 1000 / imp/kWh, rounded down.</summary>
public class SimulatedPulseMeterTests
{
    [Fact]
    public void Pulse_CountsOnItsOwnInput()
    {
        var meter = new SimulatedPulseMeter(2, 1000);

        meter.Pulse(2);
        meter.Pulse(2);

        Assert.Equal(0, meter.ReadPulseCount(1));
        Assert.Equal(2, meter.ReadPulseCount(2));
    }

    [Theory]
    [InlineData(1000, 3, 3)]
    [InlineData(2000, 3, 1)]
    [InlineData(100, 3, 30)]
    public void Register_RoundsDownToWholeWh(int pulsesPerKwh, int pulses, long expectedWh)
    {
        var meter = new SimulatedPulseMeter(1, pulsesPerKwh);
        for (int i = 0; i < pulses; i++)
        {
            meter.Pulse(1);
        }

        Assert.Equal(expectedWh, meter.ReadRegisterWh(1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void UnknownBay_ReadsZero(int bay)
    {
        var meter = new SimulatedPulseMeter(2, 1000);
        meter.Pulse(1);

        Assert.Equal(0, meter.ReadPulseCount(bay));
        Assert.Equal(0, meter.ReadRegisterWh(bay));
    }

    [Fact]
    public void UnknownBay_PulseRejected()
    {
        var meter = new SimulatedPulseMeter(2, 1000);

        Assert.Throws<ArgumentOutOfRangeException>(() => meter.Pulse(3));
    }
}
