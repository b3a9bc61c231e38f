namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>sampledValue phase (OCPP 1.6 §7.34 Phase).</summary>
    public enum Phase
    {
        /// <summary>Field left out of the payload: the value is not tied to a phase.</summary>
        Omitted = 0,
        L1,
        L2,
        L3,

        /// <summary>Neutral conductor.</summary>
        N,
        L1N,
        L2N,
        L3N,
        L1L2,
        L2L3,
        L3L1,
    }
}
