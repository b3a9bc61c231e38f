using KiWhi.Armoire.Boards;
using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Tests.Device.InstallerChecks;
using nanoFramework.TestFramework;

namespace KiWhi.Armoire.Tests.Device
{
    /// <summary>
    /// Cabinet hardware of the installer checks on the host: the hal/Simulation models, wired like the board
    /// named by <see cref="BoardName"/>, and a <see cref="SimulatedInstaller"/> that performs each manual
    /// step. Time limits are short because the simulated installer acts within milliseconds.
    /// </summary>
    /// <remarks>
    /// Set the environment variable named by <see cref="SimulatedInstaller.FaultVariable"/> to one of
    /// <see cref="SimulatedInstaller.Faults"/> to model one wiring fault and watch the matching check fail.
    /// </remarks>
    public static partial class TestPlatform
    {
        /// <summary>Board whose profile the simulations follow: bay count, key map, contactor polarity, imp/kWh.</summary>
        private const string BoardName = Esp32WroverDevKitC.Name;

        private static readonly object HardwareLock = new object();
        private static SimulatedInstaller _installer;

        /// <summary>Always null: the simulations stand in for the hardware.</summary>
        public static string HardwareMissingReason
        {
            get { return null; }
        }

        /// <summary>Time the simulated installer has for one manual step, in ms. It needs a few ms per key or input.</summary>
        public static int InstallerTimeoutMs
        {
            get { return 2000; }
        }

        /// <summary>Time the meter inputs are watched for stray pulses, in ms.</summary>
        public static int IdleWatchMs
        {
            get { return 200; }
        }

        /// <summary>Time each contactor stays closed, and then open before the next bay, in ms.</summary>
        public static int ContactorClosedMs
        {
            get { return 10; }
        }

        public static BoardProfile Board
        {
            get { return Installer.Board; }
        }

        public static IClock HardwareClock
        {
            get { return Installer.Clock; }
        }

        public static IContactorBank Contactors
        {
            get { return Installer.Contactors; }
        }

        public static ICardTransceiver CardReader
        {
            get { return Installer.CardReader; }
        }

        public static IKeypad Keypad
        {
            get { return Installer.Keypad; }
        }

        public static IEnergyMeter Meters
        {
            get { return Installer.Meters; }
        }

        /// <summary>Prints the instruction and starts the simulated installer on <paramref name="step"/>.</summary>
        public static void BeginInstallerStep(InstallerStep step, string instruction)
        {
            OutputHelper.WriteLine(">>> " + instruction);
            Installer.Begin(step);
        }

        /// <summary>Stops the simulated installer and waits until it has let go.</summary>
        public static void EndInstallerStep()
        {
            Installer.End();
        }

        private static SimulatedInstaller Installer
        {
            get
            {
                lock (HardwareLock)
                {
                    if (_installer == null)
                    {
                        BoardProfile profile = BoardCatalogue.Find(BoardName);
                        BoardProfileValidator.EnsureValid(profile);
                        _installer = new SimulatedInstaller(profile, System.Environment.GetEnvironmentVariable(SimulatedInstaller.FaultVariable));
                    }

                    return _installer;
                }
            }
        }
    }
}
