using System.Threading;
using KiWhi.Armoire.Hal;

namespace KiWhi.Armoire.Tests.Device.InstallerChecks
{
    /// <summary>
    /// Keypad listener that records which of the expected keys were pressed. Called from the keypad's
    /// scan thread, so it only records the key and signals the test thread, which reads the results.
    /// </summary>
    internal sealed class KeyCollector : IKeypadListener
    {
        private readonly object _lock = new object();
        private readonly AutoResetEvent _pressed = new AutoResetEvent(false);
        private readonly string _expectedKeys;
        private readonly bool[] _seen;
        private string _newKeys = "";

        /// <summary>Creates a collector waiting for each character of <paramref name="expectedKeys"/>.</summary>
        public KeyCollector(string expectedKeys)
        {
            _expectedKeys = expectedKeys;
            _seen = new bool[expectedKeys.Length];
        }

        public void OnKeyPressed(char key)
        {
            lock (_lock)
            {
                int index = _expectedKeys.IndexOf(key);
                if (index >= 0 && !_seen[index])
                {
                    _seen[index] = true;
                    _newKeys += key.ToString();
                }
            }

            _pressed.Set();
        }

        /// <summary>Expected keys not pressed yet, in the order given to the constructor.</summary>
        public string MissingKeys
        {
            get
            {
                string missing = "";
                lock (_lock)
                {
                    for (int i = 0; i < _seen.Length; i++)
                    {
                        if (!_seen[i])
                        {
                            missing += _expectedKeys[i].ToString();
                        }
                    }
                }

                return missing;
            }
        }

        /// <summary>Returns the keys seen for the first time since the previous call, in press order.</summary>
        public string TakeNewKeys()
        {
            lock (_lock)
            {
                string keys = _newKeys;
                _newKeys = "";
                return keys;
            }
        }

        /// <summary>Waits up to <paramref name="timeoutMs"/> for a key press, and returns false on timeout.</summary>
        public bool WaitForPress(int timeoutMs)
        {
            return _pressed.WaitOne(timeoutMs, false);
        }
    }
}
