namespace KiWhi.Armoire.Protocol.Iso14443
{
    /// <summary>How the OCPP idTag of an accepted KiWhi Pass is formed.</summary>
    public enum KiWhiIdTagRule
    {
        /// <summary>The 7-byte UID in upper-case hexadecimal, 14 characters, for example "04782E21801D80".</summary>
        Uid = 0,

        /// <summary>The card number in decimal, padded with zeros to 10 characters, for example "0000012345".</summary>
        CardNumber = 1,
    }
}
