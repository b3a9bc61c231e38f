namespace KiWhi.Armoire.Hal
{
    /// <summary>Negative results of <see cref="ICardTransceiver.Transceive"/>.</summary>
    public static class CardStatus
    {
        /// <summary>No response within the timeout: the card left the field or ignored the command.</summary>
        public const int Timeout = -1;

        /// <summary>A 4-bit NAK (ISO/IEC 14443-3); the card returned to IDLE or HALT.</summary>
        public const int Nak = -2;

        /// <summary>Bad CRC_A, parity or collision in the response.</summary>
        public const int TransmissionError = -3;

        /// <summary>The response did not fit in the response buffer.</summary>
        public const int Overflow = -4;

        /// <summary>The reader itself failed (SPI error, chip not answering).</summary>
        public const int ReaderError = -5;
    }
}
