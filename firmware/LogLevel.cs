namespace KiWhi.Armoire.Firmware
{
    /// <summary>Severity of a log line.</summary>
    public enum LogLevel
    {
        Debug,
        Info,
        Warning,
        Error,
    }
}
