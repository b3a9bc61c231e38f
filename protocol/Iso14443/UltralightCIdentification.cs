namespace KiWhi.Armoire.Protocol.Iso14443
{
    /// <summary>
    /// Checks the identification of a MIFARE Ultralight C during activation (MF0ICU2 datasheet Table 16):
    /// ATQA 0044h, SAK 00h at the last cascade level and a 7-byte UID whose first byte is the NXP
    /// manufacturer code 04h.
    /// </summary>
    /// <remarks>
    /// Plain Ultralight and NTAG cards identify the same way. Only the AUTHENTICATE command distinguishes
    /// an Ultralight C, because the others do not support it.
    /// </remarks>
    public static class UltralightCIdentification
    {
        /// <summary>ATQA with the first byte received in the low byte.</summary>
        public const ushort Atqa = 0x0044;

        /// <summary>SAK at cascade level 2, the last level of a 7-byte UID.</summary>
        public const byte Sak = 0x00;

        /// <summary>UID length in bytes (double size UID).</summary>
        public const int UidLength = 7;

        /// <summary>First UID byte: the ISO/IEC 7816-6 manufacturer code of NXP.</summary>
        public const byte NxpManufacturerCode = 0x04;

        /// <summary>Returns true when the activation responses match an Ultralight C.</summary>
        public static bool Matches(ushort atqa, byte sak, byte[] uid, int uidLength)
        {
            return atqa == Atqa
                && sak == Sak
                && uid != null
                && uidLength == UidLength
                && uid.Length >= UidLength
                && uid[0] == NxpManufacturerCode;
        }
    }
}
