using KiWhi.Armoire.Firmware.Journal;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// The cabinet's one FIFO of transaction-related messages, in the order the events happened
    /// (OCPP 1.6 §3.7), kept in the flash journal: a message is journaled before it is sent and leaves
    /// only when its CALLRESULT arrives or it is discarded. It also maps each confirmed session to the
    /// transactionId the central system gave it, so that MeterValues and StopTransaction queued behind
    /// a StartTransaction are sent with the real id and never with an invented one.
    /// </summary>
    /// <remarks>
    /// Only the head message is held in RAM: the others are read back from flash when they reach the
    /// head, so the RAM used does not grow with the queue. The FIFO order is the order of the journal
    /// records. A message is live when its sequence number is above that of the last message removed
    /// from the head and its session was not discarded.
    /// </remarks>
    public sealed class TransactionQueue
    {
        private const string Component = "journal";

        private readonly TransactionJournal _journal;
        private readonly JournalRecord _record = new JournalRecord();
        private readonly JournalRecord _scan = new JournalRecord();
        private readonly TransactionMessage _head = new TransactionMessage();
        private readonly TransactionMessage _prepared = new TransactionMessage();
        private readonly SessionEntry[] _sessions;
        private int _sessionCount;
        private int[] _discardedSessions = new int[8];
        private int _discardCount;

        private int _count;
        private uint _removedSequence;
        private bool _headValid;
        private long _headPosition;
        private long _afterHeadPosition;
        private bool _headFound;

        /// <summary>Creates the queue of <paramref name="journal"/>; a cabinet of <paramref name="bayCount"/> bays has at most twice as many confirmed sessions in use.</summary>
        public TransactionQueue(TransactionJournal journal, int bayCount)
        {
            _journal = journal;
            _sessions = new SessionEntry[2 * bayCount + 8];
            for (int i = 0; i < _sessions.Length; i++)
            {
                _sessions[i] = new SessionEntry();
            }
        }

        /// <summary>Messages queued, on flash.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>Sequence number of the last message removed from the head; every message at or below it has left the queue.</summary>
        public uint RemovedSequence
        {
            get { return _removedSequence; }
        }

        /// <summary>Periodic MeterValues not queued because the journal held more than its MeterValues share (full-journal policy).</summary>
        public int DroppedMeterValues { get; private set; }

        /// <summary>StartTransaction messages rejected because the journal had no room left outside its reserve.</summary>
        public int RejectedStarts { get; private set; }

        /// <summary>Messages discarded because their StartTransaction was finally discarded, that StartTransaction included.</summary>
        public int DiscardedDependants { get; private set; }

        /// <summary>Sessions confirmed by StartTransaction.conf and still in use.</summary>
        public int ConfirmedSessions
        {
            get { return _sessionCount; }
        }

        /// <summary>
        /// Returns the message to fill for a new event of <paramref name="kind"/>, stamped with the
        /// present; pass it to <see cref="Enqueue"/>. The instance is reused by the next call.
        /// </summary>
        public TransactionMessage Prepare(TransactionMessageKind kind)
        {
            _prepared.Clear();
            _prepared.Kind = kind;
            _journal.PrepareNow(_prepared.EventTime);
            return _prepared;
        }

        /// <summary>
        /// Journals <paramref name="message"/> at the tail. Returns false, with the reason logged and
        /// counted, when the full-journal policy rejects it or the flash fails; the message is then not queued.
        /// </summary>
        public bool Enqueue(TransactionMessage message)
        {
            if (!_journal.IsOpen)
            {
                return false;
            }

            MessageRecords.Encode(message, _record);
            if (_record.IsMalformed)
            {
                LogRejection(message, "its fields do not fit the journal format");
                return false;
            }

            if (!_journal.HasRoomFor(message.Kind, _record.FrameLength))
            {
                switch (message.Kind)
                {
                    case TransactionMessageKind.MeterValues:
                        DroppedMeterValues++;
                        break;
                    case TransactionMessageKind.StartTransaction:
                        RejectedStarts++;
                        break;
                }

                LogRejection(message, "the journal is full (" + _journal.Records.UsedBytes.ToString() + " of " + _journal.Records.BudgetBytes.ToString() + " bytes)");
                return false;
            }

            if (!_journal.Append(_record))
            {
                LogRejection(message, "the flash write failed");
                return false;
            }

            message.Sequence = _record.Sequence;
            _journal.ApplyToBay(message);
            if (_count == 0)
            {
                _head.CopyFrom(message);
                FillSessionStart(_head);
                _headValid = true;
                _headPosition = _record.Position;
                _afterHeadPosition = _record.Position + _record.FrameLength;
            }

            _count++;
            return true;
        }

        /// <summary>Returns the oldest message, read back from flash when needed, or null when the queue is empty.</summary>
        public TransactionMessage Peek()
        {
            if (_count == 0)
            {
                return null;
            }

            if (!_headValid)
            {
                FindHead();
            }

            return _headValid ? _head : null;
        }

        /// <summary>
        /// Removes the head message: its CALLRESULT arrived (<paramref name="confirmed"/>) or it was
        /// discarded. Use <see cref="AcknowledgeStart"/> and <see cref="DiscardSession"/> for a StartTransaction.
        /// </summary>
        public void RemoveHead(bool confirmed)
        {
            TransactionMessage head = Peek();
            if (head == null)
            {
                return;
            }

            _record.Begin(RecordType.MessageRemoved);
            _record.WriteVarint(head.Sequence);
            _record.WriteByte((int)head.Kind);
            _record.WriteVarint(head.SessionId);
            _record.WriteByte(confirmed ? 0 : 1);
            AppendRemoval(head);
            if (head.Kind == TransactionMessageKind.StopTransaction)
            {
                RemoveSession(head.SessionId);
            }

            AdvanceHead(head.Sequence);
        }

        /// <summary>
        /// Removes the StartTransaction at the head, confirmed with <paramref name="transactionId"/>, and
        /// keeps the session's transactionId and start values for the messages behind it.
        /// </summary>
        public void AcknowledgeStart(int transactionId)
        {
            TransactionMessage head = Peek();
            if (head == null || head.Kind != TransactionMessageKind.StartTransaction)
            {
                return;
            }

            System.DateTime startUtc;
            long startUtcMs = TryGetTimestamp(head, out startUtc) ? EventTime.ToUtcMs(startUtc) : 0;
            SessionEntry entry = AddSession(head.SessionId);
            entry.TransactionId = transactionId;
            entry.ConnectorId = head.ConnectorId;
            entry.IdTag = head.IdTag;
            entry.MeterStartWh = head.MeterWh;
            entry.StartUtcMs = startUtcMs;

            _record.Begin(RecordType.StartConfirmed);
            _record.WriteVarint(head.Sequence);
            WriteSession(_record, entry);
            AppendRemoval(head);
            _journal.ApplyTransactionId(head.SessionId, transactionId);
            AdvanceHead(head.Sequence);
        }

        /// <summary>
        /// Discards the StartTransaction at the head, of session <paramref name="sessionId"/>, with every
        /// queued message of that session; returns how many left the queue, the StartTransaction included.
        /// </summary>
        public int DiscardSession(int sessionId)
        {
            TransactionMessage head = Peek();
            if (head == null || head.SessionId != sessionId)
            {
                return 0;
            }

            int removed = CountQueuedOfSession(sessionId);
            _record.Begin(RecordType.SessionDiscarded);
            _record.WriteVarint(head.Sequence);
            _record.WriteVarint(sessionId);
            AppendRemoval(head);
            AddDiscard(sessionId);
            RemoveSession(sessionId);
            _journal.ApplyDiscardToBay(sessionId);

            _removedSequence = head.Sequence;
            _count -= removed;
            if (_count < 0)
            {
                _count = 0;
            }

            DiscardedDependants += removed;
            _headValid = false;
            _headPosition = _afterHeadPosition;
            ReleaseDeadSegments();
            return removed;
        }

        /// <summary>Returns true and the transactionId when the session's StartTransaction has been confirmed.</summary>
        public bool TryGetTransactionId(int sessionId, out int transactionId)
        {
            SessionEntry entry = FindSession(sessionId);
            transactionId = entry == null ? 0 : entry.TransactionId;
            return entry != null;
        }

        /// <summary>
        /// Returns true and the timestamp to send for <paramref name="message"/> once its time can be
        /// resolved (see <see cref="JournalClock"/>); a message of a confirmed session is never stamped
        /// before its StartTransaction.
        /// </summary>
        public bool TryGetTimestamp(TransactionMessage message, out System.DateTime utc)
        {
            return TryGetTimestamp(message.EventTime, message.HasSessionStart ? message.SessionStartUtcMs : 0, out utc);
        }

        /// <summary>Returns true and the UTC time of <paramref name="time"/>, not earlier than <paramref name="notBeforeUtcMs"/>, once it can be resolved.</summary>
        public bool TryGetTimestamp(EventTime time, long notBeforeUtcMs, out System.DateTime utc)
        {
            _journal.OnWallClockChanged();
            long utcMs;
            if (!_journal.Clock.TryResolve(time, out utcMs))
            {
                utc = System.DateTime.MinValue;
                return false;
            }

            if (utcMs < notBeforeUtcMs)
            {
                utcMs = notBeforeUtcMs;
            }

            utc = EventTime.FromUtcMs(utcMs);
            return true;
        }

        /// <summary>Deletes the journal segments the queue no longer needs.</summary>
        internal void ReleaseDeadSegments()
        {
            _journal.ReleaseSegmentsBefore(_count > 0 ? _headPosition : _journal.Records.EndPosition);
        }

        internal void ApplyRemovedSequence(uint sequence)
        {
            if (sequence > _removedSequence)
            {
                _removedSequence = sequence;
            }
        }

        /// <summary>Applies a queue record during the first recovery pass.</summary>
        internal void ApplyRecord(JournalRecord record)
        {
            switch (record.Type)
            {
                case RecordType.MessageRemoved:
                    uint removed = (uint)record.ReadVarint();
                    int kind = record.ReadByte();
                    int sessionId = record.ReadInt();
                    if (record.IsMalformed)
                    {
                        return;
                    }

                    ApplyRemovedSequence(removed);
                    if (kind == (int)TransactionMessageKind.StopTransaction)
                    {
                        RemoveSession(sessionId);
                    }

                    break;
                case RecordType.StartConfirmed:
                    uint confirmed = (uint)record.ReadVarint();
                    ReadSession(record);
                    if (!record.IsMalformed)
                    {
                        ApplyRemovedSequence(confirmed);
                    }

                    break;
                case RecordType.SessionDiscarded:
                    uint discarded = (uint)record.ReadVarint();
                    int discardedSession = record.ReadInt();
                    if (record.IsMalformed)
                    {
                        return;
                    }

                    ApplyRemovedSequence(discarded);
                    AddDiscard(discardedSession);
                    RemoveSession(discardedSession);
                    _journal.ApplyDiscardToBay(discardedSession);
                    break;
                case RecordType.SnapshotSession:
                    ReadSession(record);
                    break;
                case RecordType.SnapshotDiscard:
                    int snapshotSession = record.ReadInt();
                    if (!record.IsMalformed)
                    {
                        AddDiscard(snapshotSession);
                    }

                    break;
            }
        }

        internal void BeginCount()
        {
            _count = 0;
            _headFound = false;
            _headValid = false;
        }

        /// <summary>Counts a live message during the second recovery pass and finds the head.</summary>
        internal void CountRecord(JournalRecord record)
        {
            if (MessageRecords.IsMessage(record.Type))
            {
                if (!IsLive(record))
                {
                    return;
                }

                if (!_headFound)
                {
                    _headFound = true;
                    _headPosition = record.Position;
                }

                _count++;
                return;
            }

            if (!_headFound)
            {
                PruneDiscard(record);
            }
        }

        // A discard record follows every message of its session, so once the head scan passes it no
        // message of that session lies ahead and the session can leave the discard set.
        private void PruneDiscard(JournalRecord record)
        {
            if (record.Type != RecordType.SessionDiscarded && record.Type != RecordType.SnapshotDiscard)
            {
                return;
            }

            record.Rewind();
            if (record.Type == RecordType.SessionDiscarded)
            {
                record.ReadVarint();
            }

            int sessionId = record.ReadInt();
            if (!record.IsMalformed)
            {
                RemoveDiscard(sessionId);
            }
        }

        internal void EndCount(long endPosition)
        {
            if (!_headFound)
            {
                _headPosition = endPosition;
            }

            _afterHeadPosition = _headPosition;
        }

        /// <summary>Writes the queue's part of a snapshot: confirmed sessions and discarded sessions still ahead.</summary>
        internal void WriteSnapshot(RecordLog log, JournalRecord record)
        {
            for (int i = 0; i < _sessionCount; i++)
            {
                record.Begin(RecordType.SnapshotSession);
                WriteSession(record, _sessions[i]);
                log.AppendSnapshotRecord(record);
            }

            for (int i = 0; i < _discardCount; i++)
            {
                record.Begin(RecordType.SnapshotDiscard);
                record.WriteVarint(_discardedSessions[i]);
                log.AppendSnapshotRecord(record);
            }
        }

        private bool IsLive(JournalRecord record)
        {
            if (record.Sequence <= _removedSequence)
            {
                return false;
            }

            record.Rewind();
            int sessionId = record.ReadInt();
            return !record.IsMalformed && !IsDiscarded(sessionId);
        }

        // Scans forward from the last head position for the next live message and decodes it.
        private void FindHead()
        {
            long position = _headPosition;
            while (_journal.Records.ReadNext(ref position, _scan))
            {
                if (!MessageRecords.IsMessage(_scan.Type))
                {
                    PruneDiscard(_scan);
                    continue;
                }

                if (!IsLive(_scan))
                {
                    continue;
                }

                if (!MessageRecords.Decode(_scan, _head))
                {
                    // A record that passed its CRC but does not decode (another format version) cannot be sent.
                    _journal.Log.Error(Component, "queued record " + _scan.Sequence.ToString() + " cannot be decoded; skipped");
                    _count--;
                    continue;
                }

                FillSessionStart(_head);
                _headPosition = _scan.Position;
                _afterHeadPosition = position;
                _headValid = true;
                return;
            }

            _headPosition = position;
            _afterHeadPosition = position;
            _count = 0;
        }

        private void AdvanceHead(uint removedSequence)
        {
            _removedSequence = removedSequence;
            _count--;
            _headValid = false;
            _headPosition = _afterHeadPosition;
            ReleaseDeadSegments();
        }

        // Journals the removal record built in _record. When the flash rejects it, the message still
        // leaves the queue in RAM so that the link does not stall. After a reboot it is sent once more.
        private void AppendRemoval(TransactionMessage head)
        {
            if (!_journal.Append(_record))
            {
                _journal.Log.Warning(Component, "removal of message " + head.Sequence.ToString() + " (session " + head.SessionId.ToString()
                    + ") not journaled; it will be sent again after a reboot");
            }
        }

        private void FillSessionStart(TransactionMessage message)
        {
            if (message.Kind == TransactionMessageKind.StartTransaction)
            {
                return;
            }

            SessionEntry entry = FindSession(message.SessionId);
            if (entry == null)
            {
                return;
            }

            message.HasSessionStart = true;
            message.SessionStartWh = entry.MeterStartWh;
            message.SessionStartUtcMs = entry.StartUtcMs;
            if (message.Kind == TransactionMessageKind.StopTransaction)
            {
                message.IdTag = entry.IdTag;
            }
        }

        private int CountQueuedOfSession(int sessionId)
        {
            int found = 0;
            long position = _headPosition;
            while (_journal.Records.ReadNext(ref position, _scan))
            {
                if (MessageRecords.IsMessage(_scan.Type) && IsLive(_scan))
                {
                    _scan.Rewind();
                    if (_scan.ReadInt() == sessionId)
                    {
                        found++;
                    }
                }
            }

            return found;
        }

        private static void WriteSession(JournalRecord record, SessionEntry entry)
        {
            record.WriteVarint(entry.SessionId);
            record.WriteVarint(entry.TransactionId);
            record.WriteVarint(entry.ConnectorId);
            record.WriteIdTag(entry.IdTag);
            record.WriteVarint(entry.MeterStartWh);
            record.WriteVarint(entry.StartUtcMs);
        }

        private void ReadSession(JournalRecord record)
        {
            int sessionId = record.ReadInt();
            int transactionId = record.ReadInt();
            int connectorId = record.ReadInt();
            string idTag = record.ReadIdTag();
            long meterStartWh = record.ReadVarint();
            long startUtcMs = record.ReadVarint();
            if (record.IsMalformed)
            {
                return;
            }

            SessionEntry entry = AddSession(sessionId);
            entry.TransactionId = transactionId;
            entry.ConnectorId = connectorId;
            entry.IdTag = idTag;
            entry.MeterStartWh = meterStartWh;
            entry.StartUtcMs = startUtcMs;
            _journal.ApplyTransactionId(sessionId, transactionId);
        }

        private SessionEntry FindSession(int sessionId)
        {
            for (int i = 0; i < _sessionCount; i++)
            {
                if (_sessions[i].SessionId == sessionId)
                {
                    return _sessions[i];
                }
            }

            return null;
        }

        private SessionEntry AddSession(int sessionId)
        {
            SessionEntry entry = FindSession(sessionId);
            if (entry != null)
            {
                return entry;
            }

            if (_sessionCount == _sessions.Length)
            {
                EvictSession();
            }

            entry = _sessions[_sessionCount++];
            entry.SessionId = sessionId;
            return entry;
        }

        // The table is sized for every session a cabinet can have in use (open on a bay, or closed with
        // messages still queued), so this runs only after an inconsistency: the oldest closed session goes.
        private void EvictSession()
        {
            int victim = 0;
            for (int i = 0; i < _sessionCount; i++)
            {
                if (!_journal.IsSessionOpen(_sessions[i].SessionId))
                {
                    victim = i;
                    break;
                }
            }

            _journal.Log.Error(Component, "confirmed-session table full; session " + _sessions[victim].SessionId.ToString()
                + " forgotten, its queued messages will be discarded for want of a transactionId");
            RemoveSession(_sessions[victim].SessionId);
        }

        private void RemoveSession(int sessionId)
        {
            for (int i = 0; i < _sessionCount; i++)
            {
                if (_sessions[i].SessionId != sessionId)
                {
                    continue;
                }

                SessionEntry removed = _sessions[i];
                for (int j = i + 1; j < _sessionCount; j++)
                {
                    _sessions[j - 1] = _sessions[j];
                }

                _sessionCount--;
                _sessions[_sessionCount] = removed;
                return;
            }
        }

        private bool IsDiscarded(int sessionId)
        {
            for (int i = 0; i < _discardCount; i++)
            {
                if (_discardedSessions[i] == sessionId)
                {
                    return true;
                }
            }

            return false;
        }

        private void AddDiscard(int sessionId)
        {
            if (IsDiscarded(sessionId))
            {
                return;
            }

            if (_discardCount == _discardedSessions.Length)
            {
                int[] larger = new int[_discardedSessions.Length * 2];
                System.Array.Copy(_discardedSessions, larger, _discardCount);
                _discardedSessions = larger;
            }

            _discardedSessions[_discardCount++] = sessionId;
        }

        private void RemoveDiscard(int sessionId)
        {
            for (int i = 0; i < _discardCount; i++)
            {
                if (_discardedSessions[i] == sessionId)
                {
                    _discardedSessions[i] = _discardedSessions[--_discardCount];
                    return;
                }
            }
        }

        private void LogRejection(TransactionMessage message, string reason)
        {
            _journal.LogQueueRejection(message, reason);
        }
    }
}
