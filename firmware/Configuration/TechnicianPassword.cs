using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Protocol.Crypto;
using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// Hashes and verifies the technician password as a salted PBKDF2-HMAC-SHA256 record,
    /// "pbkdf2-sha256$ITERATIONS$SALT$HASH" with the salt and hash in Base64. Work runs in bounded
    /// <see cref="Step"/> calls so that the cabinet loop keeps polling while a password is checked.
    /// The password itself is never stored: only the record is.
    /// </summary>
    public sealed class TechnicianPassword
    {
        /// <summary>Scheme name at the start of every record.</summary>
        public const string Scheme = "pbkdf2-sha256";

        /// <summary>
        /// Iterations of new records. NOTE: an estimate, not a measurement: at a few milliseconds per
        /// HMAC-SHA256 on nanoCLR, a login takes several seconds. Records keep their own count, so a
        /// changed default applies to passwords set afterwards.
        /// </summary>
        public const int DefaultIterations = 1000;

        /// <summary>Largest iteration count a record may ask for, so that a corrupted record cannot stall logins for hours.</summary>
        public const int MaxIterations = 1000000;

        public const int SaltLength = 16;
        public const int HashLength = 32;

        /// <summary>Validation rule of a new password: 8 to 64 bytes of UTF-8 without control characters.</summary>
        public static readonly SettingDefinition Rule = SettingDefinition.Text("TechnicianPassword", SettingType.Text, 8, 64, null,
            SettingFlags.Secret, OcppAccess.Hidden, null, null);

        private readonly Pbkdf2Sha256 _pbkdf2 = new Pbkdf2Sha256();
        private readonly byte[] _derived = new byte[HashLength];
        private byte[] _salt;
        private byte[] _expected;
        private int _iterations;
        private bool _busy;
        private bool _verifying;

        /// <summary>True between a Begin call and the <see cref="Step"/> that completes it.</summary>
        public bool IsBusy
        {
            get { return _busy; }
        }

        /// <summary>After a completed verification: whether the password matched the record.</summary>
        public bool Matches { get; private set; }

        /// <summary>After a completed hash: the record to store.</summary>
        public string Record { get; private set; }

        /// <summary>Starts hashing <paramref name="password"/> with a fresh 16-byte salt from <paramref name="random"/>.</summary>
        public void BeginHash(string password, IRandomSource random, int iterations)
        {
            _salt = new byte[SaltLength];
            random.NextBytes(_salt, 0, SaltLength);
            _iterations = iterations;
            _verifying = false;
            Record = null;
            Start(password);
        }

        /// <summary>
        /// Starts checking <paramref name="password"/> against <paramref name="record"/>. Returns false,
        /// and starts nothing, when the record is missing or malformed: such a record matches no password.
        /// </summary>
        public bool BeginVerify(string password, string record)
        {
            Matches = false;
            if (!TryParse(record, out _iterations, out _salt, out _expected))
            {
                return false;
            }

            _verifying = true;
            Start(password);
            return true;
        }

        /// <summary>Runs at most <paramref name="maxIterations"/> PBKDF2 iterations; returns true when the work is complete.</summary>
        public bool Step(int maxIterations)
        {
            if (!_busy)
            {
                return true;
            }

            if (!_pbkdf2.Step(maxIterations))
            {
                return false;
            }

            _pbkdf2.GetDerivedKey(_derived, 0);
            _pbkdf2.Clear();
            _busy = false;
            if (_verifying)
            {
                Matches = FixedTimeEquals(_derived, _expected);
            }
            else
            {
                Record = Scheme + "$" + _iterations.ToString() + "$" + System.Convert.ToBase64String(_salt) + "$" + System.Convert.ToBase64String(_derived);
            }

            System.Array.Clear(_derived, 0, _derived.Length);
            return true;
        }

        /// <summary>Abandons the work in progress and clears its intermediate values.</summary>
        public void Cancel()
        {
            _pbkdf2.Clear();
            _busy = false;
            Matches = false;
        }

        /// <summary>Returns true when <paramref name="record"/> has the scheme, an iteration count and a salt and hash of the right lengths.</summary>
        public static bool IsWellFormed(string record)
        {
            int iterations;
            byte[] salt;
            byte[] hash;
            return TryParse(record, out iterations, out salt, out hash);
        }

        private void Start(string password)
        {
            byte[] bytes = new byte[Utf8.GetByteCount(password)];
            Utf8.GetBytes(password, bytes, 0);
            _pbkdf2.Begin(bytes, 0, bytes.Length, _salt, 0, _salt.Length, _iterations, HashLength);
            System.Array.Clear(bytes, 0, bytes.Length);
            _busy = true;
        }

        private static bool TryParse(string record, out int iterations, out byte[] salt, out byte[] hash)
        {
            iterations = 0;
            salt = null;
            hash = null;
            if (record == null)
            {
                return false;
            }

            string[] parts = record.Split('$');
            if (parts.Length != 4 || parts[0] != Scheme || !SettingText.TryParseInteger(parts[1], out iterations)
                || iterations < 1 || iterations > MaxIterations)
            {
                return false;
            }

            try
            {
                salt = System.Convert.FromBase64String(parts[2]);
                hash = System.Convert.FromBase64String(parts[3]);
            }
            catch (System.FormatException)
            {
                return false;
            }
            catch (System.ArgumentException)
            {
                // Either exception means a part is not Base64.
                return false;
            }

            return salt.Length >= 8 && hash.Length == HashLength;
        }

        // Compares every byte whatever the first difference, so the time taken reveals nothing about the hash.
        private static bool FixedTimeEquals(byte[] a, byte[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            int difference = 0;
            for (int i = 0; i < a.Length; i++)
            {
                difference |= a[i] ^ b[i];
            }

            return difference == 0;
        }
    }
}
