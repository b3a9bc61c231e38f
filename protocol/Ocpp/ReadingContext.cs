namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>sampledValue context (OCPP 1.6 §7.35 ReadingContext).</summary>
    public enum ReadingContext
    {
        /// <summary>Field left out of the payload, so the receiver assumes <see cref="SamplePeriodic"/>.</summary>
        Omitted = 0,
        InterruptionBegin,
        InterruptionEnd,
        Other,
        SampleClock,
        SamplePeriodic,
        TransactionBegin,
        TransactionEnd,
        Trigger,
    }
}
