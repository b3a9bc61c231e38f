namespace KiWhi.Armoire.Protocol.Crypto
{
    /// <summary>Single DES (FIPS 46-3) with an 8-byte key.</summary>
    public sealed class SingleDes : DesBlockCipher
    {
        /// <summary>Key length in bytes, parity bits included.</summary>
        public const int KeyLength = 8;

        public SingleDes()
            : base(1)
        {
        }

        public override int KeySize
        {
            get { return KeyLength; }
        }

        protected override void ComputeSchedules(byte[] key, int offset, uint[] encryptSchedule, uint[] decryptSchedule)
        {
            DesEngine.ComputeSchedule(key, offset, encryptSchedule, 0, false);
            DesEngine.ReverseSchedule(encryptSchedule, 0, decryptSchedule, 0);
        }
    }
}
