namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>ClearCache.conf status (OCPP 1.6 §7.10 ClearCacheStatus).</summary>
    public enum ClearCacheStatus
    {
        /// <summary>The authorization cache is empty.</summary>
        Accepted = 0,

        /// <summary>The cache could not be cleared.</summary>
        Rejected,
    }
}
