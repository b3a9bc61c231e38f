using System.Text;
using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Simulation;

public class SerialLineAndWatchdogTests
{
    [Fact]
    public void InjectedTextIsRead()
    {
        var line = new SimulatedSerialLine();
        line.Inject("état\r\n");
        var buffer = new byte[32];

        int count = line.Read(buffer, 0, buffer.Length);
        int afterwards = line.Read(buffer, 0, buffer.Length);

        Assert.Equal("état\r\n", Encoding.UTF8.GetString(buffer, 0, count));
        Assert.Equal(0, afterwards);
    }

    [Fact]
    public void ReadStopsAtCount()
    {
        var line = new SimulatedSerialLine();
        line.Inject("abcdef");
        var buffer = new byte[4];

        int count = line.Read(buffer, 1, 3);

        Assert.Equal(3, count);
        Assert.Equal(3, line.PendingInputCount);
    }

    [Fact]
    public void WrittenBytesAreCaptured()
    {
        var line = new SimulatedSerialLine();
        byte[] output = Encoding.UTF8.GetBytes("xxOK\r\n");

        line.Write(output, 2, 4);

        Assert.Equal("OK\r\n", line.TakeOutput());
        Assert.Equal(string.Empty, line.PeekOutput());
    }

    [Fact]
    public void WatchdogUnarmedNeverExpires()
    {
        var clock = new ManualClock();
        var watchdog = new SimulatedWatchdog(clock);

        clock.AdvanceSeconds(3600);

        Assert.False(watchdog.IsExpired);
    }

    [Fact]
    public void WatchdogExpiresWithoutFeed()
    {
        var clock = new ManualClock();
        var watchdog = new SimulatedWatchdog(clock);
        watchdog.Start(5000);

        clock.AdvanceMs(5000);
        bool atTimeout = watchdog.IsExpired;
        clock.AdvanceMs(1);

        Assert.False(atTimeout);
        Assert.True(watchdog.IsExpired);
    }

    [Fact]
    public void FeedRestartsTimeout()
    {
        var clock = new ManualClock();
        var watchdog = new SimulatedWatchdog(clock);
        watchdog.Start(1000);

        clock.AdvanceMs(800);
        watchdog.Feed();
        clock.AdvanceMs(300);
        watchdog.Feed();
        clock.AdvanceMs(900);

        Assert.False(watchdog.IsExpired);
        Assert.Equal(800, watchdog.MaxFeedGapMs);
        Assert.Equal(2, watchdog.FeedCount);
    }

    [Fact]
    public void NonPositiveTimeoutThrows()
    {
        var watchdog = new SimulatedWatchdog(new ManualClock());

        Assert.Throws<ArgumentOutOfRangeException>(() => watchdog.Start(0));
    }
}
