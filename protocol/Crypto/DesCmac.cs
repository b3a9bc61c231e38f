using System;

namespace KiWhi.Armoire.Protocol.Crypto
{
    /// <summary>
    /// CMAC (NIST SP 800-38B) over a 64-bit DES-family cipher, with a full 8-byte tag. Subkeys K1 and
    /// K2 are derived once per key, and computing a MAC allocates nothing. Not thread-safe.
    /// </summary>
    public sealed class DesCmac
    {
        /// <summary>Tag length in bytes (the full cipher block).</summary>
        public const int MacSize = DesBlockCipher.BlockSize;

        // SP 800-38B constant for 64-bit blocks, R64 = 0^59 ‖ 11011: XORed into the low byte when the shifted-out bit is 1.
        private const byte R64 = 0x1B;

        private readonly DesBlockCipher _cipher;
        private readonly byte[] _subkey1 = new byte[MacSize];
        private readonly byte[] _subkey2 = new byte[MacSize];
        private readonly byte[] _state = new byte[MacSize];

        /// <summary>Creates a CMAC that owns <paramref name="cipher"/>, whose key is then set by <see cref="SetKey"/>.</summary>
        public DesCmac(DesBlockCipher cipher)
        {
            if (cipher == null)
            {
                throw new ArgumentNullException(nameof(cipher));
            }

            _cipher = cipher;
        }

        /// <summary>Key length in bytes of the underlying cipher.</summary>
        public int KeySize
        {
            get { return _cipher.KeySize; }
        }

        /// <summary>Sets the cipher key from <paramref name="key"/> at <paramref name="offset"/> and derives the subkeys K1 and K2.</summary>
        public void SetKey(byte[] key, int offset)
        {
            _cipher.SetKey(key, offset);

            Array.Clear(_state, 0, MacSize);
            _cipher.EncryptBlock(_state, 0, _state, 0);
            ShiftLeftWithReduction(_state, _subkey1);
            ShiftLeftWithReduction(_subkey1, _subkey2);
            Array.Clear(_state, 0, MacSize);
        }

        /// <summary>Overwrites the key schedule and the subkeys with zeros.</summary>
        public void Clear()
        {
            _cipher.Clear();
            Array.Clear(_subkey1, 0, MacSize);
            Array.Clear(_subkey2, 0, MacSize);
            Array.Clear(_state, 0, MacSize);
        }

        /// <summary>
        /// Computes the CMAC of <paramref name="count"/> bytes of <paramref name="message"/> (0 allowed)
        /// and writes the 8-byte tag to <paramref name="mac"/> at <paramref name="macOffset"/>.
        /// </summary>
        public void ComputeMac(byte[] message, int offset, int count, byte[] mac, int macOffset)
        {
            DesBlockCipher.CheckRange(message, offset, count, nameof(message));
            int blockCount = count == 0 ? 1 : (count + MacSize - 1) / MacSize;
            ComputeMacCore(message, offset, count, blockCount, mac, macOffset);
        }

        /// <summary>
        /// Computes a CMAC whose input is first padded to exactly <paramref name="blockCount"/> blocks:
        /// 80h then zeros are appended when <paramref name="count"/> is shorter, and the last block is then
        /// XORed with K2, otherwise with K1. NXP AN10922 key diversification pads its input this way even
        /// when a shorter padding would do. <paramref name="count"/> must not exceed the padded length.
        /// </summary>
        public void ComputeMacPaddedToBlocks(byte[] message, int offset, int count, int blockCount, byte[] mac, int macOffset)
        {
            DesBlockCipher.CheckRange(message, offset, count, nameof(message));
            if (blockCount < 1 || count > blockCount * MacSize)
            {
                throw new ArgumentOutOfRangeException(nameof(blockCount), "A message of " + count + " bytes cannot be padded to " + blockCount + " blocks of 8 bytes.");
            }

            ComputeMacCore(message, offset, count, blockCount, mac, macOffset);
        }

        private void ComputeMacCore(byte[] message, int offset, int count, int blockCount, byte[] mac, int macOffset)
        {
            DesBlockCipher.CheckRange(mac, macOffset, MacSize, nameof(mac));
            if (!_cipher.HasKey)
            {
                throw new InvalidOperationException("No key is set: call SetKey before computing a MAC.");
            }

            byte[] lastSubkey = count == blockCount * MacSize ? _subkey1 : _subkey2;
            Array.Clear(_state, 0, MacSize);
            for (int block = 0; block < blockCount; block++)
            {
                bool isLast = block == blockCount - 1;
                for (int i = 0; i < MacSize; i++)
                {
                    int index = block * MacSize + i;
                    byte value;
                    if (index < count)
                    {
                        value = message[offset + index];
                    }
                    else
                    {
                        value = index == count ? (byte)0x80 : (byte)0x00;
                    }

                    if (isLast)
                    {
                        value ^= lastSubkey[i];
                    }

                    _state[i] ^= value;
                }

                _cipher.EncryptBlock(_state, 0, _state, 0);
            }

            Array.Copy(_state, 0, mac, macOffset, MacSize);
            Array.Clear(_state, 0, MacSize);
        }

        /// <summary>Writes <paramref name="input"/> doubled in GF(2^64): shifted left one bit, XORed with R64 when the top bit was set.</summary>
        private static void ShiftLeftWithReduction(byte[] input, byte[] output)
        {
            bool carry = (input[0] & 0x80) != 0;
            for (int i = 0; i < MacSize - 1; i++)
            {
                output[i] = (byte)((input[i] << 1) | (input[i + 1] >> 7));
            }

            output[MacSize - 1] = (byte)(input[MacSize - 1] << 1);
            if (carry)
            {
                output[MacSize - 1] ^= R64;
            }
        }
    }
}
