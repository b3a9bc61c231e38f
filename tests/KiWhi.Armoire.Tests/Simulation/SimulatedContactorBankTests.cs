using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Simulation;

public class SimulatedContactorBankTests
{
    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void StartsOpenAtInactiveLevel(bool activeHigh, bool pinHigh)
    {
        var bank = new SimulatedContactorBank(3, activeHigh);

        for (int bay = 1; bay <= 3; bay++)
        {
            Assert.False(bank.IsClosed(bay));
            Assert.Equal(pinHigh, bank.IsPinHigh(bay));
        }
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void ClosedBayDrivesActiveLevel(bool activeHigh, bool pinHigh)
    {
        var bank = new SimulatedContactorBank(2, activeHigh);

        bank.Set(2, true);

        Assert.True(bank.IsClosed(2));
        Assert.Equal(pinHigh, bank.IsPinHigh(2));
        Assert.False(bank.IsClosed(1));
    }

    [Fact]
    public void SwitchesAreStampedWithClock()
    {
        var clock = new ManualClock(1000);
        var bank = new SimulatedContactorBank(2, true, clock);

        bank.Set(1, true);
        clock.AdvanceMs(500);
        bank.Set(1, false);

        Assert.Equal(
            new[] { new ContactorSwitchEvent(1, true, 1000), new ContactorSwitchEvent(1, false, 1500) },
            bank.History);
    }

    [Fact]
    public void RepeatedCommandIsNotASwitch()
    {
        var bank = new SimulatedContactorBank(1, true);

        bank.Set(1, true);
        bank.Set(1, true);

        Assert.Single(bank.History);
        Assert.Equal(1, bank.ClosureCount(1));
        Assert.Equal(2, bank.SetCallCount);
    }

    [Fact]
    public void OpenAllOpensClosedBays()
    {
        var bank = new SimulatedContactorBank(4, false);
        bank.Set(1, true);
        bank.Set(3, true);

        bank.OpenAll();

        Assert.Empty(bank.ClosedBays());
        Assert.Equal(4, bank.History.Length);
        Assert.Equal(2, bank.TotalClosureCount);
    }

    [Fact]
    public void ClosedBaysAreListedInOrder()
    {
        var bank = new SimulatedContactorBank(4, true);
        bank.Set(4, true);
        bank.Set(2, true);

        Assert.Equal(new[] { 2, 4 }, bank.ClosedBays());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-1)]
    public void BayOutOfRangeThrows(int bay)
    {
        var bank = new SimulatedContactorBank(2, true);

        Assert.Throws<ArgumentOutOfRangeException>(() => bank.Set(bay, true));
        Assert.Throws<ArgumentOutOfRangeException>(() => bank.IsClosed(bay));
    }

    [Fact]
    public void HistoryKeepsNewestEntries()
    {
        var bank = new SimulatedContactorBank(1, true, historyCapacity: 2);

        bank.Set(1, true);
        bank.Set(1, false);
        bank.Set(1, true);

        Assert.Equal(new[] { false, true }, bank.History.Select(e => e.Closed).ToArray());
        Assert.Equal(2, bank.ClosureCount(1));
    }
}
