using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Firmware.Journal;

namespace KiWhi.Armoire.Tests.Journal;

public sealed class JournalClockTests
{
    private static readonly DateTime ServerTime = new(2026, 12, 4, 8, 0, 0, DateTimeKind.Utc);

    private static DateTime StampOf(JournalHarness journal, TransactionMessage message)
    {
        Assert.True(journal.Queue.TryGetTimestamp(message, out DateTime stamp), "the message's time cannot be resolved");
        return stamp;
    }

    [Fact]
    public void EventBeforeSync_WaitsForTheClock()
    {
        JournalHarness journal = JournalHarness.Open();
        journal.Start(1, 1, "04A1B2C3", 100);

        bool resolved = journal.Queue.TryGetTimestamp(journal.Queue.Peek()!, out _);

        Assert.False(resolved);
        Assert.False(journal.Queue.Peek()!.EventTime.HasUtc);
    }

    [Fact]
    public void EventBeforeSync_IsStampedFromTheAnchor()
    {
        JournalHarness journal = JournalHarness.Open();
        journal.Clock.AdvanceMs(4000);
        journal.Start(1, 1, "04A1B2C3", 100);
        journal.Clock.AdvanceMs(60000);
        journal.Clock.SetUtcNow(ServerTime);
        journal.Journal.OnWallClockChanged();

        Assert.Equal(ServerTime.AddSeconds(-60), StampOf(journal, journal.Queue.Peek()!));
    }

    [Fact]
    public void EventAfterSync_CarriesItsUtcTime()
    {
        JournalHarness journal = JournalHarness.Open();
        journal.Clock.SetUtcNow(ServerTime);
        journal.Clock.AdvanceMs(2500);

        journal.Start(1, 1, "04A1B2C3", 100);

        Assert.True(journal.Queue.Peek()!.EventTime.HasUtc);
        Assert.Equal(ServerTime.AddMilliseconds(2500), StampOf(journal, journal.Queue.Peek()!));
    }

    [Fact]
    public void EarlierBootAnchor_SurvivesReboot()
    {
        JournalHarness journal = JournalHarness.Open();
        journal.Clock.AdvanceMs(4000);
        journal.Start(1, 1, "04A1B2C3", 100);
        journal.Clock.AdvanceMs(60000);
        journal.Clock.SetUtcNow(ServerTime);
        journal.Journal.OnWallClockChanged();

        JournalHarness rebooted = journal.Reboot();
        bool resolvedBeforeSync = rebooted.Queue.TryGetTimestamp(rebooted.Queue.Peek()!, out DateTime early);

        Assert.True(resolvedBeforeSync);
        Assert.Equal(ServerTime.AddSeconds(-60), early);
    }

    // Boot 1 never synchronises: event at 5 s, last journaled event at 20 s, power cut at 25 s, 30 s
    // without power. Boot 2 synchronises 1 s after power-on. The estimate assumes no outage: boot 1
    // ended at its last event, when boot 2 began.
    [Fact]
    public void UnsyncedBoot_IsEstimatedFromNextBoot()
    {
        DateTime worldStart = ServerTime;
        JournalHarness journal = JournalHarness.Open();
        long powerOnMs = journal.Clock.MonotonicMs;
        journal.Clock.AdvanceMs(5000 - powerOnMs);
        journal.Start(1, 1, "04A1B2C3", 100);
        journal.Clock.AdvanceMs(15000);
        journal.MeterValues(1, 1, 130);
        journal.Clock.AdvanceMs(5000);

        JournalHarness rebooted = journal.Reboot();
        rebooted.Clock.AdvanceMs(1000);
        DateTime syncTime = worldStart.AddMilliseconds(25000 + 30000 + 1000);
        rebooted.Clock.SetUtcNow(syncTime);
        rebooted.Journal.OnWallClockChanged();

        DateTime bootTwoStart = syncTime.AddSeconds(-1);
        DateTime estimatedBootOneStart = bootTwoStart.AddSeconds(-20);
        DateTime stamp = StampOf(rebooted, rebooted.Queue.Peek()!);
        Assert.Equal(estimatedBootOneStart.AddSeconds(5), stamp);
        Assert.True(stamp >= worldStart.AddSeconds(5), "an estimate is never earlier than the event");
        Assert.True(rebooted.Log.Contains("estimated start"));
    }

    [Fact]
    public void EstimatedBoot_KeepsItsStampsAcrossFurtherReboots()
    {
        JournalHarness journal = JournalHarness.Open();
        journal.Clock.AdvanceMs(4000);
        journal.Start(1, 1, "04A1B2C3", 100);
        JournalHarness second = journal.Reboot();
        second.Clock.AdvanceMs(1000);
        second.Clock.SetUtcNow(ServerTime);
        second.Journal.OnWallClockChanged();
        DateTime estimated = StampOf(second, second.Queue.Peek()!);

        JournalHarness third = second.Reboot();

        Assert.True(third.Queue.TryGetTimestamp(third.Queue.Peek()!, out DateTime again));
        Assert.Equal(estimated, again);
    }

    [Fact]
    public void BackwardStep_KeepsQueuedStamps()
    {
        JournalHarness journal = JournalHarness.Open();
        journal.Clock.SetUtcNow(ServerTime);
        journal.Clock.AdvanceMs(10000);
        journal.Start(1, 1, "04A1B2C3", 100);
        journal.Clock.AdvanceMs(10000);
        journal.Start(2, 2, "04A1B2C4", 200);

        journal.Clock.SetUtcNow(ServerTime.AddHours(-1));
        journal.Journal.OnWallClockChanged();
        journal.Start(3, 3, "04A1B2C5", 300);

        var stamps = new List<DateTime>();
        var sessions = new List<int>();
        while (journal.Queue.Peek() is TransactionMessage head)
        {
            stamps.Add(StampOf(journal, head));
            sessions.Add(head.SessionId);
            journal.ConfirmHead();
        }

        Assert.Equal(new[] { 1, 2, 3 }, sessions);
        Assert.Equal(ServerTime.AddSeconds(10), stamps[0]);
        Assert.Equal(ServerTime.AddSeconds(20), stamps[1]);
        Assert.Equal(ServerTime.AddHours(-1), stamps[2]);
    }

    [Fact]
    public void SessionMessage_NotStampedBeforeStart()
    {
        JournalHarness journal = JournalHarness.Open();
        journal.Clock.SetUtcNow(ServerTime);
        journal.Start(1, 1, "04A1B2C3", 100);
        journal.ConfirmHead();
        journal.Clock.SetUtcNow(ServerTime.AddMinutes(-30));
        journal.Clock.AdvanceMs(60000);

        journal.Stop(1, 1, 250);

        Assert.Equal(ServerTime, StampOf(journal, journal.Queue.Peek()!));
    }

    [Fact]
    public void ImplausibleWallClock_IsTreatedAsUnset()
    {
        JournalHarness journal = JournalHarness.Open();
        journal.Clock.SetUtcNow(new DateTime(1970, 1, 1, 0, 5, 0, DateTimeKind.Utc));
        journal.Journal.OnWallClockChanged();

        journal.Start(1, 1, "04A1B2C3", 100);

        Assert.False(journal.Queue.Peek()!.EventTime.HasUtc);
        Assert.False(journal.Queue.TryGetTimestamp(journal.Queue.Peek()!, out _));
    }

    [Fact]
    public void ClockTable_DropsTheOldestBootWhenFull()
    {
        var clock = new JournalClock(new Hal.Simulation.ManualClock());
        for (int boot = 1; boot <= JournalClock.Capacity + 5; boot++)
        {
            clock.ApplyBoot(boot);
        }

        Assert.Equal(JournalClock.Capacity, clock.Count);
        Assert.Equal(-1, clock.IndexOf(5));
        Assert.Equal(0, clock.IndexOf(6));
    }
}
