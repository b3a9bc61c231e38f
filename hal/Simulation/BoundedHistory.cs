using System.Collections.Generic;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>
    /// The most recent entries of a simulation's history; the oldest entry is dropped once
    /// <c>capacity</c> is reached, so a long virtual-cabinet run keeps bounded memory. Not thread-safe:
    /// the owner locks.
    /// </summary>
    internal sealed class BoundedHistory<T>
    {
        private readonly Queue<T> _entries = new Queue<T>();
        private readonly int _capacity;

        public BoundedHistory(int capacity)
        {
            if (capacity < 1)
            {
                throw new System.ArgumentOutOfRangeException(nameof(capacity), capacity, "A history keeps at least one entry.");
            }

            _capacity = capacity;
        }

        /// <summary>Entries dropped because the history was full.</summary>
        public long DroppedCount { get; private set; }

        public void Add(T entry)
        {
            if (_entries.Count == _capacity)
            {
                _entries.Dequeue();
                DroppedCount++;
            }

            _entries.Enqueue(entry);
        }

        public T[] ToArray()
        {
            return _entries.ToArray();
        }

        public void Clear()
        {
            _entries.Clear();
            DroppedCount = 0;
        }
    }
}
