namespace KiWhi.Armoire.Firmware
{
    /// <summary>Registration of the cabinet with the central system since power-on (OCPP 1.6 §4.2).</summary>
    public enum RegistrationState
    {
        /// <summary>No BootNotification.conf yet.</summary>
        Unknown,

        /// <summary>Pending: the cabinet replies to the central system's calls but sends no request of its own.</summary>
        Pending,

        /// <summary>Rejected: the cabinet waits the given interval and sends no request and no reply.</summary>
        Rejected,

        /// <summary>Accepted: normal operation.</summary>
        Accepted,
    }
}
