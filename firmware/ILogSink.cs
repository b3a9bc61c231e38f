namespace KiWhi.Armoire.Firmware
{
    /// <summary>Destination of log lines (serial debug output on the device, console or test output on the host).</summary>
    public interface ILogSink
    {
        /// <summary>Writes one line; <paramref name="monotonicMs"/> is the clock's time since power-on.</summary>
        void Write(long monotonicMs, LogLevel level, string component, string message);
    }
}
