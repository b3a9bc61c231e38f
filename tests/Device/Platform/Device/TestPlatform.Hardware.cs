using System.Device.Gpio;
using KiWhi.Armoire.Boards;
using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Nano;
using KiWhi.Armoire.Tests.Device.InstallerChecks;
using nanoFramework.Runtime.Native;
using nanoFramework.TestFramework;

namespace KiWhi.Armoire.Tests.Device
{
    /// <summary>
    /// Cabinet hardware of the installer checks on the device: the hal/Nano adapters of the board named by
    /// <see cref="BoardName"/>, opened on first use and kept for the whole run, because a GPIO pin can be
    /// opened only once.
    /// </summary>
    public static partial class TestPlatform
    {
        /// <summary>Board of the cabinet under test: one of <see cref="BoardCatalogue.Names"/>, as in the device entry point.</summary>
        private const string BoardName = Esp32WroverDevKitC.Name;

        /// <summary>
        /// SystemInfo.Platform of every ESP32 firmware image (nf-interpreter targets/ESP32/*/target_common.h.in).
        /// The virtual nanoCLR reports "WINDOWS", "Linux" or "macOS" instead.
        /// </summary>
        private const string Esp32Platform = "ESP32";

        private static readonly object HardwareLock = new object();
        private static BoardProfile _board;
        private static GpioController _gpio;
        private static NanoClock _clock;
        private static GpioContactorBank _contactors;
        private static Mfrc522CardTransceiver _cardReader;
        private static KeyMatrixKeypad _keypad;
        private static S0PulseEnergyMeter _meters;

        /// <summary>Reason why the hardware checks skip, or null on an ESP32.</summary>
        public static string HardwareMissingReason
        {
            get
            {
                string platform = SystemInfo.Platform;
                if (platform == Esp32Platform)
                {
                    return null;
                }

                return "no cabinet hardware: nanoCLR reports platform '" + platform + "', not " + Esp32Platform
                    + "; the installer checks run only on the board of a wired cabinet";
            }
        }

        /// <summary>
        /// Time the installer has for one manual step, in ms.
        /// NOTE: two such steps plus the other checks must fit in the TestSessionTimeout of nano.runsettings (300 s).
        /// </summary>
        public static int InstallerTimeoutMs
        {
            get { return 40000; }
        }

        /// <summary>Time the meter inputs are watched for stray pulses, in ms.</summary>
        public static int IdleWatchMs
        {
            get { return 5000; }
        }

        /// <summary>Time each contactor stays closed, and then open before the next bay, in ms: long enough to hear both clicks.</summary>
        public static int ContactorClosedMs
        {
            get { return 1000; }
        }

        public static BoardProfile Board
        {
            get
            {
                lock (HardwareLock)
                {
                    OpenBoardLocked();
                    return _board;
                }
            }
        }

        public static IClock HardwareClock
        {
            get
            {
                lock (HardwareLock)
                {
                    OpenBoardLocked();
                    return _clock;
                }
            }
        }

        public static IContactorBank Contactors
        {
            get
            {
                lock (HardwareLock)
                {
                    OpenBoardLocked();
                    return _contactors;
                }
            }
        }

        public static ICardTransceiver CardReader
        {
            get
            {
                lock (HardwareLock)
                {
                    OpenBoardLocked();
                    if (_cardReader == null)
                    {
                        _cardReader = new Mfrc522CardTransceiver(_board, _gpio);
                    }

                    return _cardReader;
                }
            }
        }

        public static IKeypad Keypad
        {
            get
            {
                lock (HardwareLock)
                {
                    OpenBoardLocked();
                    if (_keypad == null)
                    {
                        _keypad = new KeyMatrixKeypad(_board, _gpio);
                    }

                    return _keypad;
                }
            }
        }

        public static IEnergyMeter Meters
        {
            get
            {
                lock (HardwareLock)
                {
                    OpenBoardLocked();
                    if (_meters == null)
                    {
                        _meters = new S0PulseEnergyMeter(_board, _gpio);
                    }

                    return _meters;
                }
            }
        }

        /// <summary>Prints the instruction for the installer, who performs the step.</summary>
        public static void BeginInstallerStep(InstallerStep step, string instruction)
        {
            OutputHelper.WriteLine(">>> " + instruction);
        }

        public static void EndInstallerStep()
        {
        }

        // Checks the board profile and opens the contactor outputs, driven open, before any other pin is
        // opened, as the device entry point does. The other adapters are opened on first use, so that a
        // wiring fault in one of them fails only its own check. Callers hold HardwareLock.
        private static void OpenBoardLocked()
        {
            if (_board != null)
            {
                return;
            }

            BoardProfile profile = BoardCatalogue.Find(BoardName);
            BoardProfileValidator.EnsureValid(profile);
            _gpio = new GpioController();
            _contactors = new GpioContactorBank(profile, _gpio);
            _contactors.OpenAll();
            _clock = new NanoClock();
            _board = profile;
        }
    }
}
