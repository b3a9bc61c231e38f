using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Simulation;

public class SystemClockTests
{
    [Fact]
    public void MonotonicTimeAdvances()
    {
        var clock = new SystemClock();
        long before = clock.MonotonicMs;

        Thread.Sleep(30);

        Assert.True(clock.MonotonicMs - before >= 20, "expected at least 20 ms after sleeping 30 ms");
    }

    [Fact]
    public void WallClockStartsUnset()
    {
        var clock = new SystemClock();

        Assert.False(clock.IsWallClockSet);
        Assert.True(clock.UtcNow < new DateTime(1971, 1, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void WallClockFollowsSetTime()
    {
        var clock = new SystemClock();
        var set = new DateTime(2030, 6, 1, 8, 0, 0, DateTimeKind.Utc);

        clock.SetUtcNow(set);
        Thread.Sleep(30);
        TimeSpan elapsed = clock.UtcNow - set;

        Assert.True(clock.IsWallClockSet);
        Assert.InRange(elapsed.TotalMilliseconds, 20, 5000);
    }
}
