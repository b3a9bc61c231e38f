using KiWhi.Armoire.Boards;
using KiWhi.Armoire.Hal;
using nanoFramework.TestFramework;

namespace KiWhi.Armoire.Tests.Device.InstallerChecks
{
    /// <summary>
    /// Every key of the keypad reaches the firmware while the installer presses them, within
    /// <see cref="TestPlatform.InstallerTimeoutMs"/>. Each newly seen key is printed with the keys still
    /// missing, so a key that prints as another one shows swapped row or column wires.
    /// </summary>
    [TestClass]
    public class KeypadCheck
    {
        /// <summary>Keys the cabinet uses: digits for the bay number, '*' to cancel, '#' to confirm.</summary>
        private const string CabinetKeys = "123456789*0#";

        /// <summary>Longest wait between two progress checks, so the loop notices the deadline.</summary>
        private const int PollMs = 500;

        [TestMethod]
        public void EveryKeyIsSeen()
        {
            InstallerCheck.RequireHardware();
            BoardProfile board = TestPlatform.Board;
            IKeypad keypad = TestPlatform.Keypad;
            IClock clock = TestPlatform.HardwareClock;
            int timeoutMs = TestPlatform.InstallerTimeoutMs;
            KeyCollector keys = new KeyCollector(CabinetKeys);

            keypad.Start(keys);
            try
            {
                TestPlatform.BeginInstallerStep(InstallerStep.PressEveryKey, "Keypad check: press every key once, in any order, within "
                    + InstallerCheck.Seconds(timeoutMs) + " s. Keys to press: " + CabinetKeys);
                try
                {
                    WaitForEveryKey(keys, clock, clock.MonotonicMs + timeoutMs);
                }
                finally
                {
                    TestPlatform.EndInstallerStep();
                }
            }
            finally
            {
                keypad.Stop();
            }

            string missing = keys.MissingKeys;
            Assert.IsTrue(missing.Length == 0, "keys never seen within " + InstallerCheck.Seconds(timeoutMs) + " s: " + missing
                + ". Check the row and column wires of those keys and the key map of board '" + board.Name + "' (" + board.KeyMap
                + "); each column input needs its pull-down resistor.");
        }

        private static void WaitForEveryKey(KeyCollector keys, IClock clock, long deadlineMs)
        {
            while (keys.MissingKeys.Length > 0)
            {
                long leftMs = deadlineMs - clock.MonotonicMs;
                if (leftMs <= 0)
                {
                    return;
                }

                keys.WaitForPress(leftMs < PollMs ? (int)leftMs : PollMs);
                string fresh = keys.TakeNewKeys();
                if (fresh.Length > 0)
                {
                    string missing = keys.MissingKeys;
                    OutputHelper.WriteLine("Keys seen: " + fresh + (missing.Length == 0 ? "; every key seen" : "; keys remaining: " + missing));
                }
            }
        }
    }
}
