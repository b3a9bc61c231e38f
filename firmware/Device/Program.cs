using System;
using System.Device.Gpio;
using System.Threading;
using KiWhi.Armoire.Boards;
using KiWhi.Armoire.Hal.Nano;

namespace KiWhi.Armoire.Firmware.Device
{
    /// <summary>Entry point of the device image: wires the board's adapters to the cabinet and runs its loop.</summary>
    public static class Program
    {
        /// <summary>Board the image is built for: one of <see cref="BoardCatalogue.Names"/>.</summary>
        private const string BoardName = Esp32WroverDevKitC.Name;

        private const int NetworkTimeoutMs = 60000;
        private const int LoopPeriodMs = 20;

        public static void Main()
        {
            DebugLogSink log = new DebugLogSink();
            NanoClock clock = new NanoClock();

            // An invalid profile stops here, before any pin is opened: every output stays an input.
            BoardProfile profile = BoardCatalogue.Find(BoardName);
            BoardProfileValidator.EnsureValid(profile);

            // Contactors first: their outputs go to the open level before anything else runs.
            GpioController gpio = new GpioController();
            GpioContactorBank contactors = new GpioContactorBank(profile, gpio);
            contactors.OpenAll();
            log.Write(clock.MonotonicMs, LogLevel.Info, "device", "board " + profile.Description + ", contactors open");

            string networkFailure = NetworkBringUp.Connect(profile, NetworkTimeoutMs);
            if (networkFailure != null)
            {
                // The cabinet still starts: it works offline and keeps reconnecting to the central system.
                log.Write(clock.MonotonicMs, LogLevel.Error, "device", networkFailure);
            }

            if (DateTime.UtcNow.Year >= 2021)
            {
                clock.SetUtcNow(DateTime.UtcNow);
            }

            CabinetHardware hardware = new CabinetHardware();
            hardware.Contactors = contactors;
            hardware.CardReader = new Mfrc522CardTransceiver(profile, gpio);
            hardware.Keypad = new KeyMatrixKeypad(profile, gpio);
            hardware.Meters = new S0PulseEnergyMeter(profile, gpio);
            hardware.Indicators = new GpioIndicators(profile, gpio);
            hardware.Clock = clock;
            hardware.Random = new Esp32RandomSource();
            hardware.Storage = new InternalFlashStorage();
            hardware.Transport = new ClientWebSocketTransport();
            hardware.ConsoleLine = profile.HasConsole ? new SerialConsoleLine(profile) : null;
            hardware.Watchdog = new SoftwareWatchdog(contactors);

            // TODO: read the provisioned CabinetConfiguration from storage; the defaults only suit a bench.
            CabinetConfiguration configuration = new CabinetConfiguration();
            if (configuration.BayCount > profile.MaxBays)
            {
                int[] spots = new int[profile.MaxBays];
                Array.Copy(configuration.SpotNumbers, spots, spots.Length);
                configuration.SpotNumbers = spots;
                log.Write(clock.MonotonicMs, LogLevel.Warning, "device", "configuration has more bays than the board drives; keeping " + spots.Length);
            }

            Cabinet cabinet = new Cabinet(hardware, configuration, log);
            cabinet.Start();
            while (true)
            {
                cabinet.RunOnce();
                Thread.Sleep(LoopPeriodMs);
            }
        }
    }
}
