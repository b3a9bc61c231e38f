using System;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>
    /// A card that only identifies itself: it completes anticollision with its UID and responds to
    /// every other command with a NAK, like a card of an unsupported type.
    /// </summary>
    public sealed class UidCard : SimulatedCard
    {
        private readonly byte[] _uid;
        private readonly ushort _atqa;
        private readonly byte _sak;

        /// <summary>
        /// Creates a card with a UID of 4, 7 or 10 bytes. By default the ATQA announces the UID size in
        /// its bits 7-8, as ISO/IEC 14443-3 defines them: 0x0004 single, 0x0044 double (what a MIFARE
        /// Ultralight C sends, MF0ICU2 datasheet Table 16), 0x0084 triple. The default SAK 0x00 announces
        /// no ISO/IEC 14443-4 support.
        /// </summary>
        public UidCard(byte[] uid, ushort? atqa = null, byte sak = 0x00)
        {
            if (uid == null)
            {
                throw new ArgumentNullException(nameof(uid));
            }

            if (uid.Length != 4 && uid.Length != 7 && uid.Length != 10)
            {
                throw new ArgumentException("A UID has 4, 7 or 10 bytes, not " + uid.Length + ".", nameof(uid));
            }

            _uid = (byte[])uid.Clone();
            _atqa = atqa ?? DefaultAtqa(uid.Length);
            _sak = sak;
        }

        public override byte[] Uid
        {
            get { return (byte[])_uid.Clone(); }
        }

        public override ushort Atqa
        {
            get { return _atqa; }
        }

        public override byte Sak
        {
            get { return _sak; }
        }

        /// <summary>The UID in upper-case hexadecimal, as the cabinet writes an idTag by default.</summary>
        public string UidHex
        {
            get { return Convert.ToHexString(_uid); }
        }

        /// <summary>
        /// Creates a card from a UID written in hexadecimal (8, 14 or 20 digits, either case). Throws
        /// <see cref="FormatException"/> for other text.
        /// </summary>
        public static UidCard FromHex(string uidHex)
        {
            if (uidHex == null)
            {
                throw new ArgumentNullException(nameof(uidHex));
            }

            if (uidHex.Length != 8 && uidHex.Length != 14 && uidHex.Length != 20)
            {
                throw new FormatException("A UID is 8, 14 or 20 hexadecimal digits, not '" + uidHex + "'.");
            }

            byte[] uid;
            try
            {
                uid = Convert.FromHexString(uidHex);
            }
            catch (FormatException)
            {
                throw new FormatException("The UID '" + uidHex + "' contains characters that are not hexadecimal digits.");
            }

            return new UidCard(uid);
        }

        public override int Respond(byte[] command, int commandLength, byte[] response)
        {
            return CardStatus.Nak;
        }

        private static ushort DefaultAtqa(int uidLength)
        {
            switch (uidLength)
            {
                case 4:
                    return 0x0004;
                case 7:
                    return 0x0044;
                default:
                    return 0x0084;
            }
        }
    }
}
