namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>
    /// The sampledValue array of a meterValue. Entries are reused: <see cref="Clear"/> keeps them, and
    /// <see cref="Add"/> hands back a cleared one, so a steady message shape allocates nothing.
    /// </summary>
    public sealed class SampledValueList
    {
        private SampledValue[] _items = new SampledValue[1];

        /// <summary>Number of entries.</summary>
        public int Count { get; private set; }

        /// <summary>Entry at <paramref name="index"/> (0 to <see cref="Count"/> − 1).</summary>
        public SampledValue this[int index]
        {
            get
            {
                if (index < 0 || index >= Count)
                {
                    throw new System.ArgumentOutOfRangeException(nameof(index));
                }

                return _items[index];
            }
        }

        /// <summary>Appends an entry, cleared, and returns it for the caller to fill.</summary>
        public SampledValue Add()
        {
            if (Count == _items.Length)
            {
                SampledValue[] larger = new SampledValue[_items.Length * 2];
                System.Array.Copy(_items, larger, _items.Length);
                _items = larger;
            }

            if (_items[Count] == null)
            {
                _items[Count] = new SampledValue();
            }

            SampledValue item = _items[Count];
            item.Clear();
            Count++;
            return item;
        }

        /// <summary>Removes every entry but keeps their storage for the next <see cref="Add"/>.</summary>
        public void Clear()
        {
            Count = 0;
        }
    }
}
