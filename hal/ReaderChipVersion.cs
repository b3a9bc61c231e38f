namespace KiWhi.Armoire.Hal
{
    /// <summary>
    /// Meaning of the MFRC522 VersionReg value returned by <see cref="IReaderDiagnostics.ReadChipVersion"/>.
    /// </summary>
    /// <remarks>
    /// 91h is version 1.0 and 92h version 2.0 (MFRC522 data sheet section 9.3.4.8, as cited by the
    /// nanoFramework MFRC522 binding and by the Arduino MFRC522 library, miguelbalboa/rfid). That
    /// library's self-test lists 88h as the Fudan FM17522 clone, and some unbranded RC522 modules
    /// return 12h. With no chip on the bus, MISO stays at its idle level, so the read gives 00h or FFh.
    /// </remarks>
    public static class ReaderChipVersion
    {
        public const int Mfrc522Version1 = 0x91;
        public const int Mfrc522Version2 = 0x92;
        public const int Fm17522Clone = 0x88;
        public const int UnbrandedClone = 0x12;

        /// <summary>Value of <see cref="IReaderDiagnostics.ReadChipVersion"/> when the bus transfer failed.</summary>
        public const int ReadFailed = -1;

        /// <summary>Returns the chip type that <paramref name="versionReg"/> indicates.</summary>
        public static ReaderChipKind Classify(int versionReg)
        {
            switch (versionReg)
            {
                case Mfrc522Version1:
                case Mfrc522Version2:
                    return ReaderChipKind.Mfrc522;
                case Fm17522Clone:
                case UnbrandedClone:
                    return ReaderChipKind.KnownClone;
                case 0x00:
                case 0xFF:
                    return ReaderChipKind.NoAnswer;
                default:
                    return versionReg < 0 || versionReg > 0xFF ? ReaderChipKind.NoAnswer : ReaderChipKind.Unknown;
            }
        }

        /// <summary>Returns "1.0" or "2.0" for an NXP MFRC522, or null for any other value.</summary>
        public static string Mfrc522Version(int versionReg)
        {
            switch (versionReg)
            {
                case Mfrc522Version1:
                    return "1.0";
                case Mfrc522Version2:
                    return "2.0";
                default:
                    return null;
            }
        }

        /// <summary>Returns the value as "0x" and two hexadecimal digits ("0x92"), or "--" when the read failed.</summary>
        public static string FormatValue(int versionReg)
        {
            if (versionReg < 0 || versionReg > 0xFF)
            {
                return "--";
            }

            const string digits = "0123456789ABCDEF";
            return "0x" + digits[versionReg >> 4].ToString() + digits[versionReg & 0x0F].ToString();
        }

        /// <summary>Returns a one-line English description for logs and test output, for example "MFRC522 version 2.0 (VersionReg 0x92)".</summary>
        public static string Describe(int versionReg)
        {
            string value = "VersionReg " + FormatValue(versionReg);
            switch (Classify(versionReg))
            {
                case ReaderChipKind.Mfrc522:
                    return "MFRC522 version " + Mfrc522Version(versionReg) + " (" + value + ")";
                case ReaderChipKind.KnownClone:
                    return (versionReg == Fm17522Clone ? "FM17522 clone of the MFRC522" : "unbranded MFRC522 clone") + " (" + value + ")";
                case ReaderChipKind.NoAnswer:
                    return versionReg == ReadFailed ? "no answer: the SPI transfer failed" : "no answer on the SPI bus (" + value + ")";
                default:
                    return "unknown chip (" + value + ")";
            }
        }
    }
}
