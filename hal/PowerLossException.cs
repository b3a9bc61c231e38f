namespace KiWhi.Armoire.Hal
{
    /// <summary>
    /// Thrown by a simulated device when its supply fails in the middle of an operation. On a real
    /// board the CPU simply stops, so no code runs after the cut: the cabinet loop therefore lets this
    /// exception escape instead of handling it as a fault. The nanoFramework adapters of hal/Nano do not throw it.
    /// </summary>
    public class PowerLossException : System.Exception
    {
        public PowerLossException(string message)
            : base(message)
        {
        }
    }
}
