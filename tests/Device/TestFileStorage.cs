using System;
using System.Collections;
using KiWhi.Armoire.Hal;

namespace KiWhi.Armoire.Tests.Device
{
    /// <summary>
    /// The file storage of one test, which puts "test-", the test's name and "-" before every name it
    /// passes to the platform's storage. A test therefore never touches a cabinet's own files on drive I:
    /// of a board, such as the journal's "txj00.jnl" or "config.json". It records the names it wrote, so
    /// that <see cref="DeleteWrittenFiles"/> can delete them, because the storage has no directory listing.
    /// </summary>
    public sealed class TestFileStorage : IFileStorage
    {
        /// <summary>
        /// Maximum length of a test name, which keeps file names short: "test-" + 8 characters + "-" +
        /// "txj00.jnl" is 23 characters. Drive I: of nanoFramework's ESP32 firmware is LittleFS, whose
        /// names have at most 255 bytes (CONFIG_LITTLEFS_OBJ_NAME_LEN=256 in nf-interpreter
        /// targets/ESP32/_IDF/sdkconfig.default).
        /// </summary>
        public const int MaxTestNameLength = 8;

        private readonly IFileStorage _platformStorage;
        private readonly string _prefix;
        private readonly ArrayList _writtenNames = new ArrayList();

        /// <param name="platformStorage">The platform's storage: the internal flash on a board, a folder on the host.</param>
        /// <param name="testName">1 to <see cref="MaxTestNameLength"/> lower-case letters or digits.</param>
        /// <exception cref="ArgumentException"><paramref name="testName"/> is empty, too long or has another character.</exception>
        public TestFileStorage(IFileStorage platformStorage, string testName)
        {
            if (platformStorage == null)
            {
                throw new ArgumentNullException("platformStorage");
            }

            if (!IsValidTestName(testName))
            {
                throw new ArgumentException("A test name has 1 to " + MaxTestNameLength.ToString()
                    + " lower-case letters or digits: '" + testName + "'");
            }

            _platformStorage = platformStorage;
            _prefix = "test-" + testName + "-";
        }

        /// <summary>The platform's storage that receives the prefixed names.</summary>
        public IFileStorage PlatformStorage
        {
            get { return _platformStorage; }
        }

        /// <summary>Text put before every name, for example "test-journal-".</summary>
        public string Prefix
        {
            get { return _prefix; }
        }

        public int GetLength(string name)
        {
            return _platformStorage.GetLength(_prefix + name);
        }

        public int Read(string name, int position, byte[] buffer, int offset, int count)
        {
            return _platformStorage.Read(_prefix + name, position, buffer, offset, count);
        }

        public void Write(string name, byte[] buffer, int offset, int count)
        {
            Remember(name);
            _platformStorage.Write(_prefix + name, buffer, offset, count);
        }

        public void Append(string name, byte[] buffer, int offset, int count)
        {
            Remember(name);
            _platformStorage.Append(_prefix + name, buffer, offset, count);
        }

        public void Rename(string from, string to)
        {
            Remember(to);
            _platformStorage.Rename(_prefix + from, _prefix + to);
        }

        public void Delete(string name)
        {
            _platformStorage.Delete(_prefix + name);
        }

        /// <summary>Deletes every file this instance wrote, appended to or renamed to.</summary>
        public void DeleteWrittenFiles()
        {
            for (int i = 0; i < _writtenNames.Count; i++)
            {
                _platformStorage.Delete(_prefix + (string)_writtenNames[i]);
            }

            _writtenNames.Clear();
        }

        private void Remember(string name)
        {
            if (!_writtenNames.Contains(name))
            {
                _writtenNames.Add(name);
            }
        }

        private static bool IsValidTestName(string testName)
        {
            if (testName == null || testName.Length == 0 || testName.Length > MaxTestNameLength)
            {
                return false;
            }

            for (int i = 0; i < testName.Length; i++)
            {
                char c = testName[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
