using KiWhi.Armoire.Hal;

namespace KiWhi.Armoire.Firmware.Journal
{
    /// <summary>
    /// The cabinet's durable journal on flash: the transaction FIFO (<see cref="TransactionQueue"/>),
    /// the bay states that matter across a reboot (<see cref="PersistedBay"/>) and the clock anchors
    /// (<see cref="JournalClock"/>), all kept in one <see cref="RecordLog"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Every state change is one appended record, written before the action it reports takes effect
    /// outside: a StartTransaction record before the contactor closes, so a session the journal lost
    /// never drew power. Recovery replays the records, so a power cut at any byte yields exactly the
    /// records committed before it.
    /// </para>
    /// <para>
    /// Compaction deletes whole segments and rewrites nothing. Each new segment opens with a snapshot
    /// of the state, so an older segment is deleted as soon as the queue head has moved past it: its
    /// messages are all confirmed or discarded and its state records are superseded.
    /// </para>
    /// <para>
    /// Full-journal policy. The flash budget is <see cref="RecordLog.SegmentCount"/> segments of
    /// <see cref="RecordLog.SegmentBytes"/>. One segment's worth stays in reserve for confirmations,
    /// snapshots and the StopTransaction of every open session, so a session that started can always
    /// be stopped and reported. A new session is rejected (the resident sees the bay out of service)
    /// when its StartTransaction would eat into that reserve. Periodic MeterValues, which
    /// carry no billing data the StopTransaction lacks, are not queued once the journal contains more
    /// than <see cref="MeterValuesBudgetPercent"/> % of its budget; each one left out is counted in
    /// <see cref="TransactionQueue.DroppedMeterValues"/>. Nothing already queued is ever dropped to make room.
    /// </para>
    /// <para>
    /// Capacity with the default budget of 128 KB: a 32-bay cabinet offline queues at least 1,000
    /// complete sessions (StartTransaction and StopTransaction), which a unit test enforces. The
    /// journal benchmark measured 1,143 with 20-character idTags and a MeterValues every minute, and
    /// 2,025 with 7-byte UIDs and no MeterValues. A session costs about 105 bytes of flash online.
    /// </para>
    /// </remarks>
    public sealed partial class TransactionJournal : ISnapshotSource
    {
        /// <summary>Segment file size used unless the configuration sets another, in bytes.</summary>
        public const int DefaultSegmentBytes = 16384;

        /// <summary>
        /// Segment files used unless the configuration sets another: 8 × 16 KB = 128 KB, half of the
        /// 256 KB "config" LittleFS partition (drive I:) of nanoFramework's 4 MB ESP32 layout
        /// (nf-interpreter targets/ESP32/_IDF/esp32/partitions_nanoclr_4mb.csv; 2 MB with 8 MB flash).
        /// </summary>
        public const int DefaultSegmentCount = 8;

        /// <summary>Smallest segment accepted: a snapshot of a 32-bay cabinet must fit well inside one.</summary>
        public const int MinimumSegmentBytes = 2048;

        /// <summary>Share of the budget above which periodic MeterValues are no longer queued.</summary>
        public const int MeterValuesBudgetPercent = 25;

        /// <summary>Prefix of the segment file names on the storage.</summary>
        public const string FilePrefix = "txj";

        private const string Component = "journal";

        private readonly IFileStorage _storage;
        private readonly Logger _log;
        private readonly RecordLog _records;
        private readonly JournalClock _clock;
        private readonly PersistedBay[] _bays;
        private readonly TransactionQueue _queue;
        private readonly JournalRecord _record = new JournalRecord();

        // Separate from _record: an append of _record may open a segment, whose snapshot is written first.
        private readonly JournalRecord _snapshotRecord = new JournalRecord();
        private readonly JournalRecord _replayRecord = new JournalRecord();
        private readonly TransactionMessage _replayMessage = new TransactionMessage();
        private readonly EventTime _replayTime = new EventTime();
        private readonly EventTime _now = new EventTime();

        private int _nextSessionId = 1;

        /// <summary>
        /// Creates a journal over <paramref name="storage"/> (null leaves it closed: nothing can be
        /// queued and every session is rejected). <see cref="Open"/> recovers it.
        /// </summary>
        public TransactionJournal(IFileStorage storage, IClock clock, Logger log, int bayCount, int segmentBytes, int segmentCount)
        {
            _storage = storage;
            _log = log;
            if (segmentBytes < MinimumSegmentBytes)
            {
                _log.Warning(Component, "segment size " + segmentBytes.ToString() + " bytes raised to the minimum " + MinimumSegmentBytes.ToString());
                segmentBytes = MinimumSegmentBytes;
            }

            if (segmentCount < 2 || segmentCount > RecordLog.MaxSlots)
            {
                _log.Warning(Component, "segment count " + segmentCount.ToString() + " outside 2.." + RecordLog.MaxSlots.ToString() + "; using " + DefaultSegmentCount.ToString());
                segmentCount = DefaultSegmentCount;
            }

            _clock = new JournalClock(clock);
            _records = new RecordLog(storage, FilePrefix, segmentBytes, segmentCount, log, this);
            _bays = new PersistedBay[bayCount];
            for (int i = 0; i < bayCount; i++)
            {
                _bays[i] = new PersistedBay(i + 1);
            }

            _queue = new TransactionQueue(this, bayCount);
        }

        /// <summary>True once <see cref="Open"/> succeeded; a closed journal rejects every record.</summary>
        public bool IsOpen { get; private set; }

        public TransactionQueue Queue
        {
            get { return _queue; }
        }

        public RecordLog Records
        {
            get { return _records; }
        }

        public JournalClock Clock
        {
            get { return _clock; }
        }

        /// <summary>Number of this power-on, counted on flash from 1.</summary>
        public int BootNumber
        {
            get { return _clock.CurrentBoot; }
        }

        internal Logger Log
        {
            get { return _log; }
        }

        /// <summary>Returns the persisted state of bay <paramref name="connectorId"/> (1..N), or null.</summary>
        public PersistedBay GetBay(int connectorId)
        {
            if (connectorId < 1 || connectorId > _bays.Length)
            {
                return null;
            }

            return _bays[connectorId - 1];
        }

        /// <summary>Returns a new session id, unique across reboots (the highest journaled one + 1).</summary>
        public int AllocateSessionId()
        {
            return _nextSessionId++;
        }

        /// <summary>
        /// Persists the energy register of a bay's open session without a MeterValues, for the
        /// PowerLoss stop after a reboot. Follows the MeterValues share of the full-journal policy.
        /// </summary>
        public bool RecordMeterRegister(int connectorId, int sessionId, long registerWh)
        {
            PersistedBay bay = GetBay(connectorId);
            if (!IsOpen || bay == null)
            {
                return false;
            }

            _record.Begin(RecordType.MeterRegister);
            _record.WriteVarint(sessionId);
            _record.WriteVarint(connectorId);
            _record.WriteVarint(registerWh);
            PrepareNow(_now);
            _record.WriteTime(_now);
            if (!HasRoomFor(TransactionMessageKind.MeterValues, _record.FrameLength) || !Append(_record))
            {
                return false;
            }

            if (bay.HasSession && bay.SessionId == sessionId)
            {
                bay.SetRegister(registerWh, _now);
            }

            return true;
        }

        /// <summary>Persists whether bay <paramref name="connectorId"/> is operative; returns false when it could not be journaled.</summary>
        public bool RecordAvailability(int connectorId, bool operative)
        {
            PersistedBay bay = GetBay(connectorId);
            if (!IsOpen || bay == null)
            {
                return false;
            }

            _record.Begin(RecordType.Availability);
            _record.WriteVarint(connectorId);
            _record.WriteByte(operative ? 1 : 0);
            if (!Append(_record))
            {
                return false;
            }

            bay.Operative = operative;
            return true;
        }

        /// <summary>
        /// Anchors this boot's monotonic time to the wall clock once it is set (see
        /// <see cref="JournalClock"/>), journaling the anchor and the estimates of earlier unsynchronised
        /// boots. Call after every clock change; does nothing once anchored.
        /// </summary>
        public void OnWallClockChanged()
        {
            if (!IsOpen)
            {
                return;
            }

            long anchorMonotonicMs;
            long anchorUtcMs;
            if (!_clock.TryAnchorCurrentBoot(out anchorMonotonicMs, out anchorUtcMs))
            {
                return;
            }

            AppendAnchor(_clock.CurrentBoot, anchorMonotonicMs, anchorUtcMs, false);
            _log.Info(Component, "boot " + _clock.CurrentBoot.ToString() + " anchored to the wall clock at monotonic " + anchorMonotonicMs.ToString() + " ms");
            JournalEstimates();
        }

        // Estimates the boots that ended before any synchronisation and journals each new estimate, so
        // its stamps stay the same after later reboots.
        private void JournalEstimates()
        {
            _clock.EstimateUnresolvedBoots();
            for (int i = 0; i < _clock.Count; i++)
            {
                if (!_clock.IsEstimatePending(i))
                {
                    continue;
                }

                int bootNumber;
                bool resolved;
                bool estimated;
                long startUtcMs;
                long lastMonotonicMs;
                _clock.GetEntry(i, out bootNumber, out resolved, out estimated, out startUtcMs, out lastMonotonicMs);
                _log.Warning(Component, "boot " + bootNumber.ToString() + " ended before any clock synchronisation; its events are stamped from an estimated start");
                AppendAnchor(bootNumber, 0, startUtcMs, true);
                _clock.MarkEstimateJournaled(i);
            }
        }

        /// <summary>Stamps <paramref name="time"/> with the present, anchoring the boot first when the wall clock has just become usable.</summary>
        internal void PrepareNow(EventTime time)
        {
            OnWallClockChanged();
            _clock.StampNow(time);
        }

        /// <summary>Applies the full-journal policy to a record of <paramref name="frameLength"/> bytes about to be queued.</summary>
        internal bool HasRoomFor(TransactionMessageKind kind, int frameLength)
        {
            int freeAfter = _records.FreeBytes - frameLength;
            int reserve = _records.SegmentBytes;
            switch (kind)
            {
                case TransactionMessageKind.StopTransaction:
                    return freeAfter >= 0;
                case TransactionMessageKind.StartTransaction:
                    return freeAfter >= reserve;
                default:
                    long meterValuesLimit = (long)_records.BudgetBytes * MeterValuesBudgetPercent / 100;
                    return freeAfter >= reserve && _records.UsedBytes + frameLength <= meterValuesLimit;
            }
        }

        /// <summary>Appends a record to the log; false when the journal is closed, full or the flash failed.</summary>
        internal bool Append(JournalRecord record)
        {
            if (!IsOpen)
            {
                return false;
            }

            return _records.Append(record);
        }

        /// <summary>Applies a message just queued to the persisted bay state.</summary>
        internal void ApplyToBay(TransactionMessage message)
        {
            PersistedBay bay = GetBay(message.ConnectorId);
            if (bay == null)
            {
                return;
            }

            switch (message.Kind)
            {
                case TransactionMessageKind.StartTransaction:
                    if (bay.HasSession && bay.SessionId != message.SessionId)
                    {
                        // NOTE: only a StopTransaction the flash rejected leaves a session open here; it is
                        // lost for billing, since no record of its end exists.
                        _log.Error(Component, "bay " + bay.ConnectorId.ToString() + " session " + bay.SessionId.ToString()
                            + " has no StopTransaction record and is replaced by session " + message.SessionId.ToString());
                    }

                    bay.Open(message.SessionId, message.IdTag, message.MeterWh, message.EventTime);
                    break;
                case TransactionMessageKind.MeterValues:
                    if (bay.HasSession && bay.SessionId == message.SessionId)
                    {
                        bay.SetRegister(message.MeterWh, message.EventTime);
                    }

                    break;
                default:
                    if (bay.HasSession && bay.SessionId == message.SessionId)
                    {
                        bay.Close();
                    }

                    bay.SetRegister(message.MeterWh, message.EventTime);
                    break;
            }

            if (message.SessionId >= _nextSessionId)
            {
                _nextSessionId = message.SessionId + 1;
            }
        }

        /// <summary>Records a transactionId on the bay whose open session it belongs to.</summary>
        internal void ApplyTransactionId(int sessionId, int transactionId)
        {
            for (int i = 0; i < _bays.Length; i++)
            {
                if (_bays[i].HasSession && _bays[i].SessionId == sessionId)
                {
                    _bays[i].HasTransactionId = true;
                    _bays[i].TransactionId = transactionId;
                }
            }
        }

        /// <summary>Closes the bay session <paramref name="sessionId"/>, whose StartTransaction was discarded.</summary>
        internal void ApplyDiscardToBay(int sessionId)
        {
            for (int i = 0; i < _bays.Length; i++)
            {
                if (_bays[i].HasSession && _bays[i].SessionId == sessionId)
                {
                    _bays[i].Close();
                }
            }
        }

        /// <summary>True when the session is open on a bay.</summary>
        internal bool IsSessionOpen(int sessionId)
        {
            for (int i = 0; i < _bays.Length; i++)
            {
                if (_bays[i].HasSession && _bays[i].SessionId == sessionId)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Deletes the segments wholly behind <paramref name="firstNeededPosition"/>.</summary>
        internal void ReleaseSegmentsBefore(long firstNeededPosition)
        {
            _records.ReleaseBefore(RecordLog.SegmentOf(firstNeededPosition));
        }

        /// <summary>Logs a message the queue rejected: every StartTransaction or StopTransaction, and the first MeterValues of every hundred.</summary>
        internal void LogQueueRejection(TransactionMessage message, string reason)
        {
            string text = MessageKindName(message.Kind) + " of session " + message.SessionId.ToString() + " on bay "
                + message.ConnectorId.ToString() + " not queued: " + reason;
            if (message.Kind != TransactionMessageKind.MeterValues)
            {
                _log.Error(Component, text);
                return;
            }

            int dropped = _queue.DroppedMeterValues;
            if (dropped % 100 == 1 || dropped == 0)
            {
                _log.Warning(Component, text + " (" + dropped.ToString() + " MeterValues left out so far)");
            }
        }

        internal static string MessageKindName(TransactionMessageKind kind)
        {
            switch (kind)
            {
                case TransactionMessageKind.StartTransaction:
                    return "StartTransaction";
                case TransactionMessageKind.MeterValues:
                    return "MeterValues";
                default:
                    return "StopTransaction";
            }
        }

        private void AppendAnchor(int bootNumber, long monotonicMs, long utcMs, bool estimated)
        {
            _record.Begin(RecordType.ClockAnchor);
            _record.WriteVarint(bootNumber);
            _record.WriteVarint(monotonicMs);
            _record.WriteVarint(utcMs);
            _record.WriteByte(estimated ? 1 : 0);
            Append(_record);
        }
    }
}
