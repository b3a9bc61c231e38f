namespace KiWhi.Armoire.Protocol.Iso14443
{
    /// <summary>
    /// Outcome of <see cref="KiWhiPassReader.Read"/>, filled in place so that a reader can reuse one
    /// instance for every card.
    /// </summary>
    public sealed class KiWhiPassReadResult
    {
        /// <summary>True when the card is a genuine KiWhi Pass, and <see cref="IdTag"/> is then set.</summary>
        public bool IsAccepted
        {
            get { return Rejection == KiWhiPassRejection.None && IdTag != null; }
        }

        /// <summary>Why the card was rejected, or <see cref="KiWhiPassRejection.None"/>.</summary>
        public KiWhiPassRejection Rejection { get; private set; }

        /// <summary>OCPP idTag of the accepted card, formed by the reader's <see cref="KiWhiIdTagRule"/>, or null when rejected.</summary>
        public string IdTag { get; private set; }

        /// <summary>Card number from the card data, or 0 unless accepted.</summary>
        public uint CardNumber { get; private set; }

        /// <summary>Issuer id from the card data, or 0 unless accepted.</summary>
        public uint IssuerId { get; private set; }

        /// <summary>Result of the mutual authentication, for the log when <see cref="Rejection"/> is NotAuthenticated.</summary>
        public UltralightCAuthResult AuthResult { get; private set; }

        /// <summary>Authentication step that failed (1 or 2), or 0 when it succeeded or did not run.</summary>
        public int AuthFailedStep { get; private set; }

        /// <summary>The card UID in upper-case hexadecimal as detected (any length) for the log, or empty when there is none.</summary>
        public string UidHex { get; private set; }

        /// <summary>Returns an English text for the log that explains <paramref name="rejection"/>.</summary>
        public static string Describe(KiWhiPassRejection rejection)
        {
            switch (rejection)
            {
                case KiWhiPassRejection.None:
                    return "accepted";
                case KiWhiPassRejection.NotUltralightC:
                    return "not a MIFARE Ultralight C";
                case KiWhiPassRejection.NotAuthenticated:
                    return "authentication failed";
                case KiWhiPassRejection.UnknownLayout:
                    return "unknown card data layout";
                case KiWhiPassRejection.BadChecksum:
                    return "card data checksum mismatch";
                case KiWhiPassRejection.CardRemoved:
                    return "card removed during the exchange";
                case KiWhiPassRejection.ReadFailed:
                    return "card data could not be read";
                default:
                    return "unknown rejection " + (int)rejection;
            }
        }

        internal void Reset(string uidHex)
        {
            Rejection = KiWhiPassRejection.None;
            IdTag = null;
            CardNumber = 0;
            IssuerId = 0;
            AuthResult = UltralightCAuthResult.Authenticated;
            AuthFailedStep = 0;
            UidHex = uidHex;
        }

        internal void Reject(KiWhiPassRejection rejection)
        {
            Rejection = rejection;
            IdTag = null;
            CardNumber = 0;
            IssuerId = 0;
        }

        internal void SetAuthFailure(UltralightCAuthResult result, int failedStep)
        {
            AuthResult = result;
            AuthFailedStep = failedStep;
        }

        internal void Accept(string idTag, uint cardNumber, uint issuerId)
        {
            Rejection = KiWhiPassRejection.None;
            IdTag = idTag;
            CardNumber = cardNumber;
            IssuerId = issuerId;
        }
    }
}
