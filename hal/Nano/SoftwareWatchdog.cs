using System;
using System.Threading;
using nanoFramework.Runtime.Native;

namespace KiWhi.Armoire.Hal.Nano
{
    /// <summary>
    /// Watchdog thread that opens every contactor and reboots the board (Power.RebootDevice) when the
    /// cabinet loop stops feeding it. nanoFramework has no managed API to the ESP32's hardware
    /// watchdog, so a hang of the whole CLR is not covered.
    /// </summary>
    public sealed class SoftwareWatchdog : IWatchdog
    {
        private readonly object _sync = new object();
        private readonly IContactorBank _contactors;
        private long _lastFeedMs;
        private int _timeoutMs;
        private bool _started;

        /// <param name="contactors">Opened before the reboot; a reboot alone leaves the outputs to the board's pull resistors.</param>
        public SoftwareWatchdog(IContactorBank contactors)
        {
            _contactors = contactors;
        }

        /// <summary>Arms the watchdog; a second call only changes the timeout.</summary>
        public void Start(int timeoutMs)
        {
            lock (_sync)
            {
                _timeoutMs = timeoutMs;
                _lastFeedMs = Environment.TickCount64;
                if (_started)
                {
                    return;
                }

                _started = true;
            }

            new Thread(Watch).Start();
        }

        public void Feed()
        {
            lock (_sync)
            {
                _lastFeedMs = Environment.TickCount64;
            }
        }

        private void Watch()
        {
            while (true)
            {
                int timeoutMs;
                long silentMs;
                lock (_sync)
                {
                    timeoutMs = _timeoutMs;
                    silentMs = Environment.TickCount64 - _lastFeedMs;
                }

                if (silentMs > timeoutMs)
                {
                    _contactors.OpenAll();
                    Power.RebootDevice();
                }

                Thread.Sleep(timeoutMs / 4 < 1000 ? timeoutMs / 4 + 1 : 1000);
            }
        }
    }
}
