namespace KiWhi.Armoire.Protocol.Iso14443
{
    /// <summary>
    /// Outcome of an Ultralight C mutual authentication. Every value except <see cref="Authenticated"/>
    /// means the card is not authenticated and names the reason for the log.
    /// </summary>
    public enum UltralightCAuthResult
    {
        /// <summary>The card proved that it has the key and accepted the reader.</summary>
        Authenticated = 0,

        /// <summary>No response in time: the card left the field or is too slow.</summary>
        Timeout,

        /// <summary>
        /// The card sent a NAK. At step 1 this means the card does not support AUTHENTICATE. At step 2 it
        /// did not find RndB′, so it has another key. The card is back in IDLE or HALT.
        /// </summary>
        Nak,

        /// <summary>The response had a CRC_A, parity or collision error.</summary>
        TransmissionError,

        /// <summary>The response was shorter than the 9 bytes of the protocol.</summary>
        ShortFrame,

        /// <summary>The response was longer than the 9 bytes of the protocol.</summary>
        LongFrame,

        /// <summary>The response had 9 bytes but did not start with AFh (step 1) or 00h (step 2).</summary>
        UnexpectedCode,

        /// <summary>
        /// The card accepted the reader, but its ek(RndA′) did not decrypt to RndA rotated left. The response
        /// was replayed, or the card does not have the key.
        /// </summary>
        WrongRndA,

        /// <summary>The reader chip failed (SPI error or no response from the chip).</summary>
        ReaderError,
    }
}
