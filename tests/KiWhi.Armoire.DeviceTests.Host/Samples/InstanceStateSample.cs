using nanoFramework.TestFramework;

namespace KiWhi.Armoire.DeviceTests.Host.Samples
{
    /// <summary>A test that uses an instance field, which fails on nanoCLR because the launcher passes no instance.</summary>
    [TestClass]
    public class InstanceStateSample
    {
        private int _counter;

        [TestMethod]
        public void IncrementsField()
        {
            _counter++;
            Assert.AreEqual(1, _counter);
        }
    }
}
