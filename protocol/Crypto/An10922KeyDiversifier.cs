using System;

namespace KiWhi.Armoire.Protocol.Crypto
{
    /// <summary>
    /// Derives a per-card 2TDEA key from a 2TDEA master key by NXP AN10922 key diversification, 2TDEA
    /// variant: the first key half is CMAC(master, 21h‖M) and the second CMAC(master, 22h‖M), each
    /// input padded to exactly two blocks (see <see cref="DesCmac.ComputeMacPaddedToBlocks"/>). M is the
    /// diversification input, typically the card UID followed by application and system identifiers.
    /// </summary>
    /// <remarks>
    /// The derived key's parity bits are returned as computed. Ultralight C and DES ignore them, so they
    /// need no adjustment. The master key is kept only as a key schedule and is never returned or
    /// logged. Not thread-safe.
    /// </remarks>
    public sealed class An10922KeyDiversifier
    {
        /// <summary>Length in bytes of the master key and of derived keys.</summary>
        public const int KeyLength = TwoKeyTripleDes.KeyLength;

        /// <summary>Maximum length of M: the constant byte and M must fit in two 8-byte blocks.</summary>
        public const int MaxInputLength = 15;

        private const byte FirstHalfConstant = 0x21;
        private const byte SecondHalfConstant = 0x22;
        private const int PaddedBlockCount = 2;

        private readonly DesCmac _cmac = new DesCmac(new TwoKeyTripleDes());
        private readonly byte[] _data = new byte[PaddedBlockCount * DesBlockCipher.BlockSize];

        /// <summary>Creates a diversifier for the 16-byte master key at <paramref name="offset"/>. Only its key schedule is kept.</summary>
        public An10922KeyDiversifier(byte[] masterKey, int offset)
        {
            _cmac.SetKey(masterKey, offset);
        }

        /// <summary>
        /// Writes the 16-byte key diversified with the <paramref name="count"/> bytes of M at
        /// <paramref name="offset"/> (1 to <see cref="MaxInputLength"/>) to <paramref name="key"/> at
        /// <paramref name="keyOffset"/>.
        /// </summary>
        public void DiversifyKey(byte[] input, int offset, int count, byte[] key, int keyOffset)
        {
            DesBlockCipher.CheckRange(input, offset, count, nameof(input));
            DesBlockCipher.CheckRange(key, keyOffset, KeyLength, nameof(key));
            if (count < 1 || count > MaxInputLength)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "The diversification input must contain 1 to " + MaxInputLength + " bytes, not " + count + ".");
            }

            Array.Copy(input, offset, _data, 1, count);

            _data[0] = FirstHalfConstant;
            _cmac.ComputeMacPaddedToBlocks(_data, 0, count + 1, PaddedBlockCount, key, keyOffset);
            _data[0] = SecondHalfConstant;
            _cmac.ComputeMacPaddedToBlocks(_data, 0, count + 1, PaddedBlockCount, key, keyOffset + DesBlockCipher.BlockSize);

            Array.Clear(_data, 0, _data.Length);
        }

        /// <summary>Overwrites the master key schedule with zeros. The instance is unusable afterwards.</summary>
        public void Clear()
        {
            _cmac.Clear();
        }
    }
}
