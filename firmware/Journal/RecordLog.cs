using KiWhi.Armoire.Hal;

namespace KiWhi.Armoire.Firmware.Journal
{
    /// <summary>
    /// Append-only, checksummed, sequence-numbered record log over flat files, in segments of bounded
    /// size. Only appends and file deletions change it: no byte is ever rewritten, so a power cut can
    /// only tear the record being appended.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Frame of a record, little-endian: payload length (1 byte), type (1 byte), sequence number
    /// (4 bytes), payload, CRC-32 of the 6 + length bytes before it (4 bytes). A frame that runs past
    /// the end of its file, fails its CRC or does not increase the sequence number ends the readable
    /// part of its segment: recovery logs it and drops it with whatever follows in that file.
    /// </para>
    /// <para>
    /// Segments live in files named prefix + slot number + ".jnl", slots 0 to
    /// <see cref="MaxSlots"/> - 1 (the storage has no directory listing, so recovery probes every slot).
    /// Each segment opens with a <see cref="RecordType.SegmentHeader"/> carrying its number, then a
    /// snapshot of the journal's state ended by <see cref="RecordType.SnapshotEnd"/>; recovery orders
    /// segments by number. A segment whose header is unreadable is deleted at recovery. New records
    /// never follow a torn tail: the log opens a new segment first, because a reader stops at the tear.
    /// </para>
    /// </remarks>
    public sealed class RecordLog
    {
        /// <summary>Bytes a frame adds to its payload: length, type, sequence number and CRC.</summary>
        public const int FrameOverheadBytes = 10;

        /// <summary>Slots probed at recovery; the configured segment count may not exceed it.</summary>
        public const int MaxSlots = 64;

        /// <summary>Version byte of the segment header; recovery skips segments of another version.</summary>
        public const int FormatVersion = 1;

        private const string Component = "journal";
        private const string FileSuffix = ".jnl";
        // NOTE: recovery reads the whole journal twice in reads of this size, and every read opens the
        // file on the device; the recovery time of a full journal on an ESP32 is not measured yet.
        private const int ChunkBytes = 512;
        private const int BatchBytes = 1024;

        private readonly IFileStorage _storage;
        private readonly string _filePrefix;
        private readonly int _segmentBytes;
        private readonly int _segmentCount;
        private readonly Logger _log;
        private readonly ISnapshotSource _snapshotSource;
        private readonly JournalRecord _scratch = new JournalRecord();

        // Live segments, ordered by segment number.
        private readonly int[] _numbers = new int[MaxSlots];
        private readonly int[] _slots = new int[MaxSlots];
        private readonly int[] _fileLengths = new int[MaxSlots];
        private readonly int[] _validLengths = new int[MaxSlots];
        private readonly bool[] _complete = new bool[MaxSlots];
        private int _count;

        private readonly byte[] _frame = new byte[JournalRecord.MaxPayloadBytes + FrameOverheadBytes];
        private readonly byte[] _chunk = new byte[ChunkBytes];
        private int _chunkSlot = -1;
        private int _chunkStart;
        private int _chunkLength;

        private byte[] _batch;
        private int _batchLength;
        private int _batchIndex = -1;
        private bool _batchFileCreated;

        private uint _lastSequence;
        private uint _scanSequence;
        private bool _activeTorn;

        public RecordLog(IFileStorage storage, string filePrefix, int segmentBytes, int segmentCount, Logger log, ISnapshotSource snapshotSource)
        {
            _storage = storage;
            _filePrefix = filePrefix;
            _segmentBytes = segmentBytes;
            _segmentCount = segmentCount;
            _log = log;
            _snapshotSource = snapshotSource;
        }

        /// <summary>Largest size of one segment file, in bytes.</summary>
        public int SegmentBytes
        {
            get { return _segmentBytes; }
        }

        /// <summary>Segment files the log may hold at once.</summary>
        public int SegmentCount
        {
            get { return _segmentCount; }
        }

        /// <summary>Flash the log may use: <see cref="SegmentBytes"/> × <see cref="SegmentCount"/>.</summary>
        public int BudgetBytes
        {
            get { return _segmentBytes * _segmentCount; }
        }

        /// <summary>Segment files present.</summary>
        public int LiveSegments
        {
            get { return _count; }
        }

        /// <summary>Bytes held by the segment files present, torn tails included.</summary>
        public int UsedBytes
        {
            get
            {
                int total = 0;
                for (int i = 0; i < _count; i++)
                {
                    total += _fileLengths[i];
                }

                return total;
            }
        }

        /// <summary>
        /// Bytes that can still be appended: the rest of the active segment plus every free slot.
        /// Every new segment first takes room for its snapshot, which this count does not subtract.
        /// </summary>
        public int FreeBytes
        {
            get
            {
                int freeSlots = _segmentCount - _count;
                if (freeSlots < 0)
                {
                    freeSlots = 0;
                }

                int rest = _count == 0 || _activeTorn ? 0 : _segmentBytes - _fileLengths[_count - 1];
                return freeSlots * _segmentBytes + (rest > 0 ? rest : 0);
            }
        }

        /// <summary>Bytes handed to the storage by Write and Append since this log was created.</summary>
        public long BytesWritten { get; private set; }

        /// <summary>Records dropped at recovery: torn tails, CRC failures and unreadable segment headers.</summary>
        public int DroppedAtRecovery { get; private set; }

        /// <summary>Storage operations that failed with an I/O error.</summary>
        public int StorageErrors { get; private set; }

        /// <summary>Number of the segment new records go to; 0 before the first segment exists.</summary>
        public int ActiveSegmentNumber
        {
            get { return _count == 0 ? 0 : _numbers[_count - 1]; }
        }

        /// <summary>Position of the first record of the oldest segment, or <see cref="EndPosition"/> when there is none.</summary>
        public long StartPosition
        {
            get { return _count == 0 ? EndPosition : MakePosition(_numbers[0], 0); }
        }

        /// <summary>Position just after the last readable record.</summary>
        public long EndPosition
        {
            get
            {
                if (_count == 0)
                {
                    return MakePosition(0, 0);
                }

                int last = _count - 1;
                return MakePosition(_numbers[last], _validLengths[last] >= 0 ? _validLengths[last] : _fileLengths[last]);
            }
        }

        /// <summary>Combines a segment number and a byte offset in that segment into one position.</summary>
        public static long MakePosition(int segmentNumber, int offset)
        {
            return ((long)segmentNumber << 32) | (uint)offset;
        }

        public static int SegmentOf(long position)
        {
            return (int)(position >> 32);
        }

        public static int OffsetOf(long position)
        {
            return (int)(position & 0xFFFFFFFF);
        }

        /// <summary>
        /// Finds the segment files by probing every slot and orders them by number. Unreadable segment
        /// headers are deleted. Records are then validated as <see cref="ReadNext"/> first reads them.
        /// </summary>
        public void Open()
        {
            _count = 0;
            _chunkSlot = -1;
            for (int slot = 0; slot < MaxSlots; slot++)
            {
                string name = FileName(slot);
                int length = _storage.GetLength(name);
                if (length < 0)
                {
                    continue;
                }

                int number = ReadSegmentNumber(slot, length);
                if (number <= 0)
                {
                    DroppedAtRecovery++;
                    _log.Warning(Component, "segment file " + name + " (" + length.ToString() + " bytes) has no valid header; deleted");
                    _storage.Delete(name);
                    continue;
                }

                InsertSegment(number, slot, length);
            }

            _scanSequence = 0;
            _activeTorn = false;
        }

        /// <summary>
        /// Reads the record at <paramref name="position"/> into <paramref name="record"/> and moves
        /// <paramref name="position"/> past it, continuing into the next segment at the end of one.
        /// Returns false at the end of the log. The first read of a segment's records validates them.
        /// </summary>
        public bool ReadNext(ref long position, JournalRecord record)
        {
            while (true)
            {
                int index = IndexOfSegment(SegmentOf(position));
                if (index < 0)
                {
                    if (_count == 0 || SegmentOf(position) > _numbers[_count - 1])
                    {
                        return false;
                    }

                    // The segment was deleted or never existed: continue with the next one present.
                    index = IndexOfFirstSegmentAfter(SegmentOf(position));
                    position = MakePosition(_numbers[index], 0);
                }

                int offset = OffsetOf(position);
                bool scanning = _validLengths[index] < 0;
                int limit = scanning ? _fileLengths[index] : _validLengths[index];
                if (offset < limit)
                {
                    string problem = ReadFrame(_slots[index], _numbers[index], _fileLengths[index], offset, scanning, record);
                    if (problem == null)
                    {
                        if (scanning)
                        {
                            _scanSequence = record.Sequence;
                            if (record.Sequence > _lastSequence)
                            {
                                _lastSequence = record.Sequence;
                            }
                        }

                        position = MakePosition(_numbers[index], offset + record.FrameLength);
                        return true;
                    }

                    if (scanning)
                    {
                        DroppedAtRecovery++;
                        _log.Warning(Component, "segment " + _numbers[index].ToString() + " (" + FileName(_slots[index]) + "): "
                            + (_fileLengths[index] - offset).ToString() + " bytes from offset " + offset.ToString() + " dropped, " + problem);
                        _validLengths[index] = offset;
                    }
                }
                else if (scanning)
                {
                    _validLengths[index] = _fileLengths[index];
                }

                if (index == _count - 1)
                {
                    if (_validLengths[index] < _fileLengths[index])
                    {
                        _activeTorn = true;
                    }

                    return false;
                }

                position = MakePosition(_numbers[index + 1], 0);
            }
        }

        /// <summary>True when the last segment ends with a torn or corrupt record, so appends need a new segment.</summary>
        public bool HasTornTail
        {
            get { return _activeTorn; }
        }

        /// <summary>
        /// True when the last segment's snapshot is complete. A cut between two snapshot records leaves
        /// no torn bytes but an incomplete snapshot, and the segments before it cannot be deleted until a
        /// later segment has a complete one.
        /// </summary>
        public bool IsActiveSegmentComplete
        {
            get { return _count > 0 && _complete[_count - 1]; }
        }

        /// <summary>Marks a segment's snapshot as complete (its <see cref="RecordType.SnapshotEnd"/> was read).</summary>
        public void MarkComplete(int segmentNumber)
        {
            int index = IndexOfSegment(segmentNumber);
            if (index >= 0)
            {
                _complete[index] = true;
            }
        }

        /// <summary>
        /// Appends <paramref name="record"/>, opening a new segment first when it does not fit the active
        /// one or that one has a torn tail. Sets its sequence number and position. Returns false, with the
        /// error logged, when no segment slot is free or the storage fails.
        /// </summary>
        public bool Append(JournalRecord record)
        {
            if (record.IsMalformed)
            {
                _log.Error(Component, "record of type " + ((int)record.Type).ToString() + " not written: its fields do not fit the record format");
                return false;
            }

            if (_count == 0 || _activeTorn || _fileLengths[_count - 1] + record.FrameLength > _segmentBytes)
            {
                if (!Rollover())
                {
                    return false;
                }
            }

            int index = _count - 1;
            int offset = _fileLengths[index];
            int length = EncodeFrame(record);
            string name = FileName(_slots[index]);
            try
            {
                BytesWritten += length;
                _storage.Append(name, _frame, 0, length);
            }
            catch (System.IO.IOException exception)
            {
                OnWriteFailed(index, "append to " + name, exception);
                return false;
            }

            _fileLengths[index] = offset + length;
            _validLengths[index] = offset + length;
            record.Position = MakePosition(_numbers[index], offset);
            InvalidateChunk(_slots[index]);
            return true;
        }

        /// <summary>
        /// Opens a new segment: header, snapshot from the <see cref="ISnapshotSource"/>, end marker,
        /// written in as few storage calls as the batch buffer allows. Returns false when no slot is
        /// free or the storage fails.
        /// </summary>
        public bool Rollover()
        {
            int slot = FindFreeSlot();
            if (slot < 0)
            {
                _log.Error(Component, "no free segment slot: the journal uses its whole budget of "
                    + BudgetBytes.ToString() + " bytes");
                return false;
            }

            int number = _count == 0 ? 1 : _numbers[_count - 1] + 1;
            InsertSegment(number, slot, 0);
            _validLengths[_count - 1] = 0;
            _batchIndex = _count - 1;
            _batchFileCreated = false;
            _batchLength = 0;
            if (_batch == null)
            {
                _batch = new byte[BatchBytes];
            }

            try
            {
                _scratch.Begin(RecordType.SegmentHeader);
                _scratch.WriteByte(FormatVersion);
                _scratch.WriteVarint(number);
                AppendToBatch(_scratch);
                _snapshotSource.WriteSnapshot(this);
                _scratch.Begin(RecordType.SnapshotEnd);
                AppendToBatch(_scratch);
                FlushBatch();
            }
            catch (System.IO.IOException exception)
            {
                OnWriteFailed(_batchIndex, "new segment " + FileName(slot), exception);
                if (_storage.GetLength(FileName(slot)) < 0)
                {
                    _count--;
                }

                _batchIndex = -1;
                return false;
            }

            _complete[_count - 1] = true;
            _batchIndex = -1;
            _activeTorn = false;
            return true;
        }

        /// <summary>Adds one snapshot record to the segment being opened; valid only inside <see cref="ISnapshotSource.WriteSnapshot"/>.</summary>
        public void AppendSnapshotRecord(JournalRecord record)
        {
            if (_batchIndex < 0)
            {
                throw new System.InvalidOperationException("snapshot records can only be written while a segment is being opened");
            }

            if (record.IsMalformed)
            {
                _log.Error(Component, "snapshot record of type " + ((int)record.Type).ToString() + " does not fit the record format; skipped");
                return;
            }

            AppendToBatch(record);
        }

        /// <summary>
        /// Deletes, oldest first, the segments numbered below <paramref name="segmentNumber"/>, provided a
        /// later segment contains a complete snapshot. The active segment is never deleted.
        /// </summary>
        public void ReleaseBefore(int segmentNumber)
        {
            int newestComplete = 0;
            for (int i = 0; i < _count; i++)
            {
                if (_complete[i])
                {
                    newestComplete = _numbers[i];
                }
            }

            while (_count > 1 && _numbers[0] < segmentNumber && _numbers[0] < newestComplete)
            {
                string name = FileName(_slots[0]);
                try
                {
                    _storage.Delete(name);
                }
                catch (System.IO.IOException exception)
                {
                    StorageErrors++;
                    _log.Error(Component, "delete of " + name + " failed: " + exception.Message);
                    return;
                }

                InvalidateChunk(_slots[0]);
                RemoveFirstSegment();
            }
        }

        private void AppendToBatch(JournalRecord record)
        {
            int length = EncodeFrame(record);
            if (_batchLength + length > _batch.Length)
            {
                FlushBatch();
            }

            System.Array.Copy(_frame, 0, _batch, _batchLength, length);
            _batchLength += length;
            record.Position = MakePosition(_numbers[_batchIndex], _fileLengths[_batchIndex] + _batchLength - length);
        }

        private void FlushBatch()
        {
            if (_batchLength == 0)
            {
                return;
            }

            string name = FileName(_slots[_batchIndex]);
            BytesWritten += _batchLength;
            if (_batchFileCreated)
            {
                _storage.Append(name, _batch, 0, _batchLength);
            }
            else
            {
                _storage.Write(name, _batch, 0, _batchLength);
                _batchFileCreated = true;
            }

            _fileLengths[_batchIndex] += _batchLength;
            _validLengths[_batchIndex] = _fileLengths[_batchIndex];
            _batchLength = 0;
            InvalidateChunk(_slots[_batchIndex]);
        }

        // Builds the frame of a record in _frame and returns its length; assigns the next sequence number.
        private int EncodeFrame(JournalRecord record)
        {
            _lastSequence++;
            record.Sequence = _lastSequence;
            int length = record.Length;
            _frame[0] = (byte)length;
            _frame[1] = (byte)record.Type;
            LittleEndian.WriteUInt32(_frame, 2, record.Sequence);
            System.Array.Copy(record.Payload, 0, _frame, 6, length);
            LittleEndian.WriteUInt32(_frame, 6 + length, Crc32.Compute(_frame, 0, 6 + length));
            return length + FrameOverheadBytes;
        }

        // Returns null when a valid frame was read into the record, otherwise why it is not valid.
        // While scanning, the sequence number must also rise above the last one read.
        private string ReadFrame(int slot, int segmentNumber, int fileLength, int offset, bool scanning, JournalRecord record)
        {
            int available = fileLength - offset;
            if (available < FrameOverheadBytes)
            {
                return "torn record header";
            }

            if (!ReadBytes(slot, offset, _frame, 0, 6))
            {
                return "read failed";
            }

            int length = _frame[0];
            if (length + FrameOverheadBytes > available)
            {
                return "torn record of " + (length + FrameOverheadBytes).ToString() + " bytes";
            }

            if (!ReadBytes(slot, offset + 6, _frame, 6, length + 4))
            {
                return "read failed";
            }

            uint crc = LittleEndian.ReadUInt32(_frame, 6 + length);
            if (crc != Crc32.Compute(_frame, 0, 6 + length))
            {
                return "CRC mismatch";
            }

            uint sequence = LittleEndian.ReadUInt32(_frame, 2);
            if (scanning && sequence <= _scanSequence)
            {
                return "sequence number " + sequence.ToString() + " not above " + _scanSequence.ToString();
            }

            record.Begin((RecordType)_frame[1]);
            record.Sequence = sequence;
            record.Position = MakePosition(segmentNumber, offset);
            System.Array.Copy(_frame, 6, record.Payload, 0, length);
            record.Length = length;
            return null;
        }

        private bool ReadBytes(int slot, int offset, byte[] destination, int destinationOffset, int count)
        {
            if (_chunkSlot != slot || offset < _chunkStart || offset + count > _chunkStart + _chunkLength)
            {
                _chunkSlot = -1;
                int read;
                try
                {
                    read = _storage.Read(FileName(slot), offset, _chunk, 0, ChunkBytes);
                }
                catch (System.IO.IOException exception)
                {
                    StorageErrors++;
                    _log.Error(Component, "read of " + FileName(slot) + " at " + offset.ToString() + " failed: " + exception.Message);
                    return false;
                }

                _chunkSlot = slot;
                _chunkStart = offset;
                _chunkLength = read;
                if (count > read)
                {
                    return false;
                }
            }

            System.Array.Copy(_chunk, offset - _chunkStart, destination, destinationOffset, count);
            return true;
        }

        // Returns the number in the segment header of the file in slot, or 0 when the header is not valid.
        private int ReadSegmentNumber(int slot, int fileLength)
        {
            int number = 0;
            if (ReadFrame(slot, 0, fileLength, 0, false, _scratch) == null && _scratch.Type == RecordType.SegmentHeader)
            {
                int version = _scratch.ReadByte();
                long value = _scratch.ReadVarint();
                if (!_scratch.IsMalformed && version == FormatVersion && value > 0 && value <= int.MaxValue)
                {
                    number = (int)value;
                }
            }

            return number;
        }

        private void OnWriteFailed(int index, string operation, System.IO.IOException exception)
        {
            StorageErrors++;
            _activeTorn = true;
            string name = FileName(_slots[index]);
            int length = _storage.GetLength(name);
            if (length >= 0)
            {
                _fileLengths[index] = length;
            }

            InvalidateChunk(_slots[index]);
            _log.Error(Component, operation + " failed: " + exception.Message + "; new records go to a new segment");
        }

        private void InsertSegment(int number, int slot, int length)
        {
            int position = _count;
            while (position > 0 && _numbers[position - 1] > number)
            {
                _numbers[position] = _numbers[position - 1];
                _slots[position] = _slots[position - 1];
                _fileLengths[position] = _fileLengths[position - 1];
                _validLengths[position] = _validLengths[position - 1];
                _complete[position] = _complete[position - 1];
                position--;
            }

            _numbers[position] = number;
            _slots[position] = slot;
            _fileLengths[position] = length;
            _validLengths[position] = -1;
            _complete[position] = false;
            _count++;
        }

        private void RemoveFirstSegment()
        {
            for (int i = 1; i < _count; i++)
            {
                _numbers[i - 1] = _numbers[i];
                _slots[i - 1] = _slots[i];
                _fileLengths[i - 1] = _fileLengths[i];
                _validLengths[i - 1] = _validLengths[i];
                _complete[i - 1] = _complete[i];
            }

            _count--;
        }

        private int IndexOfSegment(int number)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_numbers[i] == number)
                {
                    return i;
                }
            }

            return -1;
        }

        private int IndexOfFirstSegmentAfter(int number)
        {
            for (int i = 0; i < _count; i++)
            {
                if (_numbers[i] > number)
                {
                    return i;
                }
            }

            return _count - 1;
        }

        private int FindFreeSlot()
        {
            if (_count >= _segmentCount)
            {
                return -1;
            }

            for (int slot = 0; slot < _segmentCount; slot++)
            {
                bool used = false;
                for (int i = 0; i < _count; i++)
                {
                    if (_slots[i] == slot)
                    {
                        used = true;
                        break;
                    }
                }

                if (!used)
                {
                    return slot;
                }
            }

            return -1;
        }

        private void InvalidateChunk(int slot)
        {
            if (_chunkSlot == slot)
            {
                _chunkSlot = -1;
            }
        }

        private string FileName(int slot)
        {
            return _filePrefix + (slot < 10 ? "0" : "") + slot.ToString() + FileSuffix;
        }
    }
}
