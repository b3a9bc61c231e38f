namespace KiWhi.Armoire.Protocol.Iso14443
{
    /// <summary>
    /// Commands, responses and memory map of MIFARE Ultralight C (NXP MF0ICU2 datasheet Rev 3.3, §7.5 and §9).
    /// Every command frame carries CRC_A. ACK and NAK are 4-bit responses without CRC_A.
    /// </summary>
    public static class UltralightCommands
    {
        /// <summary>READ: 30h, start page. The card returns 16 bytes (4 pages), rolling over as §9.2 describes.</summary>
        public const byte Read = 0x30;

        /// <summary>WRITE: A2h, page, 4 data bytes. The card returns ACK or NAK.</summary>
        public const byte Write = 0xA2;

        /// <summary>
        /// COMPATIBILITY WRITE: A0h, page. After the ACK the reader sends 16 data bytes, the card writes the
        /// first 4 and returns ACK or NAK again.
        /// </summary>
        public const byte CompatibilityWrite = 0xA0;

        /// <summary>AUTHENTICATE part 1: 1Ah 00h. The card returns AFh ‖ ek(RndB).</summary>
        public const byte Authenticate = 0x1A;

        /// <summary>Argument byte of AUTHENTICATE part 1.</summary>
        public const byte AuthenticateArgument = 0x00;

        /// <summary>
        /// First byte of the card's response to part 1, and first byte of part 2 sent by the reader:
        /// AFh ‖ ek(RndA ‖ RndB′).
        /// </summary>
        public const byte AuthenticateContinue = 0xAF;

        /// <summary>First byte of the card's response to part 2: 00h ‖ ek(RndA′).</summary>
        public const byte AuthenticateAccepted = 0x00;

        /// <summary>4-bit ACK (datasheet Table 15).</summary>
        public const byte Ack = 0x0A;

        /// <summary>4-bit NAK for an invalid argument, such as a page out of range, protected or locked.</summary>
        public const byte NakInvalidArgument = 0x00;

        /// <summary>4-bit NAK for a parity or CRC error.</summary>
        public const byte NakCrcError = 0x01;

        /// <summary>4-bit NAK for an EEPROM write error.</summary>
        public const byte NakEepromWriteError = 0x02;

        /// <summary>Page size in bytes.</summary>
        public const int PageSize = 4;

        /// <summary>Bytes returned by one READ (4 pages).</summary>
        public const int ReadLength = 16;

        /// <summary>Pages 00h to 2Fh.</summary>
        public const int PageCount = 48;

        /// <summary>Lock bytes 0 and 1 are bytes 2 and 3 of this page (§7.5.2).</summary>
        public const byte StaticLockPage = 0x02;

        /// <summary>One-time-programmable page: written bits can only be set.</summary>
        public const byte OtpPage = 0x03;

        /// <summary>First user page.</summary>
        public const byte FirstUserPage = 0x04;

        /// <summary>Last user page: pages 04h to 27h store 144 bytes.</summary>
        public const byte LastUserPage = 0x27;

        /// <summary>Lock bytes 2 and 3 are bytes 0 and 1 of this page (§7.5.3).</summary>
        public const byte DynamicLockPage = 0x28;

        /// <summary>16-bit one-way counter in bytes 0 and 1 (§7.5.11).</summary>
        public const byte CounterPage = 0x29;

        /// <summary>AUTH0 in byte 0: the first page that needs authentication. 30h disables protection (§7.5.8).</summary>
        public const byte Auth0Page = 0x2A;

        /// <summary>AUTH1 in byte 0: bit 0 set restricts writes only, clear restricts reads and writes.</summary>
        public const byte Auth1Page = 0x2B;

        /// <summary>First of the four write-only key pages 2Ch to 2Fh (§7.5.7).</summary>
        public const byte FirstKeyPage = 0x2C;

        /// <summary>Pages at and above this address cannot be read: READ decodes 00h to 2Bh only.</summary>
        public const byte FirstUnreadablePage = 0x2C;

        /// <summary>AUTH0 value that disables protection, the factory setting.</summary>
        public const byte Auth0Unprotected = 0x30;
    }
}
