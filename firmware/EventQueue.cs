using KiWhi.Armoire.Hal;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// Bounded queue between the hardware and network threads and the cabinet loop. Slots and their
    /// message buffers are allocated once, so enqueuing allocates nothing. When the queue is full the
    /// new event is dropped and counted: a lost key press is retyped by the resident, and a lost OCPP
    /// message looks to the central system like a reply timeout, which it already handles.
    /// </summary>
    public sealed class EventQueue : IKeypadListener, ITransportListener
    {
        private readonly object _sync = new object();
        private readonly CabinetEventKind[] _kinds;
        private readonly char[] _keys;
        private readonly byte[][] _payloads;
        private readonly int[] _payloadLengths;
        private readonly string[] _reasons;
        private int _head;
        private int _count;

        /// <param name="capacity">Events held at most.</param>
        /// <param name="maxMessageBytes">Largest OCPP message accepted; a longer one is dropped and counted in <see cref="OversizedMessages"/>.</param>
        public EventQueue(int capacity, int maxMessageBytes)
        {
            _kinds = new CabinetEventKind[capacity];
            _keys = new char[capacity];
            _payloads = new byte[capacity][];
            _payloadLengths = new int[capacity];
            _reasons = new string[capacity];
            for (int i = 0; i < capacity; i++)
            {
                _payloads[i] = new byte[maxMessageBytes];
            }

            MaxMessageBytes = maxMessageBytes;
        }

        /// <summary>Largest OCPP message in bytes that the queue accepts.</summary>
        public int MaxMessageBytes { get; }

        /// <summary>Events dropped because the queue was full.</summary>
        public int DroppedEvents { get; private set; }

        /// <summary>Messages dropped because they exceeded <see cref="MaxMessageBytes"/>.</summary>
        public int OversizedMessages { get; private set; }

        /// <summary>Events waiting.</summary>
        public int Count
        {
            get
            {
                lock (_sync)
                {
                    return _count;
                }
            }
        }

        public void OnKeyPressed(char key)
        {
            lock (_sync)
            {
                int slot = ReserveSlot();
                if (slot < 0)
                {
                    return;
                }

                _kinds[slot] = CabinetEventKind.KeyPressed;
                _keys[slot] = key;
            }
        }

        public void OnConnected()
        {
            lock (_sync)
            {
                int slot = ReserveSlot();
                if (slot >= 0)
                {
                    _kinds[slot] = CabinetEventKind.TransportConnected;
                }
            }
        }

        public void OnClosed(string reason)
        {
            lock (_sync)
            {
                int slot = ReserveSlot();
                if (slot >= 0)
                {
                    _kinds[slot] = CabinetEventKind.TransportClosed;
                    _reasons[slot] = reason;
                }
            }
        }

        public void OnMessage(byte[] utf8, int offset, int count)
        {
            lock (_sync)
            {
                if (count > MaxMessageBytes)
                {
                    OversizedMessages++;
                    return;
                }

                int slot = ReserveSlot();
                if (slot < 0)
                {
                    return;
                }

                _kinds[slot] = CabinetEventKind.TransportMessage;
                System.Array.Copy(utf8, offset, _payloads[slot], 0, count);
                _payloadLengths[slot] = count;
            }
        }

        /// <summary>
        /// Takes the oldest event into <paramref name="target"/> (its message bytes are copied into the
        /// target's buffer). Returns false when the queue is empty.
        /// </summary>
        public bool TryDequeue(CabinetEvent target)
        {
            lock (_sync)
            {
                if (_count == 0)
                {
                    return false;
                }

                int slot = _head;
                target.Kind = _kinds[slot];
                target.Key = _keys[slot];
                target.Reason = _reasons[slot];
                target.MessageLength = 0;
                if (_kinds[slot] == CabinetEventKind.TransportMessage)
                {
                    System.Array.Copy(_payloads[slot], 0, target.Message, 0, _payloadLengths[slot]);
                    target.MessageLength = _payloadLengths[slot];
                }

                _reasons[slot] = null;
                _head = (_head + 1) % _kinds.Length;
                _count--;
                return true;
            }
        }

        // Must be called under _sync. Returns -1 when the queue is full.
        private int ReserveSlot()
        {
            if (_count == _kinds.Length)
            {
                DroppedEvents++;
                return -1;
            }

            int slot = (_head + _count) % _kinds.Length;
            _count++;
            return slot;
        }
    }
}
