using System;
using System.Collections;
using System.Device.Gpio;
using System.Threading;
using KiWhi.Armoire.Boards;
using KiWhi.Armoire.Hal.Nano;
using KiWhi.Armoire.Protocol.Json;
using nanoFramework.Networking;
using nanoFramework.Runtime.Native;

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

            InternalFlashStorage storage = new InternalFlashStorage();
            Esp32RandomSource random = new Esp32RandomSource();

            // The provisioned configuration, a provisioning file placed on I: by the installer, or
            // nothing: then the cabinet runs its first-boot setup on the console and stays off OCPP.
            // What the start-up finds goes to the cabinet's log once it exists, so `log` on the console shows it.
            ArrayList warnings = new ArrayList();
            CabinetConfiguration configuration = new CabinetConfiguration();
            ConfigurationLoadResult loaded = new ConfigurationStore(storage).Load(configuration, random);
            string configurationSummary = loaded.Summary();
            if (configuration.BoardProfileName != null && configuration.BoardProfileName != profile.Name)
            {
                warnings.Add("the configuration names board " + configuration.BoardProfileName + " but this image is built for "
                    + profile.Name + ", whose pins are used; flash the image built for the board, or correct BoardProfile");
            }

            if (configuration.BayCount > profile.MaxBays)
            {
                int[] spots = new int[profile.MaxBays];
                Array.Copy(configuration.SpotNumbers, spots, spots.Length);
                configuration.SpotNumbers = spots;
                warnings.Add("the configuration has more bays than the board drives; keeping " + spots.Length.ToString());
            }

            // The console starts with the cabinet, after a network bring-up that can take the whole
            // timeout (no SNTP server, no Wi-Fi yet), so a notice goes to the console line first.
            SerialConsoleLine consoleLine = profile.HasConsole ? new SerialConsoleLine(profile) : null;
            if (consoleLine != null)
            {
                string language = MessageCatalog.IsEnglish(configuration.Language) ? "en" : "fr";
                string notice = "\r\n" + MessageCatalog.FormatConsole(ConsoleTextId.StartingNetwork, language, (NetworkTimeoutMs / 1000).ToString()) + "\r\n";
                byte[] bytes = new byte[Utf8.GetByteCount(notice)];
                Utf8.GetBytes(notice, bytes, 0);
                consoleLine.Write(bytes, 0, bytes.Length);
            }

            NetworkBringUp network = new NetworkBringUp(profile);
            IPConfiguration staticAddress = configuration.IpAddressing == "static"
                ? NetworkBringUp.StaticAddress(configuration.StaticIpAddress, configuration.SubnetMask, configuration.DefaultGateway, configuration.DnsServer)
                : null;
            string networkFailure = network.Connect(configuration.WifiSsid, configuration.WifiPassword, staticAddress, NetworkTimeoutMs);
            if (networkFailure != null)
            {
                // The cabinet still starts: it works offline and keeps reconnecting to the central system.
                warnings.Add(networkFailure);
            }

            string certificateProblem;
            string caCertificate = CentralSystemCertificate.Load(storage, out certificateProblem);
            if (certificateProblem != null)
            {
                warnings.Add(certificateProblem);
            }
            else if (caCertificate == null && configuration.CentralSystemUrl != null && configuration.CentralSystemUrl.StartsWith("wss://"))
            {
                warnings.Add("wss:// URL but no " + CentralSystemCertificate.FileName + " on I:, so the TLS stack's default verification applies; deploy the central system's root CA as " + CentralSystemCertificate.FileName);
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
            hardware.Random = random;
            hardware.Storage = storage;
            hardware.Transport = new ClientWebSocketTransport(caCertificate);
            hardware.ConsoleLine = consoleLine;
            hardware.Watchdog = new SoftwareWatchdog(contactors);
            hardware.HeapMonitor = new NanoHeapMonitor();
            hardware.Network = network;

            Cabinet cabinet = new Cabinet(hardware, configuration, log);
            cabinet.Log.Info("device", configurationSummary);
            for (int i = 0; i < warnings.Count; i++)
            {
                cabinet.Log.Warning("device", (string)warnings[i]);
            }

            cabinet.Start();
            while (!cabinet.RebootRequested)
            {
                cabinet.RunOnce();
                Thread.Sleep(LoopPeriodMs);
            }

            // The console's reboot and factory-reset have stopped every session and opened every contactor.
            log.Write(clock.MonotonicMs, LogLevel.Info, "device", "reboot requested");
            Power.RebootDevice();
        }
    }
}
