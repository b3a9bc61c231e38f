namespace KiWhi.Armoire.Tests.Device
{
    /// <summary>
    /// Compile-time declarations of tests/Device/Platform/*/TestPlatform.Storage.cs, whose platform
    /// types this build cannot reference. Nothing runs them.
    /// </summary>
    public static partial class TestPlatform
    {
        public static TestFileStorage CreateStorage(string testName)
        {
            throw new System.NotSupportedException(NotRunnable);
        }

        public static void DeleteStorage(TestFileStorage storage)
        {
            throw new System.NotSupportedException(NotRunnable);
        }
    }
}
