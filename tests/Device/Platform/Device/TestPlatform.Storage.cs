using KiWhi.Armoire.Hal.Nano;

namespace KiWhi.Armoire.Tests.Device
{
    /// <summary>Storage of the on-device tests: the board's internal flash, drive I:.</summary>
    public static partial class TestPlatform
    {
        /// <summary>
        /// Returns a storage on drive I: (the firmware's own <see cref="InternalFlashStorage"/>) whose
        /// file names all start with "test-" + <paramref name="testName"/> + "-", so a cabinet's files
        /// on the same board are never touched.
        /// </summary>
        public static TestFileStorage CreateStorage(string testName)
        {
            return new TestFileStorage(new InternalFlashStorage(), testName);
        }

        /// <summary>Deletes the files the test wrote through <paramref name="storage"/>.</summary>
        public static void DeleteStorage(TestFileStorage storage)
        {
            storage.DeleteWrittenFiles();
        }
    }
}
