using nanoFramework.TestFramework;

namespace KiWhi.Armoire.DeviceTests.Host.Samples
{
    /// <summary>A device test class whose test fails on purpose: the runner's self-tests check that the failure is reported.</summary>
    [TestClass]
    public class FailingAssertSample
    {
        [TestMethod]
        public void ComparesUnequalNumbers()
        {
            Assert.AreEqual(1, 2);
        }
    }
}
