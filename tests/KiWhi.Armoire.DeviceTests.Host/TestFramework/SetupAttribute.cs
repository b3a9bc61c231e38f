using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Marks a method the launcher runs before the tests of its class. When it calls
    /// <see cref="Assert.SkipTest"/>, the launcher skips every test of the class and its [Cleanup].
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute
    {
    }
}
