namespace KiWhi.Armoire.Firmware
{
    /// <summary>Registration of the cabinet with the central system since power-on (OCPP 1.6 §4.2).</summary>
    public enum RegistrationState
    {
        /// <summary>No BootNotification.conf yet.</summary>
        Unknown,

        /// <summary>Pending: the central system answers calls but the cabinet sends no request of its own.</summary>
        Pending,

        /// <summary>Rejected: the cabinet waits the given interval, sends nothing and answers nothing.</summary>
        Rejected,

        /// <summary>Accepted: normal operation.</summary>
        Accepted,
    }
}
