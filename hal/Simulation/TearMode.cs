namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>What a cut leaves of the write it interrupts (see <see cref="PowerCutFlash"/>).</summary>
    public enum TearMode
    {
        /// <summary>Exactly the bytes written before the cut.</summary>
        Prefix,

        /// <summary>The bytes before the cut, then the rest of the page being programmed with random bits left at 1.</summary>
        TornPage,
    }
}
