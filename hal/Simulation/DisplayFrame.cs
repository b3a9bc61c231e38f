namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>Two lines shown on the display, stamped with its clock (0 without one).</summary>
    public sealed record DisplayFrame(long MonotonicMs, string Line1, string Line2);
}
