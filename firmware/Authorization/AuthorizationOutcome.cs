namespace KiWhi.Armoire.Firmware
{
    /// <summary>Result of asking the cabinet to authorize an idTag presented at the panel.</summary>
    public enum AuthorizationOutcome
    {
        /// <summary>Authorize was sent, and its result reaches the panel later through OnAuthorizeResult.</summary>
        Pending,

        /// <summary>Authorized now, from the local authorization list, the cache or the offline policy.</summary>
        Accepted,

        /// <summary>Rejected now by the local authorization list or the cache, with the status found there.</summary>
        Rejected,

        /// <summary>The central system cannot be reached and no local rule authorizes the idTag.</summary>
        Unreachable,
    }
}
