using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using nanoFramework.TestFramework;

namespace KiWhi.Armoire.DeviceTests.Host
{
    /// <summary>
    /// Finds the test classes and test methods of this assembly as the launcher of
    /// nanoFramework.TestFramework 3.0.77 finds them (source/UnitTestLauncher/Program.cs at tag v3.0.77):
    /// every class carrying exactly <see cref="TestClassAttribute"/>, and in it the public methods,
    /// inherited ones included, carrying exactly the attribute of each step.
    /// </summary>
    public static class DeviceTestCatalog
    {
        /// <summary>Namespace of the runner's own sample classes, which only its self-tests run.</summary>
        public const string SamplesNamespace = "KiWhi.Armoire.DeviceTests.Host.Samples";

        private const string DeviceTestsNamespace = "KiWhi.Armoire.Tests.Device.";

        /// <summary>Test classes compiled from tests/Device, ordered by name.</summary>
        public static IReadOnlyList<Type> DeviceTestClasses()
        {
            return typeof(DeviceTestCatalog).Assembly.GetTypes()
                .Where(IsTestClass)
                .Where(t => t.Namespace != SamplesNamespace)
                .OrderBy(ClassName, StringComparer.Ordinal)
                .ToArray();
        }

        /// <summary>Every case of every device test class, in the order the launcher runs each class.</summary>
        public static IReadOnlyList<DeviceTestCase> DeviceTestCases()
        {
            return DeviceTestClasses().SelectMany(CasesOf).ToArray();
        }

        /// <summary>Returns the device test case called <paramref name="name"/>.</summary>
        /// <exception cref="ArgumentException">No case has that name.</exception>
        public static DeviceTestCase FindCase(string name)
        {
            DeviceTestCase found = DeviceTestCases().FirstOrDefault(c => c.Name == name);
            if (found == null)
            {
                throw new ArgumentException("No device test case is called '" + name + "'.", nameof(name));
            }

            return found;
        }

        /// <summary>Returns the device test class called <paramref name="name"/> (see <see cref="ClassName"/>).</summary>
        /// <exception cref="ArgumentException">No class has that name.</exception>
        public static Type FindClass(string name)
        {
            Type found = DeviceTestClasses().FirstOrDefault(t => ClassName(t) == name);
            if (found == null)
            {
                throw new ArgumentException("No device test class is called '" + name + "'.", nameof(name));
            }

            return found;
        }

        /// <summary>Full name of a test class without the "KiWhi.Armoire.Tests.Device." namespace prefix.</summary>
        public static string ClassName(Type testClass)
        {
            string name = testClass.FullName;
            return name.StartsWith(DeviceTestsNamespace, StringComparison.Ordinal) ? name.Substring(DeviceTestsNamespace.Length) : name;
        }

        /// <summary>
        /// Returns the cases of <paramref name="testClass"/> in launcher order: first every [TestMethod]
        /// without a [DataRow], then every [DataRow] (the launcher drops the [TestMethod] of a method that has rows).
        /// </summary>
        public static IReadOnlyList<DeviceTestCase> CasesOf(Type testClass)
        {
            MethodInfo[] methods = testClass.GetMethods();
            var cases = new List<DeviceTestCase>();
            foreach (MethodInfo method in methods)
            {
                if (HasAttribute(method, typeof(TestMethodAttribute)) && !HasAttribute(method, typeof(DataRowAttribute)))
                {
                    cases.Add(new DeviceTestCase(ClassName(testClass) + "." + method.Name, testClass, method, null));
                }
            }

            foreach (MethodInfo method in methods)
            {
                DataRowAttribute[] rows = method.GetCustomAttributes(true).Where(a => a.GetType() == typeof(DataRowAttribute)).Cast<DataRowAttribute>().ToArray();
                for (int row = 0; row < rows.Length; row++)
                {
                    cases.Add(new DeviceTestCase(ClassName(testClass) + "." + method.Name + "." + row, testClass, method, rows[row].MethodParameters));
                }
            }

            return cases;
        }

        /// <summary>Public methods of <paramref name="testClass"/> that carry exactly <paramref name="attributeType"/>, in reflection order.</summary>
        public static IReadOnlyList<MethodInfo> MethodsWith(Type testClass, Type attributeType)
        {
            return testClass.GetMethods().Where(m => HasAttribute(m, attributeType)).ToArray();
        }

        /// <summary>
        /// Methods of <paramref name="testClasses"/> that carry a launcher attribute but are not public:
        /// the launcher does not find them, so they never run on the device.
        /// </summary>
        public static IReadOnlyList<string> HiddenLauncherMethods(IEnumerable<Type> testClasses)
        {
            Type[] launcherAttributes = { typeof(TestMethodAttribute), typeof(DataRowAttribute), typeof(SetupAttribute), typeof(CleanupAttribute) };
            return testClasses
                .SelectMany(t => t.GetMethods(BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                .Where(m => launcherAttributes.Any(a => HasAttribute(m, a)))
                .Select(m => ClassName(m.DeclaringType) + "." + m.Name)
                .ToArray();
        }

        private static bool IsTestClass(Type type)
        {
            return type.IsClass && type.GetCustomAttributes(true).Any(a => a.GetType() == typeof(TestClassAttribute));
        }

        private static bool HasAttribute(MethodInfo method, Type attributeType)
        {
            return method.GetCustomAttributes(true).Any(a => a.GetType() == attributeType);
        }
    }
}
