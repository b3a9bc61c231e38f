namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>One call of <see cref="IIndicators.Show"/>, stamped with the indicators' clock (0 without one).</summary>
    public sealed record IndicatorEvent(long MonotonicMs, IndicatorColor Color, BuzzerPattern Pattern);
}
