using System.Collections.Generic;
using nanoFramework.TestFramework;

namespace KiWhi.Armoire.DeviceTests.Host.Samples
{
    /// <summary>Records the order in which the launcher calls its methods.</summary>
    [TestClass]
    public class CallOrderSample
    {
        public static readonly List<string> Calls = new List<string>();

        [Setup]
        public void Prepare()
        {
            Calls.Add("setup");
        }

        [TestMethod]
        public void First()
        {
            Calls.Add("first");
        }

        [DataRow(1, "one")]
        [DataRow(2, "two")]
        [TestMethod]
        public void Row(int number, string name)
        {
            Calls.Add("row " + number + " " + name);
        }

        [TestMethod]
        public void Second()
        {
            Calls.Add("second");
        }

        [Cleanup]
        public void Release()
        {
            Calls.Add("cleanup");
        }
    }
}
