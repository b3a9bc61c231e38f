using System.IO;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>
    /// Thrown by <see cref="InMemoryFileStorage"/> once its power-cut budget is spent. It derives from
    /// <see cref="IOException"/> like the device's own storage errors.
    /// </summary>
    public sealed class SimulatedPowerCutException : IOException
    {
        public SimulatedPowerCutException(string message)
            : base(message)
        {
        }
    }
}
