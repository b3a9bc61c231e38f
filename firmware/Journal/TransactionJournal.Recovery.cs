namespace KiWhi.Armoire.Firmware.Journal
{
    /// <summary>Recovery at power-on and the snapshot written at the start of every segment.</summary>
    public sealed partial class TransactionJournal
    {
        /// <summary>
        /// Recovers the journal: replays every readable record (dropping and logging torn or corrupt
        /// tails), starts a new boot, and opens a new segment when the last one ends torn or with an
        /// incomplete snapshot. A storage error leaves the journal closed.
        /// </summary>
        public void Open()
        {
            if (_storage == null)
            {
                _log.Error(Component, "no storage: transactions cannot be journaled, so no session can start");
                return;
            }

            try
            {
                _records.Open();
                Replay();
                _clock.BeginBoot(_clock.LastBoot + 1);
                IsOpen = true;
                if (_records.LiveSegments == 0 || _records.HasTornTail || !_records.IsActiveSegmentComplete)
                {
                    _records.Rollover();
                }

                _record.Begin(RecordType.Boot);
                _record.WriteVarint(_clock.CurrentBoot);
                Append(_record);
                JournalEstimates();
                OnWallClockChanged();
                _queue.ReleaseDeadSegments();
            }
            catch (System.IO.IOException exception)
            {
                IsOpen = false;
                _log.Error(Component, "recovery failed, the journal stays closed and no session can start: " + exception.Message);
                return;
            }

            int open = 0;
            for (int i = 0; i < _bays.Length; i++)
            {
                if (_bays[i].HasSession)
                {
                    open++;
                }
            }

            _log.Info(Component, "boot " + _clock.CurrentBoot.ToString() + ": " + _records.LiveSegments.ToString() + " segments, "
                + _records.UsedBytes.ToString() + " of " + _records.BudgetBytes.ToString() + " bytes, " + _queue.Count.ToString()
                + " queued messages, " + open.ToString() + " open sessions, " + _records.DroppedAtRecovery.ToString() + " records dropped");
        }

        // Two passes: the first rebuilds the state (the queue's removal mark is only final at the end),
        // the second counts the messages still queued and finds the head.
        private void Replay()
        {
            long position = _records.StartPosition;
            while (_records.ReadNext(ref position, _replayRecord))
            {
                _replayRecord.Rewind();
                Apply(_replayRecord);
                if (_replayRecord.IsMalformed)
                {
                    _log.Warning(Component, "record " + _replayRecord.Sequence.ToString() + " of type " + ((int)_replayRecord.Type).ToString() + " is malformed; skipped");
                }
            }

            _queue.BeginCount();
            position = _records.StartPosition;
            while (_records.ReadNext(ref position, _replayRecord))
            {
                _queue.CountRecord(_replayRecord);
            }

            _queue.EndCount(_records.EndPosition);
        }

        private void Apply(JournalRecord record)
        {
            switch (record.Type)
            {
                case RecordType.Boot:
                    _clock.ApplyBoot(record.ReadInt());
                    break;
                case RecordType.ClockAnchor:
                    ApplyAnchorRecord(record);
                    break;
                case RecordType.StartTransaction:
                case RecordType.MeterValues:
                case RecordType.StopTransaction:
                    if (MessageRecords.Decode(record, _replayMessage))
                    {
                        ApplyToBay(_replayMessage);
                        _clock.NoteEvent(_replayMessage.EventTime);
                    }

                    break;
                case RecordType.MeterRegister:
                    ApplyMeterRegister(record);
                    break;
                case RecordType.Availability:
                    ApplyAvailability(record);
                    break;
                case RecordType.MessageRemoved:
                case RecordType.StartConfirmed:
                case RecordType.SessionDiscarded:
                case RecordType.SnapshotSession:
                case RecordType.SnapshotDiscard:
                    _queue.ApplyRecord(record);
                    break;
                case RecordType.SnapshotCounters:
                    ApplyCounters(record);
                    break;
                case RecordType.SnapshotBoot:
                    ApplyBootSnapshot(record);
                    break;
                case RecordType.SnapshotBay:
                    ApplyBaySnapshot(record);
                    break;
                case RecordType.SnapshotEnd:
                    _records.MarkComplete(RecordLog.SegmentOf(record.Position));
                    break;
                case RecordType.SegmentHeader:
                    break;
                default:
                    _log.Warning(Component, "record " + record.Sequence.ToString() + " has unknown type " + ((int)record.Type).ToString() + "; skipped");
                    break;
            }
        }

        private void ApplyAnchorRecord(JournalRecord record)
        {
            int bootNumber = record.ReadInt();
            long monotonicMs = record.ReadVarint();
            long utcMs = record.ReadVarint();
            bool estimated = record.ReadByte() == 1;
            if (!record.IsMalformed)
            {
                _clock.ApplyAnchor(bootNumber, monotonicMs, utcMs, estimated);
            }
        }

        private void ApplyMeterRegister(JournalRecord record)
        {
            int sessionId = record.ReadInt();
            PersistedBay bay = GetBay(record.ReadInt());
            long registerWh = record.ReadVarint();
            record.ReadTime(_replayTime);
            if (record.IsMalformed || bay == null)
            {
                return;
            }

            _clock.NoteEvent(_replayTime);
            if (bay.HasSession && bay.SessionId == sessionId)
            {
                bay.SetRegister(registerWh, _replayTime);
            }
        }

        private void ApplyAvailability(JournalRecord record)
        {
            PersistedBay bay = GetBay(record.ReadInt());
            int operative = record.ReadByte();
            if (!record.IsMalformed && bay != null)
            {
                bay.Operative = operative == 1;
            }
        }

        private void ApplyCounters(JournalRecord record)
        {
            long removedSequence = record.ReadVarint();
            int nextSessionId = record.ReadInt();
            int bootNumber = record.ReadInt();
            if (record.IsMalformed)
            {
                return;
            }

            _queue.ApplyRemovedSequence((uint)removedSequence);
            if (nextSessionId > _nextSessionId)
            {
                _nextSessionId = nextSessionId;
            }

            if (bootNumber > 0)
            {
                _clock.ApplyBoot(bootNumber);
            }
        }

        private void ApplyBootSnapshot(JournalRecord record)
        {
            int bootNumber = record.ReadInt();
            int flags = record.ReadByte();
            long startUtcMs = record.ReadVarint();
            long lastMonotonicMs = record.ReadVarint();
            if (!record.IsMalformed)
            {
                _clock.ApplySnapshot(bootNumber, (flags & 1) != 0, (flags & 2) != 0, startUtcMs, lastMonotonicMs);
            }
        }

        private void ApplyBaySnapshot(JournalRecord record)
        {
            PersistedBay bay = GetBay(record.ReadInt());
            bool operative = record.ReadByte() == 1;
            long registerWh = record.ReadVarint();
            record.ReadTime(_replayTime);
            bool hasSession = record.ReadByte() == 1;
            if (record.IsMalformed || bay == null)
            {
                return;
            }

            bay.Operative = operative;
            if (!hasSession)
            {
                bay.Close();
                bay.SetRegister(registerWh, _replayTime);
                return;
            }

            int sessionId = record.ReadInt();
            string idTag = record.ReadIdTag();
            long meterStartWh = record.ReadVarint();
            record.ReadTime(_replayMessage.EventTime);
            if (record.IsMalformed)
            {
                return;
            }

            bay.Open(sessionId, idTag, meterStartWh, _replayMessage.EventTime);
            bay.SetRegister(registerWh, _replayTime);
            int transactionId;
            if (_queue.TryGetTransactionId(sessionId, out transactionId))
            {
                bay.HasTransactionId = true;
                bay.TransactionId = transactionId;
            }

            if (sessionId >= _nextSessionId)
            {
                _nextSessionId = sessionId + 1;
            }
        }

        /// <summary>Writes the state records that open a new segment (<see cref="ISnapshotSource"/>).</summary>
        public void WriteSnapshot(RecordLog log)
        {
            _snapshotRecord.Begin(RecordType.SnapshotCounters);
            _snapshotRecord.WriteVarint(_queue.RemovedSequence);
            _snapshotRecord.WriteVarint(_nextSessionId);
            _snapshotRecord.WriteVarint(_clock.CurrentBoot);
            log.AppendSnapshotRecord(_snapshotRecord);

            for (int i = 0; i < _clock.Count; i++)
            {
                int bootNumber;
                bool resolved;
                bool estimated;
                long startUtcMs;
                long lastMonotonicMs;
                _clock.GetEntry(i, out bootNumber, out resolved, out estimated, out startUtcMs, out lastMonotonicMs);
                _snapshotRecord.Begin(RecordType.SnapshotBoot);
                _snapshotRecord.WriteVarint(bootNumber);
                _snapshotRecord.WriteByte((resolved ? 1 : 0) | (estimated ? 2 : 0));
                _snapshotRecord.WriteVarint(resolved ? startUtcMs : 0);
                _snapshotRecord.WriteVarint(lastMonotonicMs);
                log.AppendSnapshotRecord(_snapshotRecord);
            }

            _queue.WriteSnapshot(log, _snapshotRecord);

            for (int i = 0; i < _bays.Length; i++)
            {
                PersistedBay bay = _bays[i];
                if (bay.Operative && bay.LastRegisterWh == 0 && !bay.HasSession)
                {
                    continue;
                }

                _snapshotRecord.Begin(RecordType.SnapshotBay);
                _snapshotRecord.WriteVarint(bay.ConnectorId);
                _snapshotRecord.WriteByte(bay.Operative ? 1 : 0);
                _snapshotRecord.WriteVarint(bay.LastRegisterWh);
                _snapshotRecord.WriteTime(bay.LastRegisterTime);
                _snapshotRecord.WriteByte(bay.HasSession ? 1 : 0);
                if (bay.HasSession)
                {
                    _snapshotRecord.WriteVarint(bay.SessionId);
                    _snapshotRecord.WriteIdTag(bay.IdTag);
                    _snapshotRecord.WriteVarint(bay.MeterStartWh);
                    _snapshotRecord.WriteTime(bay.StartTime);
                }

                log.AppendSnapshotRecord(_snapshotRecord);
            }
        }
    }
}
