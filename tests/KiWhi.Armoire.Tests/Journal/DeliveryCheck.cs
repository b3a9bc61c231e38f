using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Journal;

/// <summary>
/// Compares the transaction messages a central system received with what happened in a
/// <see cref="CabinetWorld"/>, needing no model of the firmware: a session is a contactor closure,
/// its true meter values are the registers the cabinet read at that instant, its true times are the
/// world times of the closure, the samples and the opening.
/// </summary>
/// <remarks>
/// Allowed departures, all from the firmware's documented policies: the message in flight at a cut
/// may arrive twice (the copy after the reboot counts); a session open at a cut is stopped with reason
/// PowerLoss at its last persisted register and that register's time; an event of a boot that ended
/// before its clock anchor reached the flash is stamped late by at most the time until the end of
/// that boot (or of the run of such boots that follows it), never early.
/// </remarks>
public sealed class DeliveryCheck
{
    private readonly CabinetWorld _world;
    private readonly List<string> _problems = new();
    private readonly List<WorldSession> _sessions = new();
    private readonly Dictionary<int, WorldSession> _byTransaction = new();
    private List<ServerCall> _calls = new();

    public DeliveryCheck(CabinetWorld world)
    {
        _world = world;
    }

    /// <summary>Messages received twice and allowed as the one in flight at a cut.</summary>
    public int InFlightDuplicates { get; private set; }

    public List<string> Run()
    {
        _calls = _world.Server.TransactionCalls.ToList();
        RemoveInFlightDuplicates();
        CollectSessions();
        CheckStarts();
        CheckMeterValues();
        CheckStops();
        CheckOrder();
        CheckNothingRepeated();
        if (_world.Cabinet.ChargePoint.Transactions.Count != 0)
        {
            _problems.Add(_world.Cabinet.ChargePoint.Transactions.Count + " messages still queued at the end");
        }

        return _problems;
    }

    // The last transaction message a boot sent before its cut may come again first after the reboot.
    private void RemoveInFlightDuplicates()
    {
        foreach (BootRecord boot in _world.Boots.Where(b => b.EndedByCut))
        {
            int last = _calls.FindLastIndex(c => c.Boot == boot.Number);
            int next = _calls.FindIndex(c => c.Boot > boot.Number);
            if (last >= 0 && next >= 0 && _calls[last].Fingerprint() == _calls[next].Fingerprint())
            {
                _calls.RemoveAt(last);
                InFlightDuplicates++;
            }
        }
    }

    private void CollectSessions()
    {
        var open = new Dictionary<int, WorldSession>();
        foreach (ContactorSwitchEvent change in _world.Contactors.History)
        {
            if (change.Closed)
            {
                var session = new WorldSession(change.Bay, change.MonotonicMs, _world.Meter.ReadAt(change.Bay, change.MonotonicMs) ?? -1, ExpectedIdTag(change.Bay, change.MonotonicMs));
                open[change.Bay] = session;
                _sessions.Add(session);
            }
            else if (open.Remove(change.Bay, out WorldSession? session))
            {
                session.OpenMs = change.MonotonicMs;
                session.StopWh = _world.Meter.ReadAt(change.Bay, change.MonotonicMs);
            }
        }

        foreach (WorldSession session in open.Values)
        {
            _problems.Add(session + " still has its contactor closed at the end");
        }
    }

    private static string? ExpectedIdTag(int bay, long closeMs)
    {
        int spot = 100 + bay;
        return PowerCutScenario.PlannedSessions
            .Where(s => s.Spot == spot && s.StartSecond * 1000L <= closeMs && closeMs <= (s.StartSecond + 15) * 1000L)
            .Select(s => s.Card)
            .FirstOrDefault();
    }

    private void CheckStarts()
    {
        List<ServerCall> starts = _calls.Where(c => c.Action == "StartTransaction").ToList();
        foreach (IGrouping<int, WorldSession> bay in _sessions.GroupBy(s => s.Bay))
        {
            List<ServerCall> received = starts.Where(c => c.Int("connectorId") == bay.Key).ToList();
            List<WorldSession> happened = bay.OrderBy(s => s.CloseMs).ToList();
            if (received.Count != happened.Count)
            {
                _problems.Add("bay " + bay.Key + ": " + happened.Count + " sessions happened, " + received.Count + " StartTransaction received");
            }

            for (int i = 0; i < Math.Min(received.Count, happened.Count); i++)
            {
                WorldSession session = happened[i];
                ServerCall start = received[i];
                session.Start = start;
                _byTransaction[start.AssignedTransactionId] = session;
                Expect(session + " idTag", session.IdTag, start.Str("idTag"));
                Expect(session + " meterStart", session.StartWh, start.Int("meterStart"));
                CheckTime(session + " StartTransaction timestamp", start.Time("timestamp"), session.CloseMs);
            }
        }

        foreach (ServerCall start in starts.Where(c => !_sessions.Any(s => s.Bay == c.Int("connectorId"))))
        {
            _problems.Add("StartTransaction on connector " + start.Int("connectorId") + " where no contactor ever closed");
        }
    }

    private void CheckMeterValues()
    {
        foreach (ServerCall call in _calls.Where(c => c.Action == "MeterValues"))
        {
            if (!_byTransaction.TryGetValue(call.Int("transactionId"), out WorldSession? session))
            {
                _problems.Add("MeterValues for unknown transactionId " + call.Int("transactionId"));
                continue;
            }

            session.Samples.Add(call);
            int index = session.Samples.Count;
            long sampleMs = session.CloseMs + index * PowerCutScenario.MeterSampleSeconds * 1000L;
            (long wh, DateTime time) = call.Sample();
            Expect(session + " MeterValues " + index + " register", _world.Meter.ReadAt(session.Bay, sampleMs) ?? -1, wh);
            CheckTime(session + " MeterValues " + index + " timestamp", time, sampleMs);
        }
    }

    private void CheckStops()
    {
        foreach (ServerCall stop in _calls.Where(c => c.Action == "StopTransaction"))
        {
            if (!_byTransaction.TryGetValue(stop.Int("transactionId"), out WorldSession? session))
            {
                _problems.Add("StopTransaction for unknown transactionId " + stop.Int("transactionId"));
                continue;
            }

            if (session.Stop != null)
            {
                _problems.Add(session + " stopped twice");
                continue;
            }

            session.Stop = stop;
            Expect(session + " StopTransaction idTag", session.IdTag, stop.Str("idTag"));
            string? reason = stop.Str("reason");
            if (reason == "Local")
            {
                Expect(session + " meterStop", session.StopWh ?? -1, stop.Int("meterStop"));
                CheckTime(session + " StopTransaction timestamp", stop.Time("timestamp"), session.OpenMs ?? -1);
                continue;
            }

            if (reason != "PowerLoss")
            {
                _problems.Add(session + " stopped with reason " + reason);
                continue;
            }

            if (!_world.Boots.Any(b => b.EndedByCut && b.EndMs == session.OpenMs))
            {
                _problems.Add(session + " stopped with reason PowerLoss but no cut happened while it ran (opened at " + session.OpenMs + " ms)");
            }

            ServerCall? lastSample = session.Samples.LastOrDefault();
            long persistedWh = lastSample == null ? session.StartWh : lastSample.Sample().Wh;
            DateTime persistedTime = lastSample == null ? session.Start!.Time("timestamp") : lastSample.Sample().Time;
            Expect(session + " PowerLoss meterStop", persistedWh, stop.Int("meterStop"));
            Expect(session + " PowerLoss timestamp", persistedTime, stop.Time("timestamp"));
        }

        foreach (WorldSession session in _sessions.Where(s => s.Start != null && s.Stop == null))
        {
            _problems.Add(session + " has no StopTransaction");
        }
    }

    // Messages go out in the order the events happened. A PowerLoss stop is queued at the reboot but
    // stamped with the last persisted register's time, so it is left out of the timestamp order.
    private void CheckOrder()
    {
        DateTime previous = DateTime.MinValue;
        foreach (ServerCall call in _calls)
        {
            if (call.Action == "StopTransaction" && call.Str("reason") == "PowerLoss")
            {
                continue;
            }

            DateTime time = call.Action == "MeterValues" ? call.Sample().Time : call.Time("timestamp");
            if (time < previous)
            {
                _problems.Add(call.Action + " stamped " + time.ToString("O") + " received after a message stamped " + previous.ToString("O"));
            }

            previous = time > previous ? time : previous;
        }

        foreach (WorldSession session in _sessions.Where(s => s.Start != null && s.Stop != null))
        {
            int start = _calls.IndexOf(session.Start!);
            int stop = _calls.IndexOf(session.Stop!);
            if (!(start < stop && session.Samples.All(s => start < _calls.IndexOf(s) && _calls.IndexOf(s) < stop)))
            {
                _problems.Add(session + " messages arrived out of order");
            }
        }
    }

    private void CheckNothingRepeated()
    {
        foreach (IGrouping<string, ServerCall> group in _calls.GroupBy(c => c.Fingerprint() + (c.Action == "StartTransaction" ? "" : "tx" + c.Int("transactionId"))).Where(g => g.Count() > 1))
        {
            _problems.Add("received " + group.Count() + " times: " + group.Key);
        }
    }

    // Exact, or late within the bound of an estimated boot (see the class remarks).
    private void CheckTime(string subject, DateTime actual, long expectedWorldMs)
    {
        long actualMs = (long)(actual - CabinetWorld.Origin).TotalMilliseconds;
        if (actualMs == expectedWorldMs)
        {
            return;
        }

        foreach (BootRecord boot in _world.Boots.Where(b => b.StartMs <= expectedWorldMs && expectedWorldMs <= (b.EndMs ?? long.MaxValue)))
        {
            long? bound = EstimateBound(boot);
            if (bound.HasValue && expectedWorldMs <= actualMs && actualMs <= bound.Value)
            {
                return;
            }
        }

        _problems.Add(subject + ": " + actual.ToString("O") + " instead of " + CabinetWorld.Origin.AddMilliseconds(expectedWorldMs).ToString("O"));
    }

    // A boot whose anchor never reached the flash: it ended by a cut before its clock was set, or in
    // the very step that set it. Its events may be stamped up to the end of the run of such boots.
    private long? EstimateBound(BootRecord boot)
    {
        bool Unanchored(BootRecord b) => b.EndedByCut && (b.Clock.FirstSetWorldMs == null || b.Clock.FirstSetWorldMs == b.EndMs);
        if (!Unanchored(boot))
        {
            return null;
        }

        BootRecord last = boot;
        foreach (BootRecord next in _world.Boots.Where(b => b.Number > boot.Number).OrderBy(b => b.Number))
        {
            if (!Unanchored(next))
            {
                break;
            }

            last = next;
        }

        return last.EndMs;
    }

    private void Expect<T>(string subject, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            _problems.Add(subject + ": " + actual + " instead of " + expected);
        }
    }

    private sealed class WorldSession
    {
        public WorldSession(int bay, long closeMs, long startWh, string? idTag)
        {
            Bay = bay;
            CloseMs = closeMs;
            StartWh = startWh;
            IdTag = idTag;
        }

        public int Bay { get; }
        public long CloseMs { get; }
        public long StartWh { get; }
        public string? IdTag { get; }
        public long? OpenMs { get; set; }
        public long? StopWh { get; set; }
        public ServerCall? Start { get; set; }
        public ServerCall? Stop { get; set; }
        public List<ServerCall> Samples { get; } = new();

        public override string ToString() => "session on bay " + Bay + " closed at " + CloseMs / 1000 + " s";
    }
}
