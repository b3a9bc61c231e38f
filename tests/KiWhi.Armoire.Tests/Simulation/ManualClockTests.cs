using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Simulation;

public class ManualClockTests
{
    [Fact]
    public void StartsAtGivenTime()
    {
        var clock = new ManualClock(1500);

        Assert.Equal(1500, clock.MonotonicMs);
    }

    [Fact]
    public void AdvanceMovesMonotonicTime()
    {
        var clock = new ManualClock();

        clock.AdvanceMs(250);
        clock.AdvanceSeconds(2);

        Assert.Equal(2250, clock.MonotonicMs);
    }

    [Fact]
    public void NegativeAdvanceThrows()
    {
        var clock = new ManualClock(10);

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.AdvanceMs(-1));
        Assert.Equal(10, clock.MonotonicMs);
    }

    [Fact]
    public void WallClockUnsetReportsEpochPlusUptime()
    {
        var clock = new ManualClock();
        clock.AdvanceMs(5000);

        Assert.False(clock.IsWallClockSet);
        Assert.Equal(DateTime.UnixEpoch.AddSeconds(5), clock.UtcNow);
    }

    [Fact]
    public void WallClockAdvancesWithMonotonicTime()
    {
        var clock = new ManualClock(100);
        var set = new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc);

        clock.SetUtcNow(set);
        clock.AdvanceMs(1500);

        Assert.True(clock.IsWallClockSet);
        Assert.Equal(set.AddMilliseconds(1500), clock.UtcNow);
        Assert.Equal(DateTimeKind.Utc, clock.UtcNow.Kind);
    }

    [Fact]
    public void UnspecifiedKindIsTakenAsUtc()
    {
        var clock = new ManualClock();

        clock.SetUtcNow(new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Unspecified));

        Assert.Equal(new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc), clock.UtcNow);
        Assert.Equal(DateTimeKind.Utc, clock.UtcNow.Kind);
    }

    [Fact]
    public void LocalKindIsConverted()
    {
        var clock = new ManualClock();
        var utc = new DateTime(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc);

        clock.SetUtcNow(utc.ToLocalTime());

        Assert.Equal(utc, clock.UtcNow);
    }
}
