namespace KiWhi.Armoire.Protocol.Iso14443
{
    /// <summary>Why a card was not accepted as a KiWhi Pass, or <see cref="None"/> when it was.</summary>
    public enum KiWhiPassRejection
    {
        /// <summary>The card was accepted.</summary>
        None = 0,

        /// <summary>Not an Ultralight C: other ATQA, SAK or UID, or the card rejected AUTHENTICATE.</summary>
        NotUltralightC,

        /// <summary>The mutual authentication with the card's diversified key failed: clone, foreign or blank card.</summary>
        NotAuthenticated,

        /// <summary>The data does not start with the KiWhi Pass magic and a supported layout version.</summary>
        UnknownLayout,

        /// <summary>The data has a supported layout but its CRC_A does not match (torn or corrupted write).</summary>
        BadChecksum,

        /// <summary>The card left the field during the exchange.</summary>
        CardRemoved,

        /// <summary>The card authenticated but its data could not be read (NAK or transmission error).</summary>
        ReadFailed,
    }
}
