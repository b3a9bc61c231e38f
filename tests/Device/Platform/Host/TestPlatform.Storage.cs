using System;
using System.IO;
using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Device
{
    /// <summary>Storage of the device tests run on the host: a new temporary folder per storage.</summary>
    public static partial class TestPlatform
    {
        /// <summary>
        /// Returns a storage in a new folder under the system's temporary folder, with the same name
        /// prefix as on the device, so the prefixing is exercised on the host too.
        /// </summary>
        public static TestFileStorage CreateStorage(string testName)
        {
            string folder = Path.Combine(Path.GetTempPath(), "kiwhi-device-tests-" + Guid.NewGuid().ToString("N"));
            return new TestFileStorage(new DirectoryFileStorage(folder), testName);
        }

        /// <summary>Deletes the files the test wrote through <paramref name="storage"/>, then its folder.</summary>
        public static void DeleteStorage(TestFileStorage storage)
        {
            storage.DeleteWrittenFiles();
            DirectoryFileStorage folder = (DirectoryFileStorage)storage.PlatformStorage;
            Directory.Delete(folder.FolderPath, true);
        }
    }
}
