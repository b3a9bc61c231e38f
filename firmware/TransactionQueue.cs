namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// The cabinet's one FIFO of transaction-related messages, in the order the events happened
    /// (OCPP 1.6 §3.7). It also maps each session to the transactionId the central system gave it, so
    /// that MeterValues and StopTransaction queued behind a StartTransaction are sent with the real id
    /// and never with an invented one.
    /// </summary>
    /// <remarks>
    /// NOTE: this queue lives in RAM, so a power cut loses what it holds; the durable journal on flash
    /// replaces its storage without changing this contract.
    /// </remarks>
    public sealed class TransactionQueue
    {
        private readonly TransactionMessage[] _ring;
        private int _head;
        private int _count;

        private readonly int[] _sessionIds;
        private readonly int[] _transactionIds;
        private int _nextMapSlot;

        public TransactionQueue(int capacity)
        {
            _ring = new TransactionMessage[capacity];
            for (int i = 0; i < capacity; i++)
            {
                _ring[i] = new TransactionMessage();
            }

            _sessionIds = new int[capacity];
            _transactionIds = new int[capacity];
        }

        public int Count
        {
            get { return _count; }
        }

        public int Capacity
        {
            get { return _ring.Length; }
        }

        /// <summary>Periodic MeterValues dropped to make room for a StartTransaction or StopTransaction.</summary>
        public int DroppedMeterValues { get; private set; }

        /// <summary>Messages discarded because their StartTransaction was finally discarded.</summary>
        public int DiscardedDependants { get; private set; }

        /// <summary>Returns the oldest message, or null when the queue is empty.</summary>
        public TransactionMessage Peek()
        {
            return _count == 0 ? null : _ring[_head];
        }

        /// <summary>
        /// Reserves the slot at the tail and returns it cleared for the caller to fill, or null when the
        /// queue is full of messages that may not be dropped. When full, the oldest periodic MeterValues is
        /// dropped to make room for a StartTransaction or StopTransaction, since those carry the billing.
        /// </summary>
        public TransactionMessage Enqueue(TransactionMessageKind kind)
        {
            if (_count == _ring.Length)
            {
                if (kind == TransactionMessageKind.MeterValues || !DropOldestMeterValues())
                {
                    return null;
                }
            }

            TransactionMessage message = _ring[(_head + _count) % _ring.Length];
            message.Clear();
            message.Kind = kind;
            _count++;
            return message;
        }

        /// <summary>Removes the oldest message (its CALLRESULT arrived, or it was discarded).</summary>
        public void RemoveHead()
        {
            if (_count == 0)
            {
                return;
            }

            _ring[_head].Clear();
            _head = (_head + 1) % _ring.Length;
            _count--;
        }

        /// <summary>Removes every queued message of a session whose StartTransaction was discarded; returns how many.</summary>
        public int DiscardSession(int sessionId)
        {
            int kept = 0;
            int removed = 0;
            for (int i = 0; i < _count; i++)
            {
                TransactionMessage message = _ring[(_head + i) % _ring.Length];
                if (message.SessionId == sessionId)
                {
                    removed++;
                    continue;
                }

                if (kept != i)
                {
                    Swap((_head + kept) % _ring.Length, (_head + i) % _ring.Length);
                }

                kept++;
            }

            for (int i = kept; i < _count; i++)
            {
                _ring[(_head + i) % _ring.Length].Clear();
            }

            _count = kept;
            DiscardedDependants += removed;
            return removed;
        }

        /// <summary>Records the transactionId given to a session by StartTransaction.conf.</summary>
        public void SetTransactionId(int sessionId, int transactionId)
        {
            for (int i = 0; i < _sessionIds.Length; i++)
            {
                if (_sessionIds[i] == sessionId)
                {
                    _transactionIds[i] = transactionId;
                    return;
                }
            }

            _sessionIds[_nextMapSlot] = sessionId;
            _transactionIds[_nextMapSlot] = transactionId;
            _nextMapSlot = (_nextMapSlot + 1) % _sessionIds.Length;
        }

        /// <summary>Returns true and the transactionId when the session's StartTransaction has been confirmed.</summary>
        public bool TryGetTransactionId(int sessionId, out int transactionId)
        {
            for (int i = 0; i < _sessionIds.Length; i++)
            {
                if (_sessionIds[i] == sessionId && sessionId != 0)
                {
                    transactionId = _transactionIds[i];
                    return true;
                }
            }

            transactionId = 0;
            return false;
        }

        private bool DropOldestMeterValues()
        {
            for (int i = 0; i < _count; i++)
            {
                int slot = (_head + i) % _ring.Length;
                if (_ring[slot].Kind != TransactionMessageKind.MeterValues)
                {
                    continue;
                }

                for (int j = i; j < _count - 1; j++)
                {
                    Swap((_head + j) % _ring.Length, (_head + j + 1) % _ring.Length);
                }

                _ring[(_head + _count - 1) % _ring.Length].Clear();
                _count--;
                DroppedMeterValues++;
                return true;
            }

            return false;
        }

        private void Swap(int a, int b)
        {
            TransactionMessage tmp = _ring[a];
            _ring[a] = _ring[b];
            _ring[b] = tmp;
        }
    }
}
