namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>BootNotification.conf status (OCPP 1.6 §7.38 RegistrationStatus).</summary>
    public enum RegistrationStatus
    {
        /// <summary>The central system accepts the charge point.</summary>
        Accepted = 0,

        /// <summary>The central system will accept the charge point later and may send it requests meanwhile.</summary>
        Pending,

        /// <summary>The central system rejects the charge point until its next BootNotification.</summary>
        Rejected,
    }
}
