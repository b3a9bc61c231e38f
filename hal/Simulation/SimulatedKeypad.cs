using System;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>
    /// Keypad driven by the test or the tool: <see cref="Press"/> reports a key to the listener on the
    /// caller's thread, as the device's scan thread would. Keys pressed while scanning is stopped are lost.
    /// </summary>
    public sealed class SimulatedKeypad : IKeypad
    {
        /// <summary>Keys of the cabinet's keypad.</summary>
        public const string ValidKeys = "0123456789*#";

        private readonly object _lock = new object();
        private IKeypadListener _listener;
        private long _lostKeyCount;

        /// <summary>True between <see cref="Start"/> and <see cref="Stop"/>.</summary>
        public bool IsStarted
        {
            get
            {
                lock (_lock)
                {
                    return _listener != null;
                }
            }
        }

        /// <summary>Keys pressed while scanning was stopped.</summary>
        public long LostKeyCount
        {
            get
            {
                lock (_lock)
                {
                    return _lostKeyCount;
                }
            }
        }

        public void Start(IKeypadListener listener)
        {
            if (listener == null)
            {
                throw new ArgumentNullException(nameof(listener));
            }

            lock (_lock)
            {
                _listener = listener;
            }
        }

        public void Stop()
        {
            lock (_lock)
            {
                _listener = null;
            }
        }

        /// <summary>Returns true when <paramref name="key"/> is one of <see cref="ValidKeys"/>.</summary>
        public static bool IsValidKey(char key)
        {
            return ValidKeys.IndexOf(key) >= 0;
        }

        /// <summary>
        /// Presses one key. Returns false when scanning is stopped and the key is lost. Throws
        /// <see cref="ArgumentException"/> for a key the keypad does not have.
        /// </summary>
        public bool Press(char key)
        {
            if (!IsValidKey(key))
            {
                throw new ArgumentException("The keypad has no key '" + key + "'; valid keys are " + ValidKeys + ".", nameof(key));
            }

            IKeypadListener listener;
            lock (_lock)
            {
                listener = _listener;
                if (listener == null)
                {
                    _lostKeyCount++;
                    return false;
                }
            }

            // The listener runs outside the lock, so it may call the keypad from any thread without a deadlock.
            listener.OnKeyPressed(key);
            return true;
        }

        /// <summary>
        /// Presses every key of <paramref name="keys"/> in order after checking them all, so an invalid
        /// key presses nothing. Returns false when at least one key was lost.
        /// </summary>
        public bool Type(string keys)
        {
            if (keys == null)
            {
                throw new ArgumentNullException(nameof(keys));
            }

            foreach (char key in keys)
            {
                if (!IsValidKey(key))
                {
                    throw new ArgumentException("The keypad has no key '" + key + "' in '" + keys + "'; valid keys are " + ValidKeys + ".", nameof(keys));
                }
            }

            bool allDelivered = true;
            foreach (char key in keys)
            {
                allDelivered &= Press(key);
            }

            return allDelivered;
        }
    }
}
