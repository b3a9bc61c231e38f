namespace KiWhi.Armoire.Firmware
{
    /// <summary>What the cabinet does at boot with a session still open in the journal (power cut or watchdog reset during a session).</summary>
    public enum InterruptedSessionPolicy
    {
        /// <summary>
        /// Reports the session stopped with reason PowerLoss (OCPP 1.6 §4.10), with the last energy
        /// register persisted as meterStop and the time it was read as timestamp. The contactor stays open.
        /// </summary>
        Stop,

        /// <summary>Closes the contactor again and lets the session go on under its idTag and transactionId.</summary>
        Resume,
    }
}
