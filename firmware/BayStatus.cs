namespace KiWhi.Armoire.Firmware
{
    /// <summary>State of a bay as the cabinet knows it; reported as the OCPP connector status.</summary>
    public enum BayStatus
    {
        /// <summary>Idle, contactor open, ready for a session.</summary>
        Available,

        /// <summary>Session authorized, contactor closed.</summary>
        Charging,

        /// <summary>Session kept but the contactor is open because the cabinet withdrew power (OCPP SuspendedEVSE).</summary>
        SuspendedEvse,

        /// <summary>Taken out of service; never closes.</summary>
        Unavailable,

        /// <summary>Fault detected; never closes.</summary>
        Faulted,
    }
}
