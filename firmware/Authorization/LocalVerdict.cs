namespace KiWhi.Armoire.Firmware
{
    /// <summary>Verdict of the local authorization list and the authorization cache on an idTag.</summary>
    public enum LocalVerdict
    {
        /// <summary>Neither source has the idTag (or both are disabled).</summary>
        Unknown,

        /// <summary>Accepted and not past its expiryDate.</summary>
        Valid,

        /// <summary>Blocked, Expired, Invalid, ConcurrentTx, or Accepted but past its expiryDate.</summary>
        Invalid,
    }
}
