using KiWhi.Armoire.Boards;
using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Tests.Device.InstallerChecks;

namespace KiWhi.Armoire.Tests.Device
{
    /// <summary>
    /// Compile-time declarations of tests/Device/Platform/*/TestPlatform.Hardware.cs, whose hal/Nano
    /// and hal/Simulation types this build cannot reference. Nothing runs them.
    /// </summary>
    public static partial class TestPlatform
    {
        public static string HardwareMissingReason
        {
            get { throw new System.NotSupportedException(NotRunnable); }
        }

        public static int InstallerTimeoutMs
        {
            get { throw new System.NotSupportedException(NotRunnable); }
        }

        public static int IdleWatchMs
        {
            get { throw new System.NotSupportedException(NotRunnable); }
        }

        public static int ContactorClosedMs
        {
            get { throw new System.NotSupportedException(NotRunnable); }
        }

        public static BoardProfile Board
        {
            get { throw new System.NotSupportedException(NotRunnable); }
        }

        public static IClock HardwareClock
        {
            get { throw new System.NotSupportedException(NotRunnable); }
        }

        public static IContactorBank Contactors
        {
            get { throw new System.NotSupportedException(NotRunnable); }
        }

        public static ICardTransceiver CardReader
        {
            get { throw new System.NotSupportedException(NotRunnable); }
        }

        public static IKeypad Keypad
        {
            get { throw new System.NotSupportedException(NotRunnable); }
        }

        public static IEnergyMeter Meters
        {
            get { throw new System.NotSupportedException(NotRunnable); }
        }

        public static void BeginInstallerStep(InstallerStep step, string instruction)
        {
            throw new System.NotSupportedException(NotRunnable);
        }

        public static void EndInstallerStep()
        {
            throw new System.NotSupportedException(NotRunnable);
        }
    }
}
