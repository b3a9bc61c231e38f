using System;
using System.Collections.Generic;
using System.Linq;
using KiWhi.Armoire.DeviceTests.Host.Samples;
using Xunit;
using Xunit.Sdk;

namespace KiWhi.Armoire.DeviceTests.Host
{
    /// <summary>
    /// The runner against the sample classes of Samples/: a failed assertion fails the xunit case, a
    /// skip reports a skip, and [Setup] and [Cleanup] run where the device launcher runs them.
    /// </summary>
    public class LauncherTests
    {
        [Fact]
        public void FailedAssertFailsTheCase()
        {
            DeviceTestCase testCase = DeviceTestCatalog.CasesOf(typeof(FailingAssertSample)).Single();

            IReadOnlyList<DeviceTestStep> steps = DeviceTestLauncher.RunCase(testCase);

            Assert.Equal(DeviceTestOutcome.Failed, steps.Single().Outcome);
            XunitException failure = Assert.Throws<XunitException>(() => DeviceTestReport.Verify(steps));
            Assert.Contains("Assert.AreEqual failed. Expected:<1>. Actual:<2>.", failure.Message);
        }

        [Fact]
        public void SkipTestSkipsTheCase()
        {
            DeviceTestCase testCase = DeviceTestCatalog.CasesOf(typeof(SkippedTestSample)).Single();

            IReadOnlyList<DeviceTestStep> steps = DeviceTestLauncher.RunCase(testCase);

            Assert.Equal(DeviceTestOutcome.Skipped, steps.Single().Outcome);
            Xunit.SkipException skip = Assert.Throws<Xunit.SkipException>(() => DeviceTestReport.Verify(steps));
            Assert.Contains("not on this board", skip.Message);
        }

        [Fact]
        public void CaseRunsBetweenSetupAndCleanup()
        {
            CallOrderSample.Calls.Clear();
            DeviceTestCase testCase = DeviceTestCatalog.CasesOf(typeof(CallOrderSample)).First(c => c.Method.Name == "Second");

            DeviceTestReport.Verify(DeviceTestLauncher.RunCase(testCase));

            Assert.Equal(new[] { "setup", "second", "cleanup" }, CallOrderSample.Calls);
        }

        [Fact]
        public void ClassRunsTestsThenDataRowsThenCleanup()
        {
            CallOrderSample.Calls.Clear();

            DeviceTestReport.Verify(DeviceTestLauncher.RunClass(typeof(CallOrderSample)));

            Assert.Equal(new[] { "setup", "first", "second", "row 1 one", "row 2 two", "cleanup" }, CallOrderSample.Calls);
        }

        [Fact]
        public void DataRowsReplaceTheirTestMethod()
        {
            string prefix = typeof(CallOrderSample).FullName + ".";

            string[] names = DeviceTestCatalog.CasesOf(typeof(CallOrderSample)).Select(c => c.Name).ToArray();

            Assert.Equal(new[] { prefix + "First", prefix + "Second", prefix + "Row.0", prefix + "Row.1" }, names);
        }

        [Fact]
        public void SkippedSetupSkipsTestAndCleanup()
        {
            SkippedSetupSample.Calls.Clear();
            DeviceTestCase testCase = DeviceTestCatalog.CasesOf(typeof(SkippedSetupSample)).Single();

            IReadOnlyList<DeviceTestStep> steps = DeviceTestLauncher.RunCase(testCase);

            Assert.Equal(new[] { "setup" }, SkippedSetupSample.Calls);
            Assert.Throws<Xunit.SkipException>(() => DeviceTestReport.Verify(steps));
        }

        [Fact]
        public void FailedSetupStillRunsTestAndCleanup()
        {
            FailedSetupSample.Calls.Clear();
            DeviceTestCase testCase = DeviceTestCatalog.CasesOf(typeof(FailedSetupSample)).Single();

            IReadOnlyList<DeviceTestStep> steps = DeviceTestLauncher.RunCase(testCase);

            Assert.Equal(new[] { "setup", "test", "cleanup" }, FailedSetupSample.Calls);
            Assert.Throws<XunitException>(() => DeviceTestReport.Verify(steps));
        }

        [Fact]
        public void InstanceFieldFailsAsOnNanoClr()
        {
            DeviceTestCase testCase = DeviceTestCatalog.CasesOf(typeof(InstanceStateSample)).Single();

            DeviceTestStep step = DeviceTestLauncher.RunCase(testCase).Single();

            Assert.Equal(DeviceTestOutcome.Failed, step.Outcome);
            Assert.StartsWith(nameof(NullReferenceException), step.Message);
        }

        [Fact]
        public void PrivateTestMethodIsReported()
        {
            IReadOnlyList<string> hidden = DeviceTestCatalog.HiddenLauncherMethods(new[] { typeof(PrivateTestSample) });

            Assert.Equal(new[] { typeof(PrivateTestSample).FullName + ".Hidden" }, hidden);
            Assert.Empty(DeviceTestCatalog.CasesOf(typeof(PrivateTestSample)));
        }

        [Fact]
        public void CatalogLeavesOutSamples()
        {
            IReadOnlyList<Type> classes = DeviceTestCatalog.DeviceTestClasses();

            Assert.Contains(classes, t => t.Name == "JsonCodecRoundTripTests");
            Assert.DoesNotContain(classes, t => t.Namespace == DeviceTestCatalog.SamplesNamespace);
        }
    }
}
