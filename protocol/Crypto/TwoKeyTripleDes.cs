namespace KiWhi.Armoire.Protocol.Crypto
{
    /// <summary>
    /// Two-key triple DES, 2TDEA in NIST SP 800-67 terms: encryption is E(K1) · D(K2) · E(K1) of a
    /// 16-byte key K1‖K2. Keys with K1 = K2 are accepted and then behave as single DES with K1, which is
    /// the case the .NET TripleDES class rejects as weak.
    /// </summary>
    public sealed class TwoKeyTripleDes : DesBlockCipher
    {
        /// <summary>Key length in bytes: K1 then K2, parity bits included.</summary>
        public const int KeyLength = 16;

        private const int StageLength = 32;

        public TwoKeyTripleDes()
            : base(3)
        {
        }

        public override int KeySize
        {
            get { return KeyLength; }
        }

        protected override void ComputeSchedules(byte[] key, int offset, uint[] encryptSchedule, uint[] decryptSchedule)
        {
            // Encryption runs E(K1), D(K2), E(K1), and decryption runs D(K1), E(K2), D(K1). Each DES key is
            // scheduled once, and the other stages are copies or reversals.
            DesEngine.ComputeSchedule(key, offset, encryptSchedule, 0, false);
            DesEngine.ComputeSchedule(key, offset + 8, encryptSchedule, StageLength, true);
            System.Array.Copy(encryptSchedule, 0, encryptSchedule, 2 * StageLength, StageLength);

            DesEngine.ReverseSchedule(encryptSchedule, 0, decryptSchedule, 0);
            DesEngine.ReverseSchedule(encryptSchedule, StageLength, decryptSchedule, StageLength);
            System.Array.Copy(decryptSchedule, 0, decryptSchedule, 2 * StageLength, StageLength);
        }
    }
}
