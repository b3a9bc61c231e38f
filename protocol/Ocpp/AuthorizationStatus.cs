namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>idTagInfo status (OCPP 1.6 §7.2 AuthorizationStatus).</summary>
    public enum AuthorizationStatus
    {
        /// <summary>The idTag may charge.</summary>
        Accepted = 0,

        /// <summary>The idTag is blocked.</summary>
        Blocked,

        /// <summary>The idTag has expired.</summary>
        Expired,

        /// <summary>The idTag is unknown.</summary>
        Invalid,

        /// <summary>The idTag is already in another transaction and may not start one more.</summary>
        ConcurrentTx,
    }
}
