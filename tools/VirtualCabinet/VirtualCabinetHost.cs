using System;
using System.Collections.Generic;
using System.Threading;
using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Tools.Bench;
using Microsoft.Extensions.Logging;

namespace KiWhi.Armoire.Tools.VirtualCabinet
{
    /// <summary>
    /// The firmware's <see cref="Cabinet"/> on simulated hardware, with its loop on a dedicated thread
    /// every <see cref="LoopPeriodMs"/> ms, a <see cref="SystemClock"/>, files in a host folder and a real
    /// WebSocket transport. By default it also runs a bench central system in-process.
    /// </summary>
    public sealed class VirtualCabinetHost : IDisposable
    {
        /// <summary>Pause between two iterations of the cabinet loop, in ms.</summary>
        public const int LoopPeriodMs = 10;

        private readonly VirtualCabinetOptions _options;
        private readonly LogBook _log;
        private readonly ILoggerFactory _loggerFactory;
        private readonly bool _runFirmware;
        private readonly string _flashFolder;
        private Thread _loopThread;
        private volatile bool _stopping;
        private volatile CabinetStatus _status = CabinetStatus.NotRunning;
        private Cabinet _cabinet;
        private string _technicianPasswordHash;
        private long _loopErrorCount;

        /// <summary>
        /// Builds the simulations. <paramref name="runFirmware"/> false leaves the firmware out, so tests
        /// can drive the simulations and the commands alone. Cabinet files go to <paramref name="flashFolder"/>.
        /// </summary>
        public VirtualCabinetHost(VirtualCabinetOptions options, LogBook log, string flashFolder, bool runFirmware = true)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _log = log ?? throw new ArgumentNullException(nameof(log));
            _flashFolder = flashFolder ?? throw new ArgumentNullException(nameof(flashFolder));
            _runFirmware = runFirmware;
            _loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(log.CreateLoggerProvider()).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Information));

            SpotNumbers = options.EffectiveSpotNumbers();
            Clock = new SystemClock();
            Reader = new SimulatedCardReader();
            Keypad = new SimulatedKeypad();
            Contactors = new SimulatedContactorBank(SpotNumbers.Length, activeHigh: true, Clock);
            Meters = new SimulatedEnergyMeter(Contactors, options.PowerW);
            Indicators = new SimulatedIndicators(Clock);
            Display = new SimulatedDisplay(16, Clock);
            ConsoleLine = new SimulatedSerialLine();
            Watchdog = new SimulatedWatchdog(Clock);
            Transport = new ObservedTransport(new WebSocketTransport(_loggerFactory.CreateLogger("transport")));
            Cards = new CardFactory(options.UidOnly);
        }

        public int[] SpotNumbers { get; }

        /// <summary>Charge-point identity the cabinet connects with.</summary>
        public string Identity
        {
            get { return _options.Identity; }
        }

        /// <summary>Log of this run.</summary>
        public LogBook Log
        {
            get { return _log; }
        }

        public SystemClock Clock { get; }

        public SimulatedCardReader Reader { get; }

        public SimulatedKeypad Keypad { get; }

        public SimulatedContactorBank Contactors { get; }

        public SimulatedEnergyMeter Meters { get; }

        public SimulatedIndicators Indicators { get; }

        public SimulatedDisplay Display { get; }

        public SimulatedSerialLine ConsoleLine { get; }

        public SimulatedWatchdog Watchdog { get; }

        public ObservedTransport Transport { get; }

        /// <summary>Cards for the badge command, matching the cabinet's authentication setting.</summary>
        public CardFactory Cards { get; }

        /// <summary>The in-process bench central system, or null when --csms names another one.</summary>
        public BenchCentralSystem Bench { get; private set; }

        /// <summary>Central-system URL the cabinet connects to, without its identity; set by <see cref="Start"/>.</summary>
        public string CentralSystemUrl { get; private set; }

        /// <summary>Latest snapshot of the firmware's state.</summary>
        public CabinetStatus Status
        {
            get { return _status; }
        }

        public int BayCount
        {
            get { return SpotNumbers.Length; }
        }

        /// <summary>
        /// Starts the bench (unless a central system was given), then the firmware and its loop thread.
        /// Throws what the firmware's constructor or Start throws, for example
        /// <see cref="NotImplementedException"/> while the Cabinet is a stub.
        /// </summary>
        public void Start()
        {
            if (_options.CentralSystemUrl == null)
            {
                var benchOptions = new BenchOptions();
                benchOptions.InvalidIdTags.Add(PresetCards.UidOf(PresetCards.RejectedName));
                Bench = new BenchCentralSystem(benchOptions, _loggerFactory.CreateLogger("bench"));
                Bench.Start();
                CentralSystemUrl = Bench.Url;
            }
            else
            {
                CentralSystemUrl = _options.CentralSystemUrl;
            }

            if (!_runFirmware)
            {
                return;
            }

            _technicianPasswordHash = HashTechnicianPassword(_options.TechnicianPassword);
            StartFirmware();
            _loopThread = new Thread(RunLoop) { IsBackground = true, Name = "cabinet loop" };
            _loopThread.Start();
        }

        // Builds the firmware's Cabinet on the simulated hardware and starts it. A reboot asked by the
        // firmware (console reboot, factory-reset, end of the setup) runs it again, with the settings
        // taken again from the command line, or from the flash folder with --first-boot.
        private void StartFirmware()
        {
            var hardware = new CabinetHardware
            {
                CardReader = Reader,
                Keypad = Keypad,
                Contactors = Contactors,
                Meters = Meters,
                Indicators = Indicators,
                Display = Display,
                Clock = Clock,
                Random = new SystemRandomSource(),
                Storage = new DirectoryFileStorage(_flashFolder),
                Transport = Transport,
                ConsoleLine = ConsoleLine,
                Watchdog = Watchdog,
            };
            var startupNotes = new List<string>();
            CabinetConfiguration configuration = _options.FirstBoot ? LoadConfiguration(hardware, startupNotes) : new CabinetConfiguration
            {
                CentralSystemUrl = CentralSystemUrl,
                ChargePointIdentity = _options.Identity,
                SpotNumbers = SpotNumbers,
                Language = _options.Language,
                MeterValueSampleIntervalSeconds = _options.MeterValueSampleIntervalSeconds,
                RequireCardAuthentication = !_options.UidOnly,
                CardMasterKey = _options.UidOnly ? null : (byte[])CardFactory.DemoMasterKey.Clone(),
                TechnicianPasswordHash = _technicianPasswordHash,
            };

            _cabinet = new Cabinet(hardware, configuration, new LogBookSink(_log));

            // As on the device, what the start-up found goes to the cabinet's log, which `log` on the
            // console shows: the configuration outcome as information, the rest as warnings.
            for (int i = 0; i < startupNotes.Count; i++)
            {
                if (i == 0)
                {
                    _cabinet.Log.Info("device", startupNotes[i]);
                }
                else
                {
                    _cabinet.Log.Warning("device", startupNotes[i]);
                }
            }

            _cabinet.Start();
            TakeSnapshot();
        }

        // As the device's entry point does: the configuration on flash, a provisioning file, or nothing,
        // in which case the firmware runs its first-boot setup.
        private CabinetConfiguration LoadConfiguration(CabinetHardware hardware, List<string> startupNotes)
        {
            var configuration = new CabinetConfiguration();
            ConfigurationLoadResult result = new ConfigurationStore(hardware.Storage).Load(configuration, hardware.Random);
            startupNotes.Add(result.Summary());
            if (_options.CentralSystemUrl != null)
            {
                startupNotes.Add("--csms is ignored with --first-boot: the cabinet uses the CentralSystemUrl of its configuration");
            }

            // The host transport verifies wss:// with this machine's trust store, so ca.pem is only checked here.
            string certificate = CentralSystemCertificate.Load(hardware.Storage, out string certificateProblem);
            if (certificateProblem != null)
            {
                startupNotes.Add(certificateProblem);
            }
            else if (certificate == null && configuration.CentralSystemUrl != null && configuration.CentralSystemUrl.StartsWith("wss://", StringComparison.OrdinalIgnoreCase))
            {
                startupNotes.Add("wss:// URL but no " + CentralSystemCertificate.FileName + " in the flash folder; the device would then rely on its TLS stack's default verification");
            }

            // The simulated hardware has --bays contactors and meters: a cabinet waiting for its setup
            // gets that many bays, and a configuration with more bays than that is not run.
            if (configuration.IsProvisioned && configuration.BayCount > SpotNumbers.Length)
            {
                _log.Write("ERROR", "virtual-cabinet", "the configuration on flash has " + configuration.BayCount + " bays but --bays is "
                    + SpotNumbers.Length + ": restart with --bays " + configuration.BayCount + "; the cabinet stays unprovisioned meanwhile");
                configuration.IsProvisioned = false;
            }

            if (!configuration.IsProvisioned)
            {
                configuration.SpotNumbers = SpotNumbers;
            }

            return configuration;
        }

        private void RestartFirmware()
        {
            _log.Write("INFO", "virtual-cabinet", "the firmware asked for a reboot: starting it again");
            Transport.Close();
            StartFirmware();
        }

        // The same record the firmware stores after its first-boot setup, so that login works as on a device.
        private static string HashTechnicianPassword(string password)
        {
            if (password == null)
            {
                return null;
            }

            var hasher = new TechnicianPassword();
            hasher.BeginHash(password, new SystemRandomSource(), TechnicianPassword.DefaultIterations);
            while (!hasher.Step(TechnicianPassword.DefaultIterations))
            {
            }

            return hasher.Record;
        }

        public void Dispose()
        {
            _stopping = true;
            _loopThread?.Join(TimeSpan.FromSeconds(2));
            Transport.Close();
            Bench?.StopAsync().Wait(TimeSpan.FromSeconds(5));
            _loggerFactory.Dispose();
        }

        private void RunLoop()
        {
            while (!_stopping)
            {
                // RunOnce catches every error itself; this handler only keeps the thread alive if that contract breaks.
                try
                {
                    _cabinet.RunOnce();
                    if (_cabinet.RebootRequested)
                    {
                        RestartFirmware();
                    }

                    TakeSnapshot();
                }
                catch (Exception exception)
                {
                    // Logs the first error and then every 100th, so a loop that keeps failing does not flood the log.
                    _loopErrorCount++;
                    if (_loopErrorCount % 100 == 1)
                    {
                        _log.Write("ERROR", "virtual-cabinet", "Cabinet.RunOnce threw, which it must never do (" + _loopErrorCount + " times so far): " + exception);
                    }
                }

                Thread.Sleep(LoopPeriodMs);
            }
        }

        private void TakeSnapshot()
        {
            var bays = new BayStatusView[_cabinet.BayCount];
            for (int i = 0; i < bays.Length; i++)
            {
                Bay bay = _cabinet.GetBay(i + 1);
                bays[i] = new BayStatusView(bay.ConnectorId, bay.Status.ToString(), bay.HasSession && bay.HasTransactionId ? bay.TransactionId : null);
            }

            _status = new CabinetStatus(_cabinet.ChargePoint.Link.ToString(), _cabinet.ChargePoint.Registration.ToString(), bays, _cabinet.LoopFaults);
        }
    }
}
