using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Marks a class whose [Setup], [TestMethod] and [Cleanup] methods the launcher runs. Host
    /// stand-in for the type of nanoFramework.TestFramework 3.0.77, with the same signatures.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
        /// <summary>Returns the attribute that runs one test method: the argument, unchanged, as in the package.</summary>
        public virtual TestMethodAttribute GetTestMethodAttribute(TestMethodAttribute testMethodAttribute)
        {
            return testMethodAttribute;
        }
    }
}
