using System.Diagnostics;

namespace KiWhi.Armoire.Firmware.Device
{
    /// <summary>Writes log lines to the nanoFramework debug output (the debugger link on COM1).</summary>
    /// <remarks>
    /// NOTE: Debug.WriteLine is [Conditional("DEBUG")] in mscorlib 1.17.11, so an image compiled without
    /// the DEBUG symbol writes nothing here. Lines logged through the cabinet's Logger also stay in its
    /// ring, which the console lists.
    /// </remarks>
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
