namespace KiWhi.Armoire.Protocol.Iso14443
{
    /// <summary>Command bytes and values of ISO/IEC 14443-3 type A activation.</summary>
    public static class Iso14443Commands
    {
        /// <summary>REQA, a 7-bit short frame: wakes cards in the IDLE state only.</summary>
        public const byte Reqa = 0x26;

        /// <summary>WUPA, a 7-bit short frame: wakes cards in the IDLE and the HALT state.</summary>
        public const byte Wupa = 0x52;

        /// <summary>First byte of HLTA. The frame is 50h 00h followed by CRC_A.</summary>
        public const byte Hlta = 0x50;

        /// <summary>SEL code of cascade level 1 (ANTICOLLISION and SELECT).</summary>
        public const byte SelectCascadeLevel1 = 0x93;

        /// <summary>SEL code of cascade level 2.</summary>
        public const byte SelectCascadeLevel2 = 0x95;

        /// <summary>SEL code of cascade level 3.</summary>
        public const byte SelectCascadeLevel3 = 0x97;

        /// <summary>Cascade tag: the first UID byte of a level whose UID continues at the next level.</summary>
        public const byte CascadeTag = 0x88;

        /// <summary>SAK bit 3 (04h): the UID is not complete, another cascade level follows.</summary>
        public const byte SakCascadeBit = 0x04;

        /// <summary>
        /// Returns the BCC (XOR of the bytes) of <paramref name="count"/> bytes from <paramref name="offset"/>.
        /// For cascade level 1 of a 7-byte UID the bytes are CT‖UID0‖UID1‖UID2, so BCC0 = 88h ⊕ UID0 ⊕ UID1 ⊕ UID2.
        /// </summary>
        public static byte ComputeBcc(byte[] data, int offset, int count)
        {
            byte bcc = 0;
            for (int i = 0; i < count; i++)
            {
                bcc ^= data[offset + i];
            }

            return bcc;
        }
    }
}
