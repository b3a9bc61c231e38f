namespace KiWhi.Armoire.Firmware.Journal
{
    /// <summary>
    /// Turns the time of journaled events into UTC across reboots. The ESP32 has no battery-backed
    /// clock: after every power-on the monotonic time restarts at 0 and the wall clock stays unknown
    /// until BootNotification.conf, Heartbeat.conf or network time sets it.
    /// </summary>
    /// <remarks>
    /// Policy, in order of use:
    /// <list type="number">
    /// <item>An event recorded while the wall clock is set carries its UTC time, taken from the clock
    /// at that moment. A later step of the clock, backwards or forwards, changes no queued time.</item>
    /// <item>An event recorded before the first synchronisation of its boot carries (boot number,
    /// monotonic ms). When the wall clock is first seen set during that boot, the journal writes a
    /// <see cref="RecordType.ClockAnchor"/> linking that boot's monotonic time to UTC, and the event is
    /// stamped anchor UTC + (event ms - anchor ms).</item>
    /// <item>A boot that ended before any synchronisation (power cut while offline) is estimated when a
    /// later boot is anchored: its start is taken as the next boot's start minus the monotonic time of
    /// its last journaled event, which assumes the supply came back at once. Such stamps are never
    /// earlier than the event really happened. They are late by the outage plus the time between
    /// the last journaled event and the cut. Durations inside one boot stay exact.</item>
    /// <item>Nothing is stamped while it cannot be resolved: a transaction message waits in the queue
    /// until its boot is anchored or estimated. A wall clock before <see cref="MinimumPlausibleUtcMs"/>
    /// counts as unset, so a central system that answers 1970 cannot anchor anything.</item>
    /// </list>
    /// The table keeps the last <see cref="Capacity"/> boots. NOTE: an event from an older boot that
    /// was never stamped is stamped with the start of the oldest boot still in the table.
    /// </remarks>
    public sealed class JournalClock
    {
        /// <summary>Boots whose start time the table keeps.</summary>
        public const int Capacity = 32;

        /// <summary>2025-01-01T00:00:00Z in ms since the Unix epoch: earlier wall clocks are treated as unset.</summary>
        public const long MinimumPlausibleUtcMs = 1735689600000;

        private readonly Hal.IClock _clock;
        private readonly int[] _boots = new int[Capacity];
        private readonly long[] _startUtcMs = new long[Capacity];
        private readonly bool[] _resolved = new bool[Capacity];
        private readonly bool[] _estimated = new bool[Capacity];
        private readonly long[] _lastMonotonicMs = new long[Capacity];
        private readonly bool[] _estimatePending = new bool[Capacity];
        private int _count;

        public JournalClock(Hal.IClock clock)
        {
            _clock = clock;
        }

        /// <summary>Number of the running boot; 0 until <see cref="BeginBoot"/>.</summary>
        public int CurrentBoot { get; private set; }

        /// <summary>Highest boot number seen so far.</summary>
        public int LastBoot
        {
            get { return _count == 0 ? 0 : _boots[_count - 1]; }
        }

        /// <summary>True once the running boot has a clock anchor.</summary>
        public bool IsCurrentBootAnchored
        {
            get
            {
                int index = IndexOf(CurrentBoot);
                return index >= 0 && _resolved[index] && !_estimated[index];
            }
        }

        /// <summary>Boots kept in the table.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>True when the wall clock is set to a plausible time (see <see cref="MinimumPlausibleUtcMs"/>).</summary>
        public bool IsWallClockUsable
        {
            get { return _clock.IsWallClockSet && EventTime.ToUtcMs(_clock.UtcNow) >= MinimumPlausibleUtcMs; }
        }

        /// <summary>Starts boot <paramref name="bootNumber"/>, which must be above every boot seen.</summary>
        public void BeginBoot(int bootNumber)
        {
            CurrentBoot = bootNumber;
            EnsureEntry(bootNumber);
        }

        /// <summary>Stamps <paramref name="time"/> with the present: UTC when the wall clock is usable, else the boot-relative time.</summary>
        public void StampNow(EventTime time)
        {
            long monotonicMs = _clock.MonotonicMs;
            NoteMonotonic(CurrentBoot, monotonicMs);
            if (IsWallClockUsable)
            {
                time.SetUtc(EventTime.ToUtcMs(_clock.UtcNow));
                return;
            }

            time.SetBootRelative(CurrentBoot, monotonicMs);
        }

        /// <summary>Records that a boot-relative event of <paramref name="time"/>'s boot happened, for the estimate of rule 3.</summary>
        public void NoteEvent(EventTime time)
        {
            if (!time.HasUtc)
            {
                NoteMonotonic(time.BootNumber, time.MonotonicMs);
            }
        }

        /// <summary>Applies a boot number read from the journal.</summary>
        public void ApplyBoot(int bootNumber)
        {
            EnsureEntry(bootNumber);
        }

        /// <summary>Applies a clock anchor read from the journal or just written: <paramref name="monotonicMs"/> of that boot was <paramref name="utcMs"/>.</summary>
        public void ApplyAnchor(int bootNumber, long monotonicMs, long utcMs, bool estimated)
        {
            int index = EnsureEntry(bootNumber);
            if (index < 0 || (_resolved[index] && !_estimated[index] && estimated))
            {
                return;
            }

            _startUtcMs[index] = utcMs - monotonicMs;
            _resolved[index] = true;
            _estimated[index] = estimated;
        }

        /// <summary>Applies a boot entry of a snapshot.</summary>
        public void ApplySnapshot(int bootNumber, bool resolved, bool estimated, long startUtcMs, long lastMonotonicMs)
        {
            int index = EnsureEntry(bootNumber);
            if (index < 0)
            {
                return;
            }

            if (resolved && (!_resolved[index] || _estimated[index] || !estimated))
            {
                _startUtcMs[index] = startUtcMs;
                _resolved[index] = true;
                _estimated[index] = estimated;
            }

            if (lastMonotonicMs > _lastMonotonicMs[index])
            {
                _lastMonotonicMs[index] = lastMonotonicMs;
            }
        }

        /// <summary>
        /// Takes the running boot's anchor from the wall clock when it is usable and not taken yet.
        /// Returns false when nothing changed; the caller journals the anchor, then calls
        /// <see cref="EstimateUnresolvedBoots"/>.
        /// </summary>
        public bool TryAnchorCurrentBoot(out long anchorMonotonicMs, out long anchorUtcMs)
        {
            anchorMonotonicMs = 0;
            anchorUtcMs = 0;
            if (IsCurrentBootAnchored || !IsWallClockUsable)
            {
                return false;
            }

            anchorMonotonicMs = _clock.MonotonicMs;
            anchorUtcMs = EventTime.ToUtcMs(_clock.UtcNow);
            ApplyAnchor(CurrentBoot, anchorMonotonicMs, anchorUtcMs, false);
            return true;
        }

        /// <summary>
        /// Estimates every boot left unresolved that a later boot's start follows (rule 3), newest
        /// first so that chains of unsynchronised boots resolve in one pass. Each entry changed is
        /// flagged until the caller journals it (<see cref="IsEstimatePending"/>).
        /// </summary>
        public void EstimateUnresolvedBoots()
        {
            for (int i = _count - 2; i >= 0; i--)
            {
                if (_resolved[i] || !_resolved[i + 1])
                {
                    continue;
                }

                _startUtcMs[i] = _startUtcMs[i + 1] - _lastMonotonicMs[i];
                _resolved[i] = true;
                _estimated[i] = true;
                _estimatePending[i] = true;
            }
        }

        /// <summary>True when the entry at <paramref name="index"/> contains an estimate not journaled yet.</summary>
        public bool IsEstimatePending(int index)
        {
            return _estimatePending[index];
        }

        public void MarkEstimateJournaled(int index)
        {
            _estimatePending[index] = false;
        }

        /// <summary>Reads the table entry at <paramref name="index"/> (0 = oldest boot kept).</summary>
        public void GetEntry(int index, out int bootNumber, out bool resolved, out bool estimated, out long startUtcMs, out long lastMonotonicMs)
        {
            bootNumber = _boots[index];
            resolved = _resolved[index];
            estimated = _estimated[index];
            startUtcMs = _startUtcMs[index];
            lastMonotonicMs = _lastMonotonicMs[index];
        }

        /// <summary>Returns the index of <paramref name="bootNumber"/> in the table, or -1.</summary>
        public int IndexOf(int bootNumber)
        {
            for (int i = _count - 1; i >= 0; i--)
            {
                if (_boots[i] == bootNumber)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Returns true and the UTC time of <paramref name="time"/> when its boot is resolved.</summary>
        public bool TryResolve(EventTime time, out long utcMs)
        {
            if (time.HasUtc)
            {
                utcMs = time.UtcMs;
                return true;
            }

            int index = IndexOf(time.BootNumber);
            if (index < 0 && _count > 0 && time.BootNumber < _boots[0])
            {
                // NOTE: the boot left the table; its start is unknown, so the oldest start kept is used.
                index = 0;
                if (_resolved[0])
                {
                    utcMs = _startUtcMs[0];
                    return true;
                }
            }

            if (index < 0 || !_resolved[index])
            {
                utcMs = 0;
                return false;
            }

            utcMs = _startUtcMs[index] + time.MonotonicMs;
            return true;
        }

        private void NoteMonotonic(int bootNumber, long monotonicMs)
        {
            int index = IndexOf(bootNumber);
            if (index >= 0 && monotonicMs > _lastMonotonicMs[index])
            {
                _lastMonotonicMs[index] = monotonicMs;
            }
        }

        // Returns the index of the boot's entry, creating it (and dropping the oldest when full);
        // -1 for a boot older than every entry of a full table.
        private int EnsureEntry(int bootNumber)
        {
            int index = IndexOf(bootNumber);
            if (index >= 0)
            {
                return index;
            }

            if (_count == Capacity)
            {
                if (bootNumber < _boots[0])
                {
                    return -1;
                }

                for (int i = 1; i < _count; i++)
                {
                    Move(i, i - 1);
                }

                _count--;
            }

            int position = _count;
            while (position > 0 && _boots[position - 1] > bootNumber)
            {
                Move(position - 1, position);
                position--;
            }

            _boots[position] = bootNumber;
            _startUtcMs[position] = 0;
            _resolved[position] = false;
            _estimated[position] = false;
            _lastMonotonicMs[position] = 0;
            _estimatePending[position] = false;
            _count++;
            return position;
        }

        private void Move(int from, int to)
        {
            _boots[to] = _boots[from];
            _startUtcMs[to] = _startUtcMs[from];
            _resolved[to] = _resolved[from];
            _estimated[to] = _estimated[from];
            _lastMonotonicMs[to] = _lastMonotonicMs[from];
            _estimatePending[to] = _estimatePending[from];
        }
    }
}
