using KiWhi.Armoire.Firmware.Journal;
using KiWhi.Armoire.Hal;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// Failed-login accounting of the console. Failure number <see cref="FailuresBeforeLock"/> in a row
    /// locks login for <see cref="FirstLockoutSeconds"/>, and each further failure doubles the lock, up
    /// to <see cref="MaxLockoutSeconds"/>. A success resets the count.
    /// </summary>
    /// <remarks>
    /// The count is kept on flash in <see cref="FileName"/>, so rebooting the cabinet does not reset it:
    /// after a reboot a count that had locked login locks it again for its full duration.
    /// </remarks>
    public sealed class LoginGuard
    {
        public const int FailuresBeforeLock = 3;
        public const int FirstLockoutSeconds = 30;
        public const int MaxLockoutSeconds = 900;

        /// <summary>Record of the failure count: 'L', version 1, the count (16 bits, little-endian), CRC-32 of those 4 bytes.</summary>
        public const string FileName = "login.dat";

        private const int RecordLength = 8;
        private const byte Magic = (byte)'L';
        private const byte Version = 1;
        private const int MaxCount = 0xFFFF;

        private readonly IFileStorage _storage;
        private long _lockedUntilMs;

        /// <summary>Creates a guard that keeps its count on <paramref name="storage"/>, or in RAM only when it is null.</summary>
        public LoginGuard(IFileStorage storage)
        {
            _storage = storage;
        }

        /// <summary>Failed attempts since the last success.</summary>
        public int ConsecutiveFailures { get; private set; }

        /// <summary>
        /// Reads the stored count at start-up. A count that locks login locks it from <paramref name="nowMs"/>
        /// for its full duration. A damaged or unreadable record counts as <see cref="FailuresBeforeLock"/>
        /// failures. Returns null, or the problem to log.
        /// </summary>
        public string Load(long nowMs)
        {
            if (_storage == null)
            {
                return null;
            }

            byte[] record = new byte[RecordLength];
            string problem;
            try
            {
                int length = _storage.GetLength(FileName);
                if (length < 0)
                {
                    return null;
                }

                problem = length == RecordLength && _storage.Read(FileName, 0, record, 0, RecordLength) == RecordLength
                    ? CheckRecord(record)
                    : FileName + " has " + length.ToString() + " bytes, expected " + RecordLength.ToString();
            }
            catch (PowerLossException)
            {
                throw;
            }
            catch (System.Exception exception)
            {
                problem = FileName + " read failed: " + exception.Message;
            }

            ConsecutiveFailures = problem == null ? record[2] | (record[3] << 8) : FailuresBeforeLock;
            if (ConsecutiveFailures >= FailuresBeforeLock)
            {
                Lock(nowMs);
            }

            return problem == null ? null : problem + "; login locked as after " + FailuresBeforeLock.ToString() + " failures";
        }

        /// <summary>Returns the milliseconds left before the next attempt is allowed, 0 when allowed now.</summary>
        public long RemainingLockMs(long nowMs)
        {
            return nowMs >= _lockedUntilMs ? 0 : _lockedUntilMs - nowMs;
        }

        /// <summary>
        /// Counts a failure, saves the count, and returns the lock it starts in seconds (0 for none).
        /// <paramref name="saveProblem"/> is the storage error when the count stayed in RAM only.
        /// </summary>
        public int RecordFailure(long nowMs, out string saveProblem)
        {
            if (ConsecutiveFailures < MaxCount)
            {
                ConsecutiveFailures++;
            }

            saveProblem = Save();
            return ConsecutiveFailures < FailuresBeforeLock ? 0 : Lock(nowMs);
        }

        /// <summary>Resets the count after a correct password; returns null, or the storage error.</summary>
        public string RecordSuccess()
        {
            bool stored = ConsecutiveFailures > 0;
            ConsecutiveFailures = 0;
            _lockedUntilMs = 0;
            return stored ? Save() : null;
        }

        private int Lock(long nowMs)
        {
            int seconds = FirstLockoutSeconds;
            for (int i = FailuresBeforeLock; i < ConsecutiveFailures && seconds < MaxLockoutSeconds; i++)
            {
                seconds *= 2;
            }

            if (seconds > MaxLockoutSeconds)
            {
                seconds = MaxLockoutSeconds;
            }

            _lockedUntilMs = nowMs + seconds * 1000L;
            return seconds;
        }

        private static string CheckRecord(byte[] record)
        {
            if (record[0] != Magic || record[1] != Version || Crc32.Compute(record, 0, 4) != LittleEndian.ReadUInt32(record, 4))
            {
                return FileName + " is damaged (bad header or CRC)";
            }

            return null;
        }

        private string Save()
        {
            if (_storage == null)
            {
                return null;
            }

            try
            {
                if (ConsecutiveFailures == 0)
                {
                    _storage.Delete(FileName);
                    return null;
                }

                byte[] record = new byte[RecordLength];
                record[0] = Magic;
                record[1] = Version;
                record[2] = (byte)ConsecutiveFailures;
                record[3] = (byte)(ConsecutiveFailures >> 8);
                LittleEndian.WriteUInt32(record, 4, Crc32.Compute(record, 0, 4));
                _storage.Write(FileName, record, 0, RecordLength);
                return null;
            }
            catch (PowerLossException)
            {
                throw;
            }
            catch (System.Exception exception)
            {
                return FileName + " not saved: " + exception.Message;
            }
        }
    }
}
