namespace KiWhi.Armoire.Hal
{
    /// <summary>
    /// Identification of a selected ISO/IEC 14443-A card, filled in place so that polling allocates nothing.
    /// </summary>
    public sealed class CardIdentity
    {
        /// <summary>Largest UID of ISO/IEC 14443-3 (triple size, cascade level 3).</summary>
        public const int MaxUidLength = 10;

        /// <summary>UID bytes; only the first <see cref="UidLength"/> are meaningful.</summary>
        public readonly byte[] Uid = new byte[MaxUidLength];

        /// <summary>UID length in bytes: 4, 7 or 10.</summary>
        public int UidLength;

        /// <summary>Answer to request, first byte received in the low byte (ISO/IEC 14443-3 §6.4.2).</summary>
        public ushort Atqa;

        /// <summary>Select acknowledge of the last cascade level.</summary>
        public byte Sak;

        /// <summary>Copies another identification into this one.</summary>
        public void CopyFrom(CardIdentity other)
        {
            System.Array.Copy(other.Uid, Uid, MaxUidLength);
            UidLength = other.UidLength;
            Atqa = other.Atqa;
            Sak = other.Sak;
        }

        /// <summary>Returns true when both identifications carry the same UID.</summary>
        public bool SameUid(CardIdentity other)
        {
            if (other == null || other.UidLength != UidLength)
            {
                return false;
            }

            for (int i = 0; i < UidLength; i++)
            {
                if (other.Uid[i] != Uid[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
