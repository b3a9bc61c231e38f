using System;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>Helpers shared by the simulated clocks.</summary>
    internal static class ClockTime
    {
        /// <summary>
        /// Returns <paramref name="time"/> as UTC: a local time is converted and an unspecified kind is
        /// taken as UTC, as <see cref="IClock.SetUtcNow"/> documents.
        /// </summary>
        public static DateTime ToUtc(DateTime time)
        {
            switch (time.Kind)
            {
                case DateTimeKind.Local:
                    return time.ToUniversalTime();
                case DateTimeKind.Unspecified:
                    return DateTime.SpecifyKind(time, DateTimeKind.Utc);
                default:
                    return time;
            }
        }
    }
}
