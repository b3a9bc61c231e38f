using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Arguments of one run of a parameterized test method, which may carry several. When a
    /// method has both [TestMethod] and [DataRow], the launcher runs only the rows.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        /// <exception cref="ArgumentNullException"><paramref name="methodParameters"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="methodParameters"/> is empty.</exception>
        public DataRowAttribute(params object[] methodParameters)
        {
            if (methodParameters == null)
            {
                throw new ArgumentNullException("methodParameters");
            }

            if (methodParameters.Length == 0)
            {
                throw new ArgumentException("A data row needs at least one argument.", "methodParameters");
            }

            MethodParameters = methodParameters;
        }

        /// <summary>Arguments passed to the test method, in parameter order.</summary>
        public object[] MethodParameters { get; }
    }
}
