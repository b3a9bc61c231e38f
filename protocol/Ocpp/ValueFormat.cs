namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>sampledValue format (OCPP 1.6 §7.49 ValueFormat).</summary>
    public enum ValueFormat
    {
        /// <summary>Field left out of the payload, so the receiver assumes <see cref="Raw"/>.</summary>
        Omitted = 0,

        /// <summary>The value is a plain number.</summary>
        Raw,

        /// <summary>The value is a signed binary block, encoded as hexadecimal.</summary>
        SignedData,
    }
}
