using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Marks a public method of a [TestClass] as one test. The launcher of nanoFramework.TestFramework
    /// 3.0.77 invokes it with a null instance, so a test must not read or write instance fields.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }
}
