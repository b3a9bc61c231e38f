using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace KiWhi.Armoire.DeviceTests.Host
{
    /// <summary>
    /// The portable on-device tests of tests/Device, run on the host. Each test method is one case, with
    /// its class's [Setup] and [Cleanup] around it. Each class is one more case that runs the whole class
    /// in one sequence, as the launcher does on the device, where a test finds the state earlier tests left.
    /// </summary>
    public class DeviceTestCases
    {
        public static IEnumerable<object[]> CaseNames()
        {
            return DeviceTestCatalog.DeviceTestCases().Select(c => new object[] { c.Name });
        }

        public static IEnumerable<object[]> ClassNames()
        {
            return DeviceTestCatalog.DeviceTestClasses().Select(t => new object[] { DeviceTestCatalog.ClassName(t) });
        }

        [SkippableTheory]
        [MemberData(nameof(CaseNames))]
        public void Passes(string testName)
        {
            DeviceTestReport.Verify(DeviceTestLauncher.RunCase(DeviceTestCatalog.FindCase(testName)));
        }

        [SkippableTheory]
        [MemberData(nameof(ClassNames))]
        public void PassesInLauncherOrder(string className)
        {
            DeviceTestReport.Verify(DeviceTestLauncher.RunClass(DeviceTestCatalog.FindClass(className)));
        }

        [Fact]
        public void EveryLauncherMethodIsPublic()
        {
            IReadOnlyList<string> hidden = DeviceTestCatalog.HiddenLauncherMethods(DeviceTestCatalog.DeviceTestClasses());

            Assert.True(hidden.Count == 0, "the device launcher runs only public methods; not public: " + string.Join(", ", hidden));
        }
    }
}
