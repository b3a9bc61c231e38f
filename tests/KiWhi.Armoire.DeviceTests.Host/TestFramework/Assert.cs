using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using TestFrameworkShared;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Assertions of the on-device tests. Host stand-in for the class of nanoFramework.TestFramework
    /// 3.0.77 (repository nanoframework/nanoFramework.TestFramework, tag v3.0.77, source/TestFramework):
    /// same namespace, names and parameter lists, written anew. It compiles against nanoFramework's
    /// mscorlib 1.17.11 as well, so a test that builds here also builds for the device.
    /// Every failure throws <see cref="AssertFailedException"/>.
    /// </summary>
    /// <remarks>
    /// The obsolete members of the package (Equal, NotEqual, True, Throws and the others that
    /// forward to the current names) are left out, so the tests cannot use them.
    /// <c>[CallerArgumentExpression]</c> takes effect from C# 10 only: with the C# 9 of the device
    /// projects, an omitted message is the empty string.
    /// </remarks>
    public sealed partial class Assert
    {
        public static void IsTrue(bool condition, [CallerArgumentExpression("condition")] string message = "")
        {
            if (!condition)
            {
                Fail("Assert.IsTrue", message);
            }
        }

        public static void IsFalse(bool condition, [CallerArgumentExpression("condition")] string message = "")
        {
            if (condition)
            {
                Fail("Assert.IsFalse", message);
            }
        }

        public static void IsNull(object value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value != null)
            {
                Fail("Assert.IsNull", "Actual:<" + Describe(value) + ">. " + message);
            }
        }

        public static void IsNotNull([NotNull] object value, [CallerArgumentExpression("value")] string message = "")
        {
            if (value == null)
            {
                Fail("Assert.IsNotNull", message);
            }
        }

        public static void AreSame(object expected, object actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (ReferenceEquals(expected, actual))
            {
                return;
            }

            if (expected is ValueType || actual is ValueType)
            {
                Fail("Assert.AreSame", "A boxed value type is never the same object; use AreEqual. " + message);
            }

            Fail("Assert.AreSame", message);
        }

        public static void AreNotSame(object notExpected, object actual, [CallerArgumentExpression("actual")] string message = "")
        {
            if (ReferenceEquals(notExpected, actual))
            {
                Fail("Assert.AreNotSame", message);
            }
        }

        /// <summary>Fails unless the type of <paramref name="value"/> is exactly <paramref name="expected"/>, so a derived type fails too.</summary>
        public static void IsInstanceOfType(object value, Type expected, [CallerArgumentExpression("value")] string message = "")
        {
            RequireArgument(expected, "Assert.IsInstanceOfType", "expected");
            if (value == null || value.GetType() != expected)
            {
                Fail("Assert.IsInstanceOfType", "Expected type:<" + expected.FullName + ">. Actual type:<"
                    + (value == null ? NullText : value.GetType().FullName) + ">. " + message);
            }
        }

        /// <summary>Fails when the type of <paramref name="value"/> is exactly <paramref name="notExpected"/>.</summary>
        public static void IsNotInstanceOfType(object value, Type notExpected, [CallerArgumentExpression("value")] string message = "")
        {
            RequireArgument(notExpected, "Assert.IsNotInstanceOfType", "notExpected");
            if (value != null && value.GetType() == notExpected)
            {
                Fail("Assert.IsNotInstanceOfType", "Wrong type:<" + notExpected.FullName + ">. " + message);
            }
        }

        public static void Contains(string expected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            RequireArgument(expected, "Assert.Contains", "expected");
            RequireArgument(value, "Assert.Contains", "value");
            if (value.IndexOf(expected) < 0)
            {
                Fail("Assert.Contains", "'" + value + "' does not contain '" + expected + "'. " + message);
            }
        }

        public static void DoesNotContains(string notExpected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            RequireArgument(notExpected, "Assert.DoesNotContains", "notExpected");
            RequireArgument(value, "Assert.DoesNotContains", "value");
            if (value.IndexOf(notExpected) >= 0)
            {
                Fail("Assert.DoesNotContains", "'" + value + "' contains '" + notExpected + "'. " + message);
            }
        }

        public static void StartsWith(string expected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            RequireArgument(expected, "Assert.StartsWith", "expected");
            RequireArgument(value, "Assert.StartsWith", "value");
            if (!value.StartsWith(expected))
            {
                Fail("Assert.StartsWith", "'" + value + "' does not start with '" + expected + "'. " + message);
            }
        }

        public static void EndsWith(string expected, string value, [CallerArgumentExpression("value")] string message = "")
        {
            RequireArgument(expected, "Assert.EndsWith", "expected");
            RequireArgument(value, "Assert.EndsWith", "value");
            if (!value.EndsWith(expected))
            {
                Fail("Assert.EndsWith", "'" + value + "' does not end with '" + expected + "'. " + message);
            }
        }

        /// <summary>
        /// Runs <paramref name="action"/> and fails unless it throws exactly <paramref name="exception"/>;
        /// an exception of a derived type fails too.
        /// </summary>
        public static void ThrowsException(Type exception, Action action, [CallerArgumentExpression("action")] string message = "")
        {
            RequireArgument(action, "Assert.ThrowsException", "action");
            RequireArgument(exception, "Assert.ThrowsException", "exception");
            Exception thrown = null;
            try
            {
                action.Invoke();
            }
            catch (Exception caught)
            {
                thrown = caught;
            }

            if (thrown == null)
            {
                Fail("Assert.ThrowsException", "No exception thrown; expected " + exception.Name + ". " + message);
            }

            if (thrown.GetType() != exception)
            {
                Fail("Assert.ThrowsException", "Threw " + thrown.GetType().Name + " (" + thrown.Message + "); expected "
                    + exception.Name + ". " + message);
            }
        }

        /// <summary>Ends the test as skipped by throwing <see cref="SkipTestException"/>.</summary>
        [DoesNotReturn]
        public static void SkipTest(string message = null)
        {
            throw new SkipTestException(message);
        }
    }
}
