namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>sampledValue unit (OCPP 1.6 §7.45 UnitOfMeasure).</summary>
    public enum UnitOfMeasure
    {
        /// <summary>Field left out of the payload, so the receiver assumes <see cref="Wh"/>.</summary>
        Omitted = 0,
        Wh,
        KWh,
        Varh,
        KVarh,
        W,
        KW,
        VA,
        KVA,
        Var,
        KVar,
        A,
        V,

        /// <summary>Kelvin.</summary>
        K,
        Celsius,
        Fahrenheit,
        Percent,
    }
}
