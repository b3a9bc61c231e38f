namespace KiWhi.Armoire.Hal
{
    /// <summary>Chip type that a reader's VersionReg value indicates, from <see cref="ReaderChipVersion.Classify"/>.</summary>
    public enum ReaderChipKind
    {
        /// <summary>00h, FFh or a failed transfer: no chip drives the SPI bus.</summary>
        NoAnswer,

        /// <summary>An NXP MFRC522, version 1.0 or 2.0.</summary>
        Mfrc522,

        /// <summary>A value of a known MFRC522 clone. Such chips may read cards but are not supported.</summary>
        KnownClone,

        /// <summary>Any other value.</summary>
        Unknown,
    }
}
