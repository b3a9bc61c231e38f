using KiWhi.Armoire.Hal;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// The hardware a cabinet runs on: nanoFramework adapters on the device, simulations on the host.
    /// </summary>
    public sealed class CabinetHardware
    {
        public ICardTransceiver CardReader;
        public IKeypad Keypad;
        public IContactorBank Contactors;
        public IEnergyMeter Meters;
        public IIndicators Indicators;

        /// <summary>Character display; null when the board has none.</summary>
        public ITextDisplay Display;

        public IClock Clock;
        public IRandomSource Random;
        public IFileStorage Storage;
        public IOcppTransport Transport;

        /// <summary>Technician console line; null when the board has none.</summary>
        public ISerialLine ConsoleLine;

        /// <summary>Watchdog; null when none is wired.</summary>
        public IWatchdog Watchdog;

        /// <summary>Managed heap figures for the console's status; null when the platform gives none.</summary>
        public IHeapMonitor HeapMonitor;

        /// <summary>Network interface state for the console's net command; null when unknown.</summary>
        public INetworkStatus Network;
    }
}
