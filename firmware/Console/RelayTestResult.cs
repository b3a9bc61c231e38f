namespace KiWhi.Armoire.Firmware
{
    /// <summary>Outcome of <see cref="Cabinet.StartRelayTest"/>.</summary>
    public enum RelayTestResult
    {
        /// <summary>The contactor is closed until the test ends.</summary>
        Started,

        /// <summary>No bay has that connectorId.</summary>
        UnknownBay,

        /// <summary>The bay has a session: its contactor belongs to the session.</summary>
        SessionActive,

        /// <summary>The bay is not Available (unavailable, faulted, or the cabinet is not provisioned).</summary>
        NotAvailable,

        /// <summary>Another relay test is running, and tests run one at a time.</summary>
        AlreadyRunning,

        /// <summary>The duration is outside 1 to <see cref="Cabinet.MaxRelayTestSeconds"/> seconds.</summary>
        InvalidDuration,
    }
}
