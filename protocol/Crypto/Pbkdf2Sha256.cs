using System;

namespace KiWhi.Armoire.Protocol.Crypto
{
    /// <summary>
    /// PBKDF2 with HMAC-SHA256 as the pseudorandom function (RFC 8018 §5.2), resumable: after
    /// <see cref="Begin"/>, each <see cref="Step"/> runs a bounded number of iterations, so that a
    /// single-threaded loop can derive a key without stopping for seconds. Each iteration costs two
    /// SHA-256 compressions. Not thread-safe.
    /// </summary>
    public sealed class Pbkdf2Sha256
    {
        /// <summary>Largest derived key this implementation produces, in bytes.</summary>
        public const int MaxDerivedKeyLength = 256;

        private readonly HmacSha256 _prf = new HmacSha256();
        private readonly byte[] _u = new byte[HmacSha256.MacSize];
        private readonly byte[] _block = new byte[HmacSha256.MacSize];
        private byte[] _saltAndIndex = new byte[0];
        private byte[] _derivedKey = new byte[0];

        private int _iterations;
        private int _blockIndex;
        private int _blockCount;
        private int _iteration;
        private bool _started;

        /// <summary>True once the whole derived key is computed.</summary>
        public bool IsComplete { get; private set; }

        /// <summary>Length of the key being derived, in bytes.</summary>
        public int DerivedKeyLength
        {
            get { return _derivedKey.Length; }
        }

        /// <summary>
        /// Starts deriving <paramref name="derivedKeyLength"/> bytes from the password and salt with
        /// <paramref name="iterations"/> iterations (RFC 8018 parameter c). The password is only used
        /// here, to key the HMAC: the caller may clear it when this returns.
        /// </summary>
        public void Begin(byte[] password, int passwordOffset, int passwordLength, byte[] salt, int saltOffset, int saltLength,
            int iterations, int derivedKeyLength)
        {
            if (salt == null)
            {
                throw new ArgumentNullException(nameof(salt));
            }

            if (saltOffset < 0 || saltLength < 0 || saltOffset > salt.Length || salt.Length - saltOffset < saltLength)
            {
                throw new ArgumentOutOfRangeException(nameof(saltLength), "Salt offset " + saltOffset.ToString() + " and length "
                    + saltLength.ToString() + " do not fit in an array of " + salt.Length.ToString() + " bytes.");
            }

            if (iterations < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(iterations), "PBKDF2 needs at least 1 iteration, not " + iterations.ToString() + ".");
            }

            if (derivedKeyLength < 1 || derivedKeyLength > MaxDerivedKeyLength)
            {
                throw new ArgumentOutOfRangeException(nameof(derivedKeyLength), "The derived key length must be 1 to "
                    + MaxDerivedKeyLength.ToString() + " bytes, not " + derivedKeyLength.ToString() + ".");
            }

            _prf.SetKey(password, passwordOffset, passwordLength);

            // U_1 = PRF(P, S || INT(i)), with the block index i as a 4-byte big-endian integer.
            Clear(_saltAndIndex);
            _saltAndIndex = new byte[saltLength + 4];
            Array.Copy(salt, saltOffset, _saltAndIndex, 0, saltLength);

            Clear(_derivedKey);
            _derivedKey = new byte[derivedKeyLength];
            _iterations = iterations;
            _blockCount = (derivedKeyLength + HmacSha256.MacSize - 1) / HmacSha256.MacSize;
            _blockIndex = 0;
            _iteration = 0;
            _started = true;
            IsComplete = false;
        }

        /// <summary>
        /// Runs at most <paramref name="maxIterations"/> HMAC iterations and returns <see cref="IsComplete"/>.
        /// A key longer than 32 bytes needs <c>iterations</c> more for each further 32-byte block.
        /// </summary>
        public bool Step(int maxIterations)
        {
            if (!_started)
            {
                throw new InvalidOperationException("Call Begin before Step.");
            }

            int budget = maxIterations;
            while (!IsComplete && budget > 0)
            {
                if (_iteration == 0)
                {
                    int index = _blockIndex + 1;
                    int at = _saltAndIndex.Length - 4;
                    _saltAndIndex[at] = (byte)(index >> 24);
                    _saltAndIndex[at + 1] = (byte)(index >> 16);
                    _saltAndIndex[at + 2] = (byte)(index >> 8);
                    _saltAndIndex[at + 3] = (byte)index;
                    _prf.ComputeMac(_saltAndIndex, 0, _saltAndIndex.Length, _u, 0);
                    Array.Copy(_u, _block, _u.Length);
                }
                else
                {
                    // U_j = PRF(P, U_{j-1}); T_i = U_1 xor U_2 xor ... xor U_c.
                    _prf.ComputeMac(_u, 0, _u.Length, _u, 0);
                    for (int i = 0; i < _u.Length; i++)
                    {
                        _block[i] ^= _u[i];
                    }
                }

                _iteration++;
                budget--;
                if (_iteration == _iterations)
                {
                    FinishBlock();
                }
            }

            return IsComplete;
        }

        /// <summary>Copies the derived key to <paramref name="destination"/> at <paramref name="offset"/>.</summary>
        public void GetDerivedKey(byte[] destination, int offset)
        {
            if (!IsComplete)
            {
                throw new InvalidOperationException("The derived key is not complete: call Step until it returns true.");
            }

            Array.Copy(_derivedKey, 0, destination, offset, _derivedKey.Length);
        }

        /// <summary>Overwrites every intermediate value and the derived key with zeros.</summary>
        public void Clear()
        {
            _prf.Clear();
            Clear(_u);
            Clear(_block);
            Clear(_saltAndIndex);
            Clear(_derivedKey);
            _started = false;
            IsComplete = false;
        }

        /// <summary>Derives the key in one call. Allocates the result; meant for tests and the host.</summary>
        public static byte[] DeriveKey(byte[] password, byte[] salt, int iterations, int derivedKeyLength)
        {
            if (password == null)
            {
                throw new ArgumentNullException(nameof(password));
            }

            Pbkdf2Sha256 pbkdf2 = new Pbkdf2Sha256();
            pbkdf2.Begin(password, 0, password.Length, salt, 0, salt == null ? 0 : salt.Length, iterations, derivedKeyLength);
            while (!pbkdf2.Step(iterations))
            {
            }

            byte[] key = new byte[derivedKeyLength];
            pbkdf2.GetDerivedKey(key, 0);
            pbkdf2.Clear();
            return key;
        }

        private void FinishBlock()
        {
            int offset = _blockIndex * HmacSha256.MacSize;
            int length = _derivedKey.Length - offset;
            if (length > HmacSha256.MacSize)
            {
                length = HmacSha256.MacSize;
            }

            Array.Copy(_block, 0, _derivedKey, offset, length);
            _blockIndex++;
            _iteration = 0;
            if (_blockIndex == _blockCount)
            {
                IsComplete = true;
                _prf.Clear();
                Clear(_u);
                Clear(_block);
            }
        }

        private static void Clear(byte[] buffer)
        {
            Array.Clear(buffer, 0, buffer.Length);
        }
    }
}
