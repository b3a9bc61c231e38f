using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Sdk;

namespace KiWhi.Armoire.DeviceTests.Host
{
    /// <summary>Turns the steps of a launcher run into the result of one xunit case.</summary>
    public static class DeviceTestReport
    {
        /// <summary>
        /// Returns when every step passed. Throws <see cref="XunitException"/>, listing every step,
        /// when one failed, and <see cref="Xunit.SkipException"/> (package Xunit.SkippableFact) when one was skipped and none failed.
        /// </summary>
        public static void Verify(IReadOnlyList<DeviceTestStep> steps)
        {
            if (steps.Any(s => s.Outcome == DeviceTestOutcome.Failed))
            {
                throw new XunitException("Device test failed:\n" + string.Join("\n", steps));
            }

            DeviceTestStep skipped = steps.FirstOrDefault(s => s.Outcome == DeviceTestOutcome.Skipped);
            if (skipped != null)
            {
                throw new Xunit.SkipException(skipped.ToString());
            }
        }
    }
}
