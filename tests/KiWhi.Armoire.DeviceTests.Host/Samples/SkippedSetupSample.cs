using System.Collections.Generic;
using nanoFramework.TestFramework;

namespace KiWhi.Armoire.DeviceTests.Host.Samples
{
    /// <summary>A class whose [Setup] skips, as a test needing absent hardware does.</summary>
    [TestClass]
    public class SkippedSetupSample
    {
        public static readonly List<string> Calls = new List<string>();

        [Setup]
        public void RequireHardware()
        {
            Calls.Add("setup");
            Assert.SkipTest("no reader attached");
        }

        [TestMethod]
        public void UsesHardware()
        {
            Calls.Add("test");
        }

        [Cleanup]
        public void Release()
        {
            Calls.Add("cleanup");
        }
    }
}
