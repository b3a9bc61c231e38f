using System;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using nanoFramework.TestFramework;

namespace KiWhi.Armoire.DeviceTests.Host
{
    /// <summary>
    /// Runs device test methods as the launcher of nanoFramework.TestFramework 3.0.77 does
    /// (source/UnitTestLauncher/Program.cs at tag v3.0.77):
    /// <list type="bullet">
    /// <item>Each method is invoked without an instance (MethodBase.Invoke with a null target). On
    /// nanoCLR an instance method then runs with a null <c>this</c>, so reading an instance field
    /// throws NullReferenceException. A delegate closed over null does the same here.</item>
    /// <item>An exception of exactly <see cref="SkipTestException"/> skips the step, and any other exception fails it.</item>
    /// <item>A skipped [Setup] skips the rest of the class, [Cleanup] included. A failed [Setup] is
    /// reported, and the tests and [Cleanup] still run.</item>
    /// </list>
    /// </summary>
    public static class DeviceTestLauncher
    {
        /// <summary>Runs every [Setup] of the case's class, then the case, then every [Cleanup], and returns each step.</summary>
        public static IReadOnlyList<DeviceTestStep> RunCase(DeviceTestCase testCase)
        {
            var steps = new List<DeviceTestStep>();
            if (!RunSetups(testCase.TestClass, steps))
            {
                return steps;
            }

            steps.Add(Invoke(testCase.Method, testCase.Arguments));
            RunCleanups(testCase.TestClass, steps);
            return steps;
        }

        /// <summary>Runs a whole class in one sequence as the launcher does: every [Setup], every case, every [Cleanup].</summary>
        public static IReadOnlyList<DeviceTestStep> RunClass(Type testClass)
        {
            var steps = new List<DeviceTestStep>();
            if (!RunSetups(testClass, steps))
            {
                return steps;
            }

            foreach (DeviceTestCase testCase in DeviceTestCatalog.CasesOf(testClass))
            {
                steps.Add(Invoke(testCase.Method, testCase.Arguments));
            }

            RunCleanups(testClass, steps);
            return steps;
        }

        /// <summary>Runs the [Setup] methods and returns false when one was skipped, which ends the class.</summary>
        private static bool RunSetups(Type testClass, List<DeviceTestStep> steps)
        {
            foreach (MethodInfo setup in DeviceTestCatalog.MethodsWith(testClass, typeof(SetupAttribute)))
            {
                DeviceTestStep step = Invoke(setup, null);
                steps.Add(step);
                if (step.Outcome == DeviceTestOutcome.Skipped)
                {
                    return false;
                }
            }

            return true;
        }

        private static void RunCleanups(Type testClass, List<DeviceTestStep> steps)
        {
            foreach (MethodInfo cleanup in DeviceTestCatalog.MethodsWith(testClass, typeof(CleanupAttribute)))
            {
                steps.Add(Invoke(cleanup, null));
            }
        }

        private static DeviceTestStep Invoke(MethodInfo method, object[] arguments)
        {
            try
            {
                CreateCall(method).DynamicInvoke(arguments);
                return new DeviceTestStep(method, DeviceTestOutcome.Passed, null);
            }
            catch (TargetInvocationException wrapper) when (wrapper.InnerException != null)
            {
                return Classify(method, wrapper.InnerException);
            }
            catch (Exception exception)
            {
                // Arguments that do not match the parameters: the device launcher fails the step too.
                return Classify(method, exception);
            }
        }

        private static DeviceTestStep Classify(MethodInfo method, Exception exception)
        {
            if (exception.GetType() == typeof(SkipTestException))
            {
                return new DeviceTestStep(method, DeviceTestOutcome.Skipped, exception.Message);
            }

            return new DeviceTestStep(method, DeviceTestOutcome.Failed, exception.GetType().Name + ": " + exception.Message);
        }

        /// <summary>Returns a delegate that calls <paramref name="method"/>, on a null instance when the method is not static.</summary>
        private static Delegate CreateCall(MethodInfo method)
        {
            Type[] signature = method.GetParameters().Select(p => p.ParameterType).Append(method.ReturnType).ToArray();
            Type delegateType = Expression.GetDelegateType(signature);
            return method.IsStatic
                ? Delegate.CreateDelegate(delegateType, method)
                : Delegate.CreateDelegate(delegateType, null, method);
        }
    }
}
