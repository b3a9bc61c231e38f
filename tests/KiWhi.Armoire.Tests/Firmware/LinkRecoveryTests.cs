using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Firmware;

/// <summary>
/// Reconnection back-off with jitter, WebSocket ping settings and half-open link detection. A
/// reconnect is not a reboot, so none of them sends BootNotification (OCPP-J 1.6 §5.4).
/// </summary>
public class LinkRecoveryTests : CabinetTestBase
{
    [Fact]
    public void BackoffDoublesUpToMaximum()
    {
        var backoff = new ReconnectBackoff(new SeededRandomSource(1));

        long[] delays = Enumerable.Range(0, 8).Select(_ => backoff.NextDelayMs(10, 300, 0)).ToArray();

        Assert.Equal(new long[] { 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000 }, delays);
        Assert.Equal(8, backoff.Attempts);
    }

    [Fact]
    public void BackoffResetRestartsFirstDelay()
    {
        var backoff = new ReconnectBackoff(new SeededRandomSource(1));
        backoff.NextDelayMs(10, 300, 0);
        backoff.NextDelayMs(10, 300, 0);

        backoff.Reset();

        Assert.Equal(10_000, backoff.NextDelayMs(10, 300, 0));
    }

    [Fact]
    public void MaximumBelowFirstDelayWins()
    {
        var backoff = new ReconnectBackoff(new SeededRandomSource(1));

        Assert.Equal(4_000, backoff.NextDelayMs(10, 4, 0));
        Assert.Equal(4_000, backoff.NextDelayMs(10, 4, 0));
    }

    [Fact]
    public void JitterIsUniformWithinBounds()
    {
        const int draws = 20_000;
        const int bins = 10;
        var backoff = new ReconnectBackoff(new SeededRandomSource(20261204));
        var histogram = new int[bins];
        double sum = 0;

        for (int i = 0; i < draws; i++)
        {
            backoff.Reset();
            long delayMs = backoff.NextDelayMs(100, 300, 25);
            Assert.InRange(delayMs, 75_000, 124_999);
            sum += delayMs;
            histogram[(int)((delayMs - 75_000) * bins / 50_000)]++;
        }

        // With 20 000 draws, each bin of a uniform distribution gets 2 000 ± 3 standard deviations (about 130).
        Assert.InRange(sum / draws, 99_000, 101_000);
        Assert.All(histogram, count => Assert.InRange(count, 1_850, 2_150));
    }

    [Fact]
    public void SeedsSpreadFirstReconnection()
    {
        long[] firstDelays = Enumerable.Range(0, 50)
            .Select(seed => new ReconnectBackoff(new SeededRandomSource(seed)).NextDelayMs(10, 300, 25))
            .ToArray();

        Assert.True(firstDelays.Distinct().Count() > 45, string.Join(", ", firstDelays));
        Assert.True(firstDelays.Max() - firstDelays.Min() > 3_000, "the delays spread over less than 3 s");
    }

    [Fact]
    public void JitterIsClampedToMaximum()
    {
        var backoff = new ReconnectBackoff(new SeededRandomSource(5));

        for (int i = 0; i < 1000; i++)
        {
            backoff.Reset();
            Assert.InRange(backoff.NextDelayMs(10, 300, 500), 1_000, 19_000);
        }
    }

    [Fact]
    public void FailedConnectsBackOffExponentially()
    {
        var rig = NewRig(configure: c =>
        {
            c.ReconnectDelaySeconds = 5;
            c.ReconnectMaxDelaySeconds = 60;
            c.ReconnectJitterPercent = 25;
        });
        rig.Server.Reachable = false;
        rig.Server.Disconnect();

        rig.Run(400);

        long[] times = rig.Server.ConnectTimesMs.Skip(1).ToArray();
        long disconnectedAtMs = 1000 + 1000;
        var gaps = new List<long> { times[0] - disconnectedAtMs };
        for (int i = 1; i < times.Length; i++)
        {
            gaps.Add(times[i] - times[i - 1]);
        }

        for (int i = 0; i < gaps.Count; i++)
        {
            long baseMs = Math.Min(5_000L << Math.Min(i, 20), 60_000);
            // The loop runs every 100 ms: an attempt starts up to one step late and its failure is seen one step later.
            Assert.InRange(gaps[i], baseMs * 3 / 4, baseMs * 5 / 4 + 2 * CabinetRig.StepMs);
        }

        Assert.InRange(times.Length, 7, 11);
        Assert.Single(rig.Server.CallsOf("BootNotification"));
    }

    [Fact]
    public void ReconnectionResetsBackoff()
    {
        var rig = NewRig(configure: c => c.ReconnectJitterPercent = 0);
        rig.Server.Reachable = false;
        rig.Server.Disconnect();
        rig.Run(80);
        Assert.True(rig.Cabinet.ChargePoint.ReconnectAttempts >= 4);
        rig.Server.Reachable = true;
        rig.Run(90);
        Assert.True(rig.Cabinet.ChargePoint.IsOnline);

        int connects = rig.Server.ConnectCount;
        rig.Server.Disconnect();
        rig.Run(rig.Configuration.ReconnectDelaySeconds + 1);

        Assert.Equal(connects + 1, rig.Server.ConnectCount);
        Assert.Single(rig.Server.CallsOf("BootNotification"));
    }

    [Fact]
    public void PingIntervalReachesTransport()
    {
        var rig = NewRig(configure: c => c.WebSocketPingInterval = 45);

        Assert.Equal(45, rig.Server.PingIntervalSeconds);
    }

    [Fact]
    public void SilentLinkIsClosedAsHalfOpen()
    {
        var rig = NewRig(start: false);
        rig.Server.BootAnswers[0] = ("Accepted", 60);
        rig.Cabinet.Start();
        rig.Run(1);
        rig.Server.Silent.Add("Heartbeat");

        // The last frame (a StatusNotification.conf) arrived within 2 s of power-on, so the link is stale from 122 s on.
        rig.Run(117);
        Assert.Equal(0, rig.Cabinet.ChargePoint.StaleLinkCloses);
        rig.Run(5);
        Assert.Equal(1, rig.Cabinet.ChargePoint.StaleLinkCloses);

        rig.Server.Silent.Clear();
        rig.Run(rig.Configuration.ReconnectDelaySeconds * 1.25 + 1);

        Assert.Equal(2, rig.Server.ConnectCount);
        Assert.True(rig.Cabinet.ChargePoint.IsOnline);
        Assert.Single(rig.Server.CallsOf("BootNotification"));
    }

    [Fact]
    public void AnsweredHeartbeatsKeepLinkOpen()
    {
        var rig = NewRig(start: false);
        rig.Server.BootAnswers[0] = ("Accepted", 60);
        rig.Cabinet.Start();

        rig.Run(1000);

        Assert.Equal(0, rig.Cabinet.ChargePoint.StaleLinkCloses);
        Assert.Equal(1, rig.Server.ConnectCount);
    }

    [Fact]
    public void StaleCheckCanBeTurnedOff()
    {
        var rig = NewRig(start: false, configure: c => c.StaleLinkHeartbeatIntervals = 0);
        rig.Server.BootAnswers[0] = ("Accepted", 60);
        rig.Cabinet.Start();
        rig.Server.Silent.Add("Heartbeat");

        rig.Run(600);

        Assert.Equal(0, rig.Cabinet.ChargePoint.StaleLinkCloses);
        Assert.Equal(1, rig.Server.ConnectCount);
    }

    [Fact]
    public void UnreportedClosureStillReconnects()
    {
        var rig = NewRig(start: false);
        rig.Server.BootAnswers[0] = ("Accepted", 60);
        rig.Server.ReportsClose = false;
        rig.Cabinet.Start();
        rig.Server.Silent.Add("Heartbeat");
        rig.Run(123);
        Assert.Equal(LinkState.Closing, rig.Cabinet.ChargePoint.Link);

        rig.Server.Silent.Clear();
        rig.Run(ChargePoint.CloseConfirmTimeoutMs / 1000.0 + rig.Configuration.ReconnectDelaySeconds * 1.25 + 1);

        Assert.Equal(2, rig.Server.ConnectCount);
        Assert.True(rig.Cabinet.ChargePoint.IsOnline);
    }
}
