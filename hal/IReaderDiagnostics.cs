namespace KiWhi.Armoire.Hal
{
    /// <summary>
    /// Identification of the card reader chip, for installer checks and the technician console.
    /// Optional: readers that can report it implement it next to <see cref="ICardTransceiver"/>, and
    /// callers test for it with <c>as</c>.
    /// </summary>
    public interface IReaderDiagnostics
    {
        /// <summary>
        /// Reads the chip's VersionReg (MFRC522 register 37h) and returns it, 0 to 255, or
        /// <see cref="ReaderChipVersion.ReadFailed"/> when the bus transfer itself failed.
        /// <see cref="ReaderChipVersion"/> interprets the value.
        /// </summary>
        int ReadChipVersion();
    }
}
