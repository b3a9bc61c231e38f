namespace KiWhi.Armoire.Hal
{
    /// <summary>
    /// Unpredictable bytes (the ESP32's hardware generator on the device), used for card challenges
    /// and reconnection jitter.
    /// </summary>
    public interface IRandomSource
    {
        /// <summary>Fills <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        void NextBytes(byte[] buffer, int offset, int count);
    }
}
