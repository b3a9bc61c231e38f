using System.Collections.Generic;
using nanoFramework.TestFramework;

namespace KiWhi.Armoire.DeviceTests.Host.Samples
{
    /// <summary>A class whose [Setup] fails. The launcher reports the failure and still runs the test and [Cleanup].</summary>
    [TestClass]
    public class FailedSetupSample
    {
        public static readonly List<string> Calls = new List<string>();

        [Setup]
        public void Prepare()
        {
            Calls.Add("setup");
            Assert.IsTrue(false, "setup condition");
        }

        [TestMethod]
        public void Runs()
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
