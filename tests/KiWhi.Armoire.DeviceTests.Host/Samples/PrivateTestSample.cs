using nanoFramework.TestFramework;

namespace KiWhi.Armoire.DeviceTests.Host.Samples
{
    /// <summary>A [TestMethod] that is not public, which the device launcher never finds.</summary>
    [TestClass]
    public class PrivateTestSample
    {
        [TestMethod]
        private void Hidden()
        {
            Assert.IsTrue(false);
        }
    }
}
