namespace KiWhi.Armoire.Hal
{
    /// <summary>Energy meters, one per bay, read as an ever-increasing register.</summary>
    public interface IEnergyMeter
    {
        /// <summary>Returns the energy register of <paramref name="bay"/> (1-based) in Wh.</summary>
        long ReadRegisterWh(int bay);
    }
}
