using System.Diagnostics.CodeAnalysis;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    public sealed partial class Assert
    {
        internal const string NullText = "(null)";

        /// <summary>Throws the failure of <paramref name="assertion"/> with <paramref name="message"/> appended.</summary>
        [DoesNotReturn]
        internal static void Fail(string assertion, string message)
        {
            throw new AssertFailedException(assertion + " failed. " + (message == null ? string.Empty : message));
        }

        /// <summary>Fails <paramref name="assertion"/> when an argument the assertion needs is null.</summary>
        internal static void RequireArgument(object value, string assertion, string parameterName)
        {
            if (value == null)
            {
                Fail(assertion, "The argument '" + parameterName + "' is null.");
            }
        }

        /// <summary>Returns the text of <paramref name="value"/> for a failure message, "(null)" for null.</summary>
        internal static string Describe(object value)
        {
            return value == null ? NullText : value.ToString();
        }

        [DoesNotReturn]
        private static void FailAreEqual(object expected, object actual, string message)
        {
            Fail("Assert.AreEqual", "Expected:<" + Describe(expected) + ">. Actual:<" + Describe(actual) + ">. " + message);
        }

        [DoesNotReturn]
        private static void FailAreNotEqual(object notExpected, object actual, string message)
        {
            Fail("Assert.AreNotEqual", "Expected any value except:<" + Describe(notExpected) + ">. Actual:<" + Describe(actual) + ">. " + message);
        }
    }
}
