namespace KiWhi.Armoire.Hal
{
    /// <summary>
    /// ISO/IEC 14443-A reader front end (an MFRC522 on the device).
    /// </summary>
    /// <remarks>
    /// The reader is polled from the cabinet loop: an SPI exchange is synchronous and short, so no
    /// thread or event is needed. Implementations never throw on a missing or faulty card; they
    /// return false or a negative <see cref="CardStatus"/> value.
    /// </remarks>
    public interface ICardTransceiver
    {
        /// <summary>
        /// Wakes and selects one card in the field (REQA or WUPA, anticollision, SELECT at every
        /// cascade level) and fills <paramref name="card"/>. Returns false when no card answers.
        /// </summary>
        bool TryDetectCard(CardIdentity card);

        /// <summary>
        /// Sends <paramref name="commandLength"/> bytes to the selected card and receives its answer.
        /// CRC_A is appended and checked by the reader side when <paramref name="withCrc"/> is true.
        /// </summary>
        /// <returns>The number of bytes received (without CRC_A), or a negative <see cref="CardStatus"/>.</returns>
        int Transceive(byte[] command, int commandLength, byte[] response, int timeoutMs, bool withCrc);

        /// <summary>Sends HLTA to the selected card; the card then answers only WUPA.</summary>
        void Halt();
    }
}
