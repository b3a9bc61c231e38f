using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Firmware.Journal;
using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Protocol.Ocpp;

namespace KiWhi.Armoire.Tests.Journal;

public sealed class TransactionJournalTests
{
    private const string Uid7 = "04A1B2C3D4E580";

    [Fact]
    public void QueuedMessages_SurviveReboot()
    {
        JournalHarness journal = JournalHarness.Open();
        journal.Start(1, 2, Uid7, 5000);
        journal.MeterValues(1, 2, 5120);
        journal.Stop(1, 2, 5250);

        JournalHarness rebooted = journal.Reboot();

        Assert.Equal(3, rebooted.Queue.Count);
        Assert.Equal(new[]
        {
            "StartTransaction s1 c2 " + Uid7 + " 5000Wh",
            "MeterValues s1 c2 - 5120Wh tx5001",
            "StopTransaction s1 c2 " + Uid7 + " 5250Wh tx5001",
        }, rebooted.Drain());
    }

    [Fact]
    public void ConfirmedMessages_DoNotComeBack()
    {
        JournalHarness journal = JournalHarness.Open();
        journal.Start(1, 1, Uid7, 100);
        journal.Stop(1, 1, 300);
        journal.ConfirmHead();

        JournalHarness rebooted = journal.Reboot();

        Assert.Equal(new[] { "StopTransaction s1 c1 " + Uid7 + " 300Wh tx1001" }, rebooted.Drain());
    }

    [Fact]
    public void StopReason_SurvivesReboot()
    {
        JournalHarness journal = JournalHarness.Open();
        journal.Start(1, 1, Uid7, 100);
        journal.Stop(1, 1, 300, Reason.PowerLoss);

        JournalHarness rebooted = journal.Reboot();
        rebooted.ConfirmHead();

        Assert.Equal(Reason.PowerLoss, rebooted.Queue.Peek()!.Reason);
    }

    [Theory]
    [InlineData("04A1B2C3D4E580")]
    [InlineData("D4E58001")]
    [InlineData("resident-42@kiwhi")]
    [InlineData("abcdef0123")]
    [InlineData("Zoé")]
    [InlineData("")]
    public void IdTag_SurvivesReboot(string idTag)
    {
        JournalHarness journal = JournalHarness.Open();
        journal.Start(1, 1, idTag, 0);

        JournalHarness rebooted = journal.Reboot();

        Assert.Equal(idTag, rebooted.Queue.Peek()!.IdTag);
    }

    [Fact]
    public void OverlongIdTag_IsRejectedNotTruncated()
    {
        JournalHarness journal = JournalHarness.Open();

        bool queued = journal.Start(1, 1, new string('A', JournalRecord.MaxIdTagLength + 1) + "x", 0);

        Assert.False(queued);
        Assert.Equal(0, journal.Queue.Count);
    }

    [Fact]
    public void SessionIds_StayUniqueAcrossReboots()
    {
        JournalHarness journal = JournalHarness.Open();
        int first = journal.Journal.AllocateSessionId();
        int second = journal.Journal.AllocateSessionId();
        journal.Start(second, 1, Uid7, 0);

        JournalHarness rebooted = journal.Reboot();

        Assert.Equal(1, first);
        Assert.Equal(second + 1, rebooted.Journal.AllocateSessionId());
    }

    [Fact]
    public void SessionIds_SurviveSegmentDeletion()
    {
        JournalHarness journal = JournalHarness.Open();
        for (int session = 1; session <= 80; session++)
        {
            journal.Start(journal.Journal.AllocateSessionId(), 1, Uid7, session * 10);
            journal.Stop(session, 1, session * 10 + 5);
            journal.Drain();
        }

        JournalHarness rebooted = journal.Reboot();

        Assert.Equal(81, rebooted.Journal.AllocateSessionId());
    }

    // A record the journal writes itself (availability, register, clock anchor) can be the one that
    // opens a new segment; the snapshot written first must not replace it.
    [Fact]
    public void AvailabilityOpeningASegment_SurvivesReboot()
    {
        JournalHarness journal = JournalHarness.Open(segmentBytes: 2048, segmentCount: 8);
        int changes = 0;
        while (journal.Journal.Records.ActiveSegmentNumber == 1)
        {
            changes++;
            Assert.True(journal.Journal.RecordAvailability(2, changes % 2 == 0));
        }

        JournalHarness rebooted = journal.Reboot();

        Assert.Equal(changes % 2 == 0, rebooted.Journal.GetBay(2)!.Operative);
    }

    [Fact]
    public void BootNumber_CountsPowerOns()
    {
        JournalHarness journal = JournalHarness.Open();

        JournalHarness second = journal.Reboot();
        JournalHarness third = second.Reboot();

        Assert.Equal(1, journal.Journal.BootNumber);
        Assert.Equal(2, second.Journal.BootNumber);
        Assert.Equal(3, third.Journal.BootNumber);
    }

    // Every cut point of a run that queues, confirms and rolls segments over. Recovery must yield the
    // state after the last completed operation. It may also yield the state after the interrupted
    // operation, when its record was complete before the cut hit a later step (a segment deletion).
    [Theory]
    [InlineData(TearMode.Prefix)]
    [InlineData(TearMode.TornPage)]
    public void EveryCut_RecoversExactlyTheCommittedOperations(TearMode mode)
    {
        var reference = new JournalHarness();
        reference.Journal.Open();
        var states = new OperationProgress();
        RunOperations(reference, states);
        long units = reference.Flash.UnitsWritten;
        Assert.True(reference.Journal.Records.BytesWritten > 3 * 2048, "the run must roll segments over; it wrote " + reference.Journal.Records.BytesWritten + " bytes");

        for (long cut = 0; cut < units; cut++)
        {
            var flash = new PowerCutFlash(pageBytes: 64, seed: (int)cut);
            var harness = new JournalHarness(flash);
            var progress = new OperationProgress();
            flash.CutAt(cut, mode);
            Assert.Throws<PowerLossException>(() =>
            {
                harness.Journal.Open();
                RunOperations(harness, progress);
            });

            List<string> recovered = harness.Reboot().Drain(transactionIdBase: 5000);
            int completed = progress.States.Count - 1;
            List<string> before = completed < 0 ? new List<string>() : states.States[completed];
            List<string> after = states.States[Math.Min(completed + 1, states.States.Count - 1)];
            Assert.True(recovered.SequenceEqual(before) || recovered.SequenceEqual(after),
                "cut at unit " + cut + " after operation " + completed + ":\nrecovered " + string.Join(" | ", recovered)
                + "\nexpected  " + string.Join(" | ", before));
        }
    }

    /// <summary>What a drain would yield after each completed operation of <see cref="RunOperations"/>.</summary>
    private sealed class OperationProgress
    {
        public List<List<string>> States { get; } = new();
    }

    // Queues 70 sessions on 4 bays, confirming the head whenever more than 4 messages wait. Records, after
    // each completed operation, what a drain would then yield: confirmed sessions keep transactionId
    // 1000 + sessionId, the others get 5000 + sessionId from the drain.
    private static void RunOperations(JournalHarness journal, OperationProgress progress)
    {
        var queue = new List<(TransactionMessageKind Kind, int Session, int Connector, long Wh)>();
        var confirmed = new HashSet<int>();

        void Record()
        {
            progress.States.Add(queue.Select(m =>
            {
                string idTag = m.Kind == TransactionMessageKind.MeterValues ? "-" : "ID" + m.Session.ToString("D4");
                string transaction = "";
                if (m.Kind != TransactionMessageKind.StartTransaction)
                {
                    int transactionIdBase = confirmed.Contains(m.Session) ? 1000 : 5000;
                    transaction = " tx" + (transactionIdBase + m.Session);
                }

                return m.Kind + " s" + m.Session + " c" + m.Connector + " " + idTag + " " + m.Wh + "Wh" + transaction;
            }).ToList());
        }

        Record();
        for (int session = 1; session <= 70; session++)
        {
            int connector = session % 4 + 1;
            long wh = session * 1000L;
            var messages = new[]
            {
                (TransactionMessageKind.StartTransaction, session, connector, wh),
                (TransactionMessageKind.MeterValues, session, connector, wh + 120),
                (TransactionMessageKind.StopTransaction, session, connector, wh + 250),
            };
            foreach (var message in messages)
            {
                bool queued = message.Item1 switch
                {
                    TransactionMessageKind.StartTransaction => journal.Start(session, connector, "ID" + session.ToString("D4"), message.Item4),
                    TransactionMessageKind.MeterValues => journal.MeterValues(session, connector, message.Item4),
                    _ => journal.Stop(session, connector, message.Item4),
                };
                Assert.True(queued);
                queue.Add(message);
                Record();
                if (queue.Count > 4)
                {
                    var head = queue[0];
                    journal.ConfirmHead(transactionIdBase: 1000);
                    queue.RemoveAt(0);
                    if (head.Kind == TransactionMessageKind.StartTransaction)
                    {
                        confirmed.Add(head.Session);
                    }

                    Record();
                }
            }
        }
    }

    [Fact]
    public void TornTail_IsDroppedAndLaterRecordsSurvive()
    {
        var flash = new PowerCutFlash(pageBytes: 64);
        JournalHarness journal = JournalHarness.Open(flash);
        journal.Start(1, 1, Uid7, 100);
        journal.MeterValues(1, 1, 150);
        flash.CutAt(flash.UnitsWritten + 5, TearMode.TornPage);
        Assert.Throws<PowerLossException>(() => journal.MeterValues(1, 1, 200));

        JournalHarness rebooted = journal.Reboot();
        rebooted.MeterValues(1, 1, 260);
        rebooted.Stop(1, 1, 300);
        JournalHarness again = rebooted.Reboot();

        Assert.True(rebooted.Log.Contains("dropped"), string.Join("\n", rebooted.Log.Lines));
        Assert.Equal(new[] { 100L, 150, 260, 300 }, again.Drain().Select(WhOf));
    }

    [Fact]
    public void BitFlipInLastRecord_IsDropped()
    {
        for (int bit = 0; bit < 200; bit += 7)
        {
            var flash = new PowerCutFlash();
            JournalHarness journal = JournalHarness.Open(flash);
            journal.Start(1, 1, Uid7, 100);
            journal.MeterValues(1, 1, 150);
            journal.MeterValues(1, 1, 200);
            Assert.True(flash.FlipBitInLastWrite(bit));

            JournalHarness rebooted = journal.Reboot();

            Assert.Equal(new[] { 100L, 150 }, rebooted.Drain().Select(WhOf));
            Assert.True(rebooted.Log.Contains("dropped"), "bit " + bit);
        }
    }

    [Fact]
    public void UnreadableSegmentHeader_DeletesTheFile()
    {
        var flash = new PowerCutFlash();
        flash.Write("txj05.jnl", new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF }, 0, 11);

        JournalHarness journal = JournalHarness.Open(flash);

        Assert.Equal(-1, journal.Flash.GetLength("txj05.jnl"));
        Assert.True(journal.Log.Contains("no valid header"));
    }

    [Fact]
    public void ConfirmedSegments_AreDeleted()
    {
        JournalHarness journal = JournalHarness.Open(segmentBytes: 2048, segmentCount: 8);
        for (int session = 1; session <= 200; session++)
        {
            journal.Start(session, session % 4 + 1, Uid7, session * 100);
            journal.MeterValues(session, session % 4 + 1, session * 100 + 50);
            journal.Stop(session, session % 4 + 1, session * 100 + 90);
            journal.Drain();
        }

        Assert.True(journal.Journal.Records.BytesWritten > 10 * 2048);
        Assert.Equal(1, journal.Journal.Records.LiveSegments);
        Assert.Single(journal.Flash.FileNames);
    }

    // A cut right after the header of a new segment leaves no torn bytes, only a snapshot that never
    // finished. Recovery must open another segment, or the older one stays until the next rollover.
    [Fact]
    public void CutInsideSnapshot_FreesOldSegment()
    {
        JournalHarness reference = JournalHarness.Open(segmentBytes: 2048, segmentCount: 8);
        long unitsBeforeRollover = 0;
        int operations = 0;
        while (reference.Journal.Records.ActiveSegmentNumber == 1)
        {
            unitsBeforeRollover = reference.Flash.UnitsWritten;
            RunConfirmedSessionStep(reference, ++operations);
        }

        const int HeaderFrameBytes = RecordLog.FrameOverheadBytes + 2;
        var flash = new PowerCutFlash();
        flash.CutAt(unitsBeforeRollover + HeaderFrameBytes);
        JournalHarness journal = JournalHarness.Open(flash, segmentBytes: 2048, segmentCount: 8);
        Assert.Throws<PowerLossException>(() =>
        {
            for (int operation = 1; operation <= operations; operation++)
            {
                RunConfirmedSessionStep(journal, operation);
            }
        });

        JournalHarness rebooted = journal.Reboot();
        rebooted.Drain();

        Assert.Equal(12, flash.GetBytes("txj01.jnl")!.Length);
        Assert.Equal(1, rebooted.Journal.Records.LiveSegments);
        Assert.Single(rebooted.Flash.FileNames);
    }

    // Operation n of a run that keeps the queue almost empty, one record each: a session's
    // StartTransaction, its StopTransaction, then the confirmation of each.
    private static void RunConfirmedSessionStep(JournalHarness journal, int operation)
    {
        int session = operation / 4 + 1;
        switch (operation % 4)
        {
            case 0:
                journal.Start(session, 1, Uid7, session * 10);
                break;
            case 1:
                journal.Stop(session, 1, session * 10 + 5);
                break;
            default:
                journal.ConfirmHead();
                break;
        }
    }

    [Fact]
    public void LongQueue_ReadsBackInOrder()
    {
        JournalHarness journal = JournalHarness.Open(segmentBytes: 2048, segmentCount: 16);
        for (int session = 1; session <= 150; session++)
        {
            Assert.True(journal.Start(session, session % 4 + 1, Uid7, session * 100));
            Assert.True(journal.Stop(session, session % 4 + 1, session * 100 + 90));
        }

        JournalHarness rebooted = journal.Reboot();
        List<long> registers = rebooted.Drain().Select(WhOf).ToList();

        Assert.True(rebooted.Journal.Records.LiveSegments == 1, "segments left: " + rebooted.Journal.Records.LiveSegments);
        Assert.Equal(Enumerable.Range(1, 150).SelectMany(s => new[] { s * 100L, s * 100L + 90 }), registers);
    }

    [Fact]
    public void FullJournal_RejectsStartsButStopsOpenSessions()
    {
        JournalHarness journal = JournalHarness.Open(bays: 4, segmentBytes: 2048, segmentCount: 4);

        int queuedSessions = FillOffline(journal, bays: 4, samplesPerSession: 0);

        Assert.True(queuedSessions > 0);
        Assert.Equal(1, journal.Queue.RejectedStarts);
        Assert.True(journal.Log.Contains("journal is full"));
        Assert.Equal(queuedSessions * 2, journal.Queue.Count);
    }

    [Fact]
    public void MeterValues_AreLeftOutAboveTheirShare()
    {
        JournalHarness journal = JournalHarness.Open(segmentBytes: 2048, segmentCount: 8);
        journal.Start(1, 1, Uid7, 0);
        int queued = 0;
        for (int sample = 1; sample <= 2000; sample++)
        {
            if (journal.MeterValues(1, 1, sample))
            {
                queued++;
            }
        }

        long limit = journal.Journal.Records.BudgetBytes * TransactionJournal.MeterValuesBudgetPercent / 100;
        Assert.True(journal.Journal.Records.UsedBytes <= limit, journal.Journal.Records.UsedBytes + " > " + limit);
        Assert.Equal(2000 - queued, journal.Queue.DroppedMeterValues);
        Assert.True(journal.Start(2, 2, Uid7, 0), "a session still starts once MeterValues are left out");
    }

    // The capacity stated for the default budget (8 segments of 16 KB = 128 KB): a 32-bay cabinet
    // offline for days, every bay charging with a MeterValues every minute, 7-byte UIDs as idTags.
    [Fact]
    public void DefaultBudget_Keeps1000SessionsOf32Bays()
    {
        JournalHarness journal = JournalHarness.Open(bays: 32, segmentBytes: TransactionJournal.DefaultSegmentBytes, segmentCount: TransactionJournal.DefaultSegmentCount);
        int queuedSessions = FillOffline(journal, bays: 32, samplesPerSession: 30);

        Assert.True(queuedSessions >= 1000, "sessions queued: " + queuedSessions);
        Assert.True(journal.Journal.Records.UsedBytes <= journal.Journal.Records.BudgetBytes);
        Assert.True(journal.Queue.DroppedMeterValues > 0);
    }

    [Fact]
    public void FullJournal_DrainsCompletelyAfterReboot()
    {
        JournalHarness journal = JournalHarness.Open(bays: 32, segmentBytes: 4096, segmentCount: 4);
        int queuedSessions = FillOffline(journal, bays: 32, samplesPerSession: 3);

        JournalHarness rebooted = journal.Reboot();
        List<string> delivered = rebooted.Drain();

        Assert.Equal(queuedSessions, delivered.Count(d => d.StartsWith("StopTransaction", StringComparison.Ordinal)));
        Assert.Equal(0, rebooted.Queue.Count);
        Assert.True(rebooted.Journal.Records.LiveSegments == 1);
        Assert.True(rebooted.Start(999999, 1, Uid7, 0));
    }

    // Starts sessions round-robin on every bay, each with MeterValues, until a StartTransaction is
    // rejected; then stops the open ones. Returns the sessions queued complete (start and stop).
    private static int FillOffline(JournalHarness journal, int bays, int samplesPerSession)
    {
        int session = 0;
        var open = new Dictionary<int, int>();
        for (int round = 0; ; round++)
        {
            for (int bay = 1; bay <= bays; bay++)
            {
                if (open.TryGetValue(bay, out int running))
                {
                    Assert.True(journal.Stop(running, bay, 1000L * running + 999), "StopTransaction rejected");
                    open.Remove(bay);
                }

                string idTag = (0x04000000000000L + session).ToString("X14");
                if (!journal.Start(++session, bay, idTag, 1000L * session))
                {
                    foreach (KeyValuePair<int, int> pair in open)
                    {
                        Assert.True(journal.Stop(pair.Value, pair.Key, 1000L * pair.Value + 999), "StopTransaction rejected");
                    }

                    return session - 1;
                }

                open[bay] = session;
                for (int sample = 1; sample <= samplesPerSession; sample++)
                {
                    journal.MeterValues(session, bay, 1000L * session + sample);
                }
            }
        }
    }

    private static long WhOf(string description)
    {
        string[] words = description.Split(' ');
        return long.Parse(words[4].TrimEnd('W', 'h'));
    }
}
