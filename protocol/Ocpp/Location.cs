namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>sampledValue location (OCPP 1.6 §7.30 Location).</summary>
    public enum Location
    {
        /// <summary>Field left out of the payload, so the receiver assumes <see cref="Outlet"/>.</summary>
        Omitted = 0,
        Body,
        Cable,
        EV,
        Inlet,
        Outlet,
    }
}
