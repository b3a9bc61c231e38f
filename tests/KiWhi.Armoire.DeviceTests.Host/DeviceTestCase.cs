using System;
using System.Reflection;

namespace KiWhi.Armoire.DeviceTests.Host
{
    /// <summary>
    /// One run of a test method: a [TestMethod], or one [DataRow] of a parameterized method, which the
    /// launcher runs instead of the [TestMethod] itself.
    /// </summary>
    public sealed class DeviceTestCase
    {
        public DeviceTestCase(string name, Type testClass, MethodInfo method, object[] arguments)
        {
            Name = name;
            TestClass = testClass;
            Method = method;
            Arguments = arguments;
        }

        /// <summary>"Class.Method", or "Class.Method.N" for the data row at index N.</summary>
        public string Name { get; }

        public Type TestClass { get; }

        public MethodInfo Method { get; }

        /// <summary>Arguments of a data row, or null for a method without parameters.</summary>
        public object[] Arguments { get; }

        public override string ToString()
        {
            return Name;
        }
    }
}
