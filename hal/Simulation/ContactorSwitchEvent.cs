namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>A change of one contactor's commanded state, stamped with the bank's clock.</summary>
    /// <param name="Bay">Bay number, 1-based.</param>
    /// <param name="Closed">True when the contactor closed (bay powered).</param>
    /// <param name="MonotonicMs">Monotonic time of the change; 0 when the bank has no clock.</param>
    public sealed record ContactorSwitchEvent(int Bay, bool Closed, long MonotonicMs);
}
