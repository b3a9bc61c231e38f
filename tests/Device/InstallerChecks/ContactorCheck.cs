using System.Threading;
using KiWhi.Armoire.Hal;
using nanoFramework.TestFramework;

namespace KiWhi.Armoire.Tests.Device.InstallerChecks
{
    /// <summary>
    /// Each contactor output closes and opens, one bay at a time, while the installer watches or listens
    /// to the contactors. Every contactor is open when the check ends, whether it passed or not.
    /// </summary>
    /// <remarks>
    /// NOTE: the check cannot see the contactor itself. It verifies the state the adapter commands,
    /// and the installer confirms each click. The ESP32 GPIO driver does not read an output back: in
    /// nf-interpreter, GpioPin.Read calls gpio_get_level, and a pin opened as an output has its input
    /// disabled (GPIO_MODE_OUTPUT), so the ESP-IDF documents the result as always 0.
    /// </remarks>
    [TestClass]
    public class ContactorCheck
    {
        [TestMethod]
        public void EachContactorTogglesAlone()
        {
            InstallerCheck.RequireHardware();
            IContactorBank contactors = TestPlatform.Contactors;
            int closedMs = TestPlatform.ContactorClosedMs;
            OutputHelper.WriteLine("Contactor check: unplug every vehicle. Each bay's outlet is powered for " + closedMs.ToString()
                + " ms, bay 1 to " + contactors.Count.ToString() + " in turn: watch or listen to each contactor.");

            try
            {
                for (int bay = 1; bay <= contactors.Count; bay++)
                {
                    ToggleOne(contactors, bay, closedMs);
                }
            }
            finally
            {
                contactors.OpenAll();
            }

            string stillClosed = InstallerCheck.JoinBays(ClosedFlags(contactors));
            Assert.IsTrue(stillClosed.Length == 0, "contactor of bay(s) " + stillClosed + " still closed after OpenAll");
        }

        /// <summary>Opens every contactor again, even after a test that threw half-way.</summary>
        [Cleanup]
        public void OpenEveryContactor()
        {
            if (TestPlatform.HardwareMissingReason == null)
            {
                TestPlatform.Contactors.OpenAll();
            }
        }

        private static void ToggleOne(IContactorBank contactors, int bay, int closedMs)
        {
            string name = "bay " + bay.ToString();
            string closedBefore = InstallerCheck.JoinBays(ClosedFlags(contactors));
            Assert.IsTrue(closedBefore.Length == 0, "contactor of bay(s) " + closedBefore + " closed before " + name + " was toggled");

            OutputHelper.WriteLine("Bay " + bay.ToString() + ": closing the contactor");
            contactors.Set(bay, true);
            Assert.AreEqual(bay.ToString(), InstallerCheck.JoinBays(ClosedFlags(contactors)), "bays closed while only " + name + " was commanded closed");
            Thread.Sleep(closedMs);

            OutputHelper.WriteLine("Bay " + bay.ToString() + ": opening the contactor");
            contactors.Set(bay, false);
            Assert.IsFalse(contactors.IsClosed(bay), name + " still closed after it was commanded open");

            // The same pause after opening lets the installer tell one bay's drop-out from the next pull-in.
            Thread.Sleep(closedMs);
        }

        private static bool[] ClosedFlags(IContactorBank contactors)
        {
            bool[] closed = new bool[contactors.Count];
            for (int bay = 1; bay <= closed.Length; bay++)
            {
                closed[bay - 1] = contactors.IsClosed(bay);
            }

            return closed;
        }
    }
}
