using nanoFramework.TestFramework;

namespace KiWhi.Armoire.DeviceTests.Host.Samples
{
    /// <summary>A test that skips itself with <see cref="Assert.SkipTest"/>.</summary>
    [TestClass]
    public class SkippedTestSample
    {
        [TestMethod]
        public void SkipsItself()
        {
            Assert.SkipTest("not on this board");
        }
    }
}
