namespace KiWhi.Armoire.Protocol.Iso14443
{
    /// <summary>Steps of <see cref="KiWhiPassPersonalizer.Personalize"/>, in order, for the log.</summary>
    public enum KiWhiPassPersonalizationStep
    {
        /// <summary>ATQA, SAK and UID checks.</summary>
        Identify = 0,

        /// <summary>Finding the key of the card: factory, diversified, a mix after a torn key write, or none.</summary>
        FindCurrentKey,

        /// <summary>WRITE and read-back of the data pages 04h to 07h.</summary>
        WriteData,

        /// <summary>WRITE of the diversified key to pages 2Ch to 2Fh.</summary>
        WriteKey,

        /// <summary>Re-activation and authentication with the new key.</summary>
        VerifyKey,

        /// <summary>WRITE and read-back of AUTH1 and AUTH0.</summary>
        WriteAccessConfiguration,

        /// <summary>Unauthenticated READ must fail, then a READ after authentication must return the written data.</summary>
        VerifyProtection,

        /// <summary>WRITE and read-back of the lock bits of the key and access configuration pages.</summary>
        Lock,

        /// <summary>Every step succeeded.</summary>
        Done,
    }
}
