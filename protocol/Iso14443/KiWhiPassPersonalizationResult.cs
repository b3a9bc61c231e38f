namespace KiWhi.Armoire.Protocol.Iso14443
{
    /// <summary>Outcome of <see cref="KiWhiPassPersonalizer.Personalize"/>.</summary>
    public enum KiWhiPassPersonalizationResult
    {
        /// <summary>Data, key and access protection are written and were verified by a fresh read.</summary>
        Personalized = 0,

        /// <summary>Not an Ultralight C. Nothing was written.</summary>
        NotUltralightC,

        /// <summary>
        /// Neither the factory key nor the card's diversified key authenticates and the key pages are
        /// protected: the card belongs to another system. Nothing was written.
        /// </summary>
        UnknownKey,

        /// <summary>The card left the field. Personalizing it again resumes from the key that works.</summary>
        CardRemoved,

        /// <summary>The card rejected a WRITE or returned different data on read-back.</summary>
        WriteFailed,

        /// <summary>
        /// A check after writing failed: the new key does not authenticate, or the protection is not
        /// effective. Nothing was locked, and AUTH0 was not lowered before the new key had been verified.
        /// </summary>
        VerificationFailed,
    }
}
