using System;

// The package declares this type in its shared project's namespace, not in nanoFramework.TestFramework.
namespace TestFrameworkShared
{
    /// <summary>Thrown by every failed assertion of <c>Assert</c> and <c>CollectionAssert</c>.</summary>
    public class AssertFailedException : Exception
    {
        public AssertFailedException()
        {
        }

        public AssertFailedException(string msg)
            : base(msg)
        {
        }

        public AssertFailedException(string msg, Exception ex)
            : base(msg, ex)
        {
        }
    }
}
