using System;

namespace KiWhi.Armoire.Protocol.Crypto
{
    /// <summary>
    /// HMAC-SHA256 (RFC 2104, FIPS 198-1). <see cref="SetKey"/> hashes the padded key once, so each
    /// MAC of a message shorter than 56 bytes costs two SHA-256 compressions, which is what keeps
    /// PBKDF2 affordable on the device. Computing a MAC allocates nothing. Not thread-safe.
    /// </summary>
    public sealed class HmacSha256
    {
        /// <summary>MAC length in bytes.</summary>
        public const int MacSize = Sha256.HashSize;

        private const byte InnerPad = 0x36;
        private const byte OuterPad = 0x5C;

        private readonly Sha256 _innerStart = new Sha256();
        private readonly Sha256 _outerStart = new Sha256();
        private readonly Sha256 _work = new Sha256();
        private readonly byte[] _paddedKey = new byte[Sha256.BlockSize];
        private readonly byte[] _innerHash = new byte[Sha256.HashSize];
        private bool _hasKey;

        /// <summary>
        /// Sets the key. A key longer than the 64-byte block is replaced by its SHA-256 digest
        /// (RFC 2104 §2), then the key is zero-padded to the block and XORed with ipad and opad.
        /// </summary>
        public void SetKey(byte[] key, int offset, int count)
        {
            if (key == null)
            {
                throw new ArgumentNullException(nameof(key));
            }

            if (offset < 0 || count < 0 || offset > key.Length || key.Length - offset < count)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "Offset " + offset.ToString() + " and count " + count.ToString()
                    + " do not fit in an array of " + key.Length.ToString() + " bytes.");
            }

            Array.Clear(_paddedKey, 0, _paddedKey.Length);
            if (count > Sha256.BlockSize)
            {
                _work.Reset();
                _work.Update(key, offset, count);
                _work.Final(_paddedKey, 0);
            }
            else
            {
                Array.Copy(key, offset, _paddedKey, 0, count);
            }

            XorAll(_paddedKey, InnerPad);
            _innerStart.Reset();
            _innerStart.Update(_paddedKey, 0, _paddedKey.Length);

            XorAll(_paddedKey, InnerPad ^ OuterPad);
            _outerStart.Reset();
            _outerStart.Update(_paddedKey, 0, _paddedKey.Length);

            Array.Clear(_paddedKey, 0, _paddedKey.Length);
            _hasKey = true;
        }

        /// <summary>Computes HMAC(key, message) into <paramref name="mac"/> at <paramref name="macOffset"/>.</summary>
        public void ComputeMac(byte[] message, int offset, int count, byte[] mac, int macOffset)
        {
            if (!_hasKey)
            {
                throw new InvalidOperationException("Call SetKey before ComputeMac.");
            }

            _work.CopyFrom(_innerStart);
            _work.Update(message, offset, count);
            _work.Final(_innerHash, 0);

            _work.CopyFrom(_outerStart);
            _work.Update(_innerHash, 0, _innerHash.Length);
            _work.Final(mac, macOffset);
        }

        /// <summary>Resets the precomputed key states, so that nothing derived from the key stays in memory.</summary>
        public void Clear()
        {
            _innerStart.Reset();
            _outerStart.Reset();
            _work.Reset();
            Array.Clear(_innerHash, 0, _innerHash.Length);
            _hasKey = false;
        }

        private static void XorAll(byte[] buffer, int pad)
        {
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = (byte)(buffer[i] ^ pad);
            }
        }
    }
}
