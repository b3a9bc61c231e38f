using System;

namespace KiWhi.Armoire.Protocol.Crypto
{
    /// <summary>
    /// A DES-family block cipher (64-bit blocks) with ECB block operations and CBC without padding.
    /// The key schedule is computed once by <c>SetKey</c> and kept in preallocated arrays, so encrypting
    /// and decrypting allocate nothing. An instance is not thread-safe.
    /// </summary>
    public abstract class DesBlockCipher
    {
        /// <summary>Block size in bytes.</summary>
        public const int BlockSize = 8;

        private readonly int _stageCount;
        private readonly uint[] _encryptSchedule;
        private readonly uint[] _decryptSchedule;
        private bool _hasKey;

        /// <summary>Creates a cipher of <paramref name="stageCount"/> chained DES operations (1 for DES, 3 for EDE).</summary>
        protected DesBlockCipher(int stageCount)
        {
            _stageCount = stageCount;
            _encryptSchedule = new uint[stageCount * DesEngine.ScheduleLength];
            _decryptSchedule = new uint[stageCount * DesEngine.ScheduleLength];
        }

        /// <summary>Key length in bytes, parity bits included.</summary>
        public abstract int KeySize { get; }

        /// <summary>True once a key has been set and not cleared since.</summary>
        public bool HasKey
        {
            get { return _hasKey; }
        }

        /// <summary>
        /// Replaces the key with <see cref="KeySize"/> bytes of <paramref name="key"/> from
        /// <paramref name="offset"/>. Parity bits (the least significant bit of each byte) are ignored,
        /// as FIPS 46-3 defines them. The key bytes are not kept, only the derived round keys.
        /// </summary>
        public void SetKey(byte[] key, int offset)
        {
            CheckRange(key, offset, KeySize, nameof(key));
            ComputeSchedules(key, offset, _encryptSchedule, _decryptSchedule);
            _hasKey = true;
        }

        /// <summary>Overwrites the round keys with zeros. The cipher then needs a new <see cref="SetKey"/>.</summary>
        public void Clear()
        {
            Array.Clear(_encryptSchedule, 0, _encryptSchedule.Length);
            Array.Clear(_decryptSchedule, 0, _decryptSchedule.Length);
            _hasKey = false;
        }

        /// <summary>Encrypts one block. <paramref name="input"/> and <paramref name="output"/> may overlap.</summary>
        public void EncryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            CryptBlock(_encryptSchedule, input, inputOffset, output, outputOffset);
        }

        /// <summary>Decrypts one block. <paramref name="input"/> and <paramref name="output"/> may overlap.</summary>
        public void DecryptBlock(byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            CryptBlock(_decryptSchedule, input, inputOffset, output, outputOffset);
        }

        /// <summary>
        /// Encrypts <paramref name="count"/> bytes (a multiple of <see cref="BlockSize"/>) in CBC mode.
        /// <paramref name="iv"/> (8 bytes) is read as the initial vector and then overwritten with the last
        /// ciphertext block, so consecutive calls continue one CBC chain. Input and output may be the same
        /// range of the same array.
        /// </summary>
        public void EncryptCbc(byte[] iv, byte[] input, int inputOffset, int count, byte[] output, int outputOffset)
        {
            CheckCbcArguments(iv, input, inputOffset, count, output, outputOffset);

            uint chainLeft = DesEngine.ReadUInt32BigEndian(iv, 0);
            uint chainRight = DesEngine.ReadUInt32BigEndian(iv, 4);
            for (int done = 0; done < count; done += BlockSize)
            {
                uint left = DesEngine.ReadUInt32BigEndian(input, inputOffset + done) ^ chainLeft;
                uint right = DesEngine.ReadUInt32BigEndian(input, inputOffset + done + 4) ^ chainRight;
                DesEngine.CryptBlock(_encryptSchedule, _stageCount, ref left, ref right);
                DesEngine.WriteUInt32BigEndian(left, output, outputOffset + done);
                DesEngine.WriteUInt32BigEndian(right, output, outputOffset + done + 4);
                chainLeft = left;
                chainRight = right;
            }

            DesEngine.WriteUInt32BigEndian(chainLeft, iv, 0);
            DesEngine.WriteUInt32BigEndian(chainRight, iv, 4);
        }

        /// <summary>
        /// Decrypts <paramref name="count"/> bytes (a multiple of <see cref="BlockSize"/>) in CBC mode.
        /// <paramref name="iv"/> (8 bytes) is read as the initial vector and then overwritten with the last
        /// ciphertext block that was decrypted. Input and output may be the same range of the same array.
        /// </summary>
        public void DecryptCbc(byte[] iv, byte[] input, int inputOffset, int count, byte[] output, int outputOffset)
        {
            CheckCbcArguments(iv, input, inputOffset, count, output, outputOffset);

            uint chainLeft = DesEngine.ReadUInt32BigEndian(iv, 0);
            uint chainRight = DesEngine.ReadUInt32BigEndian(iv, 4);
            for (int done = 0; done < count; done += BlockSize)
            {
                uint cipherLeft = DesEngine.ReadUInt32BigEndian(input, inputOffset + done);
                uint cipherRight = DesEngine.ReadUInt32BigEndian(input, inputOffset + done + 4);
                uint left = cipherLeft;
                uint right = cipherRight;
                DesEngine.CryptBlock(_decryptSchedule, _stageCount, ref left, ref right);
                DesEngine.WriteUInt32BigEndian(left ^ chainLeft, output, outputOffset + done);
                DesEngine.WriteUInt32BigEndian(right ^ chainRight, output, outputOffset + done + 4);
                chainLeft = cipherLeft;
                chainRight = cipherRight;
            }

            DesEngine.WriteUInt32BigEndian(chainLeft, iv, 0);
            DesEngine.WriteUInt32BigEndian(chainRight, iv, 4);
        }

        /// <summary>
        /// Fills the encryption and decryption schedules (each <c>stageCount × 32</c> words, stage after
        /// stage in the order the stages run) from the key at <paramref name="offset"/>.
        /// </summary>
        protected abstract void ComputeSchedules(byte[] key, int offset, uint[] encryptSchedule, uint[] decryptSchedule);

        private void CryptBlock(uint[] schedule, byte[] input, int inputOffset, byte[] output, int outputOffset)
        {
            CheckKey();
            CheckRange(input, inputOffset, BlockSize, nameof(input));
            CheckRange(output, outputOffset, BlockSize, nameof(output));

            uint left = DesEngine.ReadUInt32BigEndian(input, inputOffset);
            uint right = DesEngine.ReadUInt32BigEndian(input, inputOffset + 4);
            DesEngine.CryptBlock(schedule, _stageCount, ref left, ref right);
            DesEngine.WriteUInt32BigEndian(left, output, outputOffset);
            DesEngine.WriteUInt32BigEndian(right, output, outputOffset + 4);
        }

        private void CheckCbcArguments(byte[] iv, byte[] input, int inputOffset, int count, byte[] output, int outputOffset)
        {
            CheckKey();
            CheckRange(iv, 0, BlockSize, nameof(iv));
            if (count < 0 || count % BlockSize != 0)
            {
                throw new ArgumentException("The CBC length must be a non-negative multiple of 8 bytes, not " + count + ".", nameof(count));
            }

            CheckRange(input, inputOffset, count, nameof(input));
            CheckRange(output, outputOffset, count, nameof(output));
        }

        private void CheckKey()
        {
            if (!_hasKey)
            {
                throw new InvalidOperationException("No key is set: call SetKey before encrypting or decrypting.");
            }
        }

        /// <summary>Throws unless <paramref name="buffer"/> contains <paramref name="count"/> bytes from <paramref name="offset"/>.</summary>
        internal static void CheckRange(byte[] buffer, int offset, int count, string name)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(name);
            }

            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException(name, "The range of " + count + " bytes at offset " + offset + " does not fit in a buffer of " + buffer.Length + " bytes.");
            }
        }
    }
}
