namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>SendLocalList.conf status (OCPP 1.6 §7.45 UpdateStatus).</summary>
    public enum UpdateStatus
    {
        /// <summary>The local authorization list was updated.</summary>
        Accepted = 0,

        /// <summary>The update could not be applied; the list is unchanged.</summary>
        Failed,

        /// <summary>The charge point has no local authorization list.</summary>
        NotSupported,

        /// <summary>A Differential update whose listVersion is not above the current version.</summary>
        VersionMismatch,
    }
}
