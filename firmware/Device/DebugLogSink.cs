using System.Diagnostics;

namespace KiWhi.Armoire.Firmware.Device
{
    /// <summary>Writes log lines to the nanoFramework debug output (the debugger link on COM1).</summary>
    public sealed class DebugLogSink : ILogSink
    {
        public void Write(long monotonicMs, LogLevel level, string component, string message)
        {
            Debug.WriteLine(monotonicMs.ToString() + " " + LevelName(level) + " " + component + ": " + message);
        }

        private static string LevelName(LogLevel level)
        {
            switch (level)
            {
                case LogLevel.Debug:
                    return "DEBUG";
                case LogLevel.Info:
                    return "INFO";
                case LogLevel.Warning:
                    return "WARN";
                default:
                    return "ERROR";
            }
        }
    }
}
