using System;
using System.Collections.Generic;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>
    /// Contactor outputs of a board, with the output polarity of its profile. Records every change of
    /// state so tests can check the safety invariants afterwards. Thread-safe.
    /// </summary>
    public sealed class SimulatedContactorBank : IContactorBank
    {
        /// <summary>Switch events kept by default before the oldest are dropped.</summary>
        public const int DefaultHistoryCapacity = 10000;

        private readonly object _lock = new object();
        private readonly bool[] _closed;
        private readonly long[] _closureCounts;
        private readonly BoundedHistory<ContactorSwitchEvent> _history;
        private readonly List<IContactorObserver> _observers = new List<IContactorObserver>();
        private long _setCallCount;

        /// <summary>
        /// Creates <paramref name="count"/> contactors, all open. <paramref name="activeHigh"/> is true when
        /// a high output closes the contactor. Switch events are stamped with <paramref name="clock"/>, or
        /// with 0 when it is null.
        /// </summary>
        public SimulatedContactorBank(int count, bool activeHigh, IClock clock = null, int historyCapacity = DefaultHistoryCapacity)
        {
            if (count < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(count), count, "A cabinet has at least one bay.");
            }

            ActiveHigh = activeHigh;
            Clock = clock;
            _closed = new bool[count];
            _closureCounts = new long[count];
            _history = new BoundedHistory<ContactorSwitchEvent>(historyCapacity);
        }

        public int Count
        {
            get { return _closed.Length; }
        }

        /// <summary>True when a high output level closes a contactor.</summary>
        public bool ActiveHigh { get; }

        /// <summary>Clock that stamps switch events; null when none was given.</summary>
        public IClock Clock { get; }

        /// <summary>Calls of <see cref="Set"/>, including those that did not change the state.</summary>
        public long SetCallCount
        {
            get
            {
                lock (_lock)
                {
                    return _setCallCount;
                }
            }
        }

        /// <summary>Switches from open to closed, all bays together.</summary>
        public long TotalClosureCount
        {
            get
            {
                lock (_lock)
                {
                    long total = 0;
                    foreach (long count in _closureCounts)
                    {
                        total += count;
                    }

                    return total;
                }
            }
        }

        /// <summary>Switch events, oldest first (at most the history capacity given at construction).</summary>
        public ContactorSwitchEvent[] History
        {
            get
            {
                lock (_lock)
                {
                    return _history.ToArray();
                }
            }
        }

        public void Set(int bay, bool closed)
        {
            lock (_lock)
            {
                int index = ToIndex(bay);
                _setCallCount++;
                SwitchLocked(index, closed);
            }
        }

        public bool IsClosed(int bay)
        {
            lock (_lock)
            {
                return _closed[ToIndex(bay)];
            }
        }

        public void OpenAll()
        {
            lock (_lock)
            {
                for (int index = 0; index < _closed.Length; index++)
                {
                    SwitchLocked(index, false);
                }
            }
        }

        /// <summary>Returns the output level the board drives for <paramref name="bay"/>: true for high.</summary>
        public bool IsPinHigh(int bay)
        {
            lock (_lock)
            {
                return _closed[ToIndex(bay)] == ActiveHigh;
            }
        }

        /// <summary>Returns how many times the contactor of <paramref name="bay"/> switched from open to closed.</summary>
        public long ClosureCount(int bay)
        {
            lock (_lock)
            {
                return _closureCounts[ToIndex(bay)];
            }
        }

        /// <summary>Returns the numbers of the bays whose contactor is closed, in increasing order.</summary>
        public int[] ClosedBays()
        {
            lock (_lock)
            {
                var bays = new List<int>();
                for (int index = 0; index < _closed.Length; index++)
                {
                    if (_closed[index])
                    {
                        bays.Add(index + 1);
                    }
                }

                return bays.ToArray();
            }
        }

        /// <summary>
        /// Gives <paramref name="observer"/> the current state of every bay, then registers it for every
        /// later switch, both under one lock so that no switch is missed.
        /// </summary>
        internal void AddObserver(IContactorObserver observer)
        {
            lock (_lock)
            {
                long nowMs = Clock == null ? 0 : Clock.MonotonicMs;
                observer.OnAttached((bool[])_closed.Clone(), nowMs);
                _observers.Add(observer);
            }
        }

        private void SwitchLocked(int index, bool closed)
        {
            if (_closed[index] == closed)
            {
                return;
            }

            long nowMs = Clock == null ? 0 : Clock.MonotonicMs;
            _closed[index] = closed;
            if (closed)
            {
                _closureCounts[index]++;
            }

            _history.Add(new ContactorSwitchEvent(index + 1, closed, nowMs));
            foreach (IContactorObserver observer in _observers)
            {
                observer.OnSwitched(index + 1, closed, nowMs);
            }
        }

        private int ToIndex(int bay)
        {
            if (bay < 1 || bay > _closed.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(bay), bay, "Bays are numbered 1 to " + _closed.Length + ".");
            }

            return bay - 1;
        }
    }
}
