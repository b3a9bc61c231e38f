using nanoFramework.TestFramework;

namespace KiWhi.Armoire.Tests.Device.InstallerChecks
{
    /// <summary>Helpers shared by the installer checks.</summary>
    internal static class InstallerCheck
    {
        /// <summary>Skips the calling test when <see cref="TestPlatform.HardwareMissingReason"/> reports that the cabinet hardware is missing.</summary>
        public static void RequireHardware()
        {
            string reason = TestPlatform.HardwareMissingReason;
            if (reason != null)
            {
                Assert.SkipTest(reason);
            }
        }

        /// <summary>Returns "1, 3" for bays 1 and 3, or "" for none.</summary>
        public static string JoinBays(bool[] flagged)
        {
            string text = "";
            for (int i = 0; i < flagged.Length; i++)
            {
                if (flagged[i])
                {
                    text += (text.Length == 0 ? "" : ", ") + (i + 1).ToString();
                }
            }

            return text;
        }

        /// <summary>Returns milliseconds as whole seconds rounded up, for messages to the installer.</summary>
        public static string Seconds(long milliseconds)
        {
            return ((milliseconds + 999) / 1000).ToString();
        }
    }
}
