using System.Threading;
using KiWhi.Armoire.Boards;
using KiWhi.Armoire.Hal;
using nanoFramework.TestFramework;

namespace KiWhi.Armoire.Tests.Device.InstallerChecks
{
    /// <summary>
    /// Each S0 meter input stays quiet while nothing draws power, then counts at least one pulse while
    /// the installer pulses it, within <see cref="TestPlatform.InstallerTimeoutMs"/>.
    /// </summary>
    /// <remarks>
    /// One test covers both phases because the quiet phase must come first: a pulse still arriving
    /// from the installer's step would otherwise count as a stray pulse. Both results are reported.
    /// </remarks>
    [TestClass]
    public class MeterInputCheck
    {
        /// <summary>Time between two reads of the pulse counts while waiting for the installer.</summary>
        private const int PollMs = 100;

        [TestMethod]
        public void EachInputCountsOnlyRealPulses()
        {
            InstallerCheck.RequireHardware();
            IPulseCounter counter = TestPlatform.Meters as IPulseCounter;
            if (counter == null)
            {
                Assert.SkipTest("the meter adapter of this platform does not count S0 pulses");
            }

            BoardProfile board = TestPlatform.Board;
            int inputCount = board.MeterPins.Length;
            IClock clock = TestPlatform.HardwareClock;

            bool[] noisy = WatchIdleInputs(counter, inputCount, TestPlatform.IdleWatchMs);
            bool[] silent = WaitForPulseOnEveryInput(counter, inputCount, clock, TestPlatform.InstallerTimeoutMs);

            string noisyBays = InstallerCheck.JoinBays(noisy);
            string silentBays = InstallerCheck.JoinBays(silent);
            Assert.IsTrue(noisyBays.Length == 0, "S0 input of bay(s) " + noisyBays + " counted pulses while idle with every contactor open."
                + " Check the input's pull-up resistor and that the S0 cable runs away from power cables.");
            Assert.IsTrue(silentBays.Length == 0, "S0 input of bay(s) " + silentBays + " counted no pulse within "
                + InstallerCheck.Seconds(TestPlatform.InstallerTimeoutMs) + " s. Check the S0+ and S0- wires (S0+ to the input pin, S0- to ground)"
                + " and the pins in board '" + board.Name + "'.");
        }

        // Returns, per bay, whether its input counted a pulse during the idle window.
        private static bool[] WatchIdleInputs(IPulseCounter counter, int inputCount, int idleMs)
        {
            OutputHelper.WriteLine("Meter check: do not touch the S0 wiring for " + InstallerCheck.Seconds(idleMs) + " s.");
            long[] before = ReadCounts(counter, inputCount);
            Thread.Sleep(idleMs);
            long[] after = ReadCounts(counter, inputCount);

            bool[] noisy = new bool[inputCount];
            for (int i = 0; i < inputCount; i++)
            {
                long stray = after[i] - before[i];
                noisy[i] = stray != 0;
                if (noisy[i])
                {
                    OutputHelper.WriteLine("Bay " + (i + 1).ToString() + ": " + stray.ToString() + " stray pulse(s) while idle");
                }
            }

            return noisy;
        }

        // Returns, per bay, whether its input stayed without a pulse until the deadline.
        private static bool[] WaitForPulseOnEveryInput(IPulseCounter counter, int inputCount, IClock clock, int timeoutMs)
        {
            long[] baseline = ReadCounts(counter, inputCount);
            bool[] silent = new bool[inputCount];
            for (int i = 0; i < inputCount; i++)
            {
                silent[i] = true;
            }

            long deadlineMs = clock.MonotonicMs + timeoutMs;
            TestPlatform.BeginInstallerStep(InstallerStep.PulseEveryMeterInput, "Meter check: pulse the S0 input of every bay (1 to "
                + inputCount.ToString() + ") at least once within " + InstallerCheck.Seconds(timeoutMs) + " s, by shorting S0+ to S0- or drawing power through the meter.");
            try
            {
                int remaining = inputCount;
                while (remaining > 0 && clock.MonotonicMs < deadlineMs)
                {
                    Thread.Sleep(PollMs);
                    for (int i = 0; i < inputCount; i++)
                    {
                        if (silent[i] && counter.ReadPulseCount(i + 1) > baseline[i])
                        {
                            silent[i] = false;
                            remaining--;
                            OutputHelper.WriteLine("Bay " + (i + 1).ToString() + ": pulse counted"
                                + (remaining == 0 ? "; every input counted" : "; inputs remaining: bay(s) " + InstallerCheck.JoinBays(silent)));
                        }
                    }
                }
            }
            finally
            {
                TestPlatform.EndInstallerStep();
            }

            return silent;
        }

        private static long[] ReadCounts(IPulseCounter counter, int inputCount)
        {
            long[] counts = new long[inputCount];
            for (int i = 0; i < inputCount; i++)
            {
                counts[i] = counter.ReadPulseCount(i + 1);
            }

            return counts;
        }
    }
}
