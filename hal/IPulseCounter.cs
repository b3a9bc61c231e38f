namespace KiWhi.Armoire.Hal
{
    /// <summary>
    /// Raw pulse counts of the S0 meter inputs, for installer checks. Optional: meters that count pulses
    /// implement it next to <see cref="IEnergyMeter"/>, and callers test for it with <c>as</c>.
    /// </summary>
    public interface IPulseCounter
    {
        /// <summary>Returns the number of pulses counted on the input of <paramref name="bay"/> (1-based) since power-on, or 0 for an unknown bay.</summary>
        long ReadPulseCount(int bay);
    }
}
