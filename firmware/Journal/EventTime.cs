namespace KiWhi.Armoire.Firmware.Journal
{
    /// <summary>
    /// When a journaled event happened: its UTC time when the wall clock was set at that moment,
    /// otherwise the boot number and the monotonic time since that boot's power-on, which
    /// <see cref="JournalClock"/> turns into UTC once a clock synchronisation anchors that boot.
    /// </summary>
    public sealed class EventTime
    {
        /// <summary>Ticks of 1970-01-01T00:00:00Z, the origin of <see cref="UtcMs"/>.</summary>
        public const long UnixEpochTicks = 621355968000000000;

        /// <summary>True when <see cref="UtcMs"/> contains the time; false when only the boot-relative time is known.</summary>
        public bool HasUtc;

        /// <summary>Milliseconds since 1970-01-01T00:00:00Z; meaningful only when <see cref="HasUtc"/>.</summary>
        public long UtcMs;

        /// <summary>Boot during which the event happened; meaningful only when <see cref="HasUtc"/> is false.</summary>
        public int BootNumber;

        /// <summary>Monotonic time of the event since that boot's power-on, in ms; meaningful only when <see cref="HasUtc"/> is false.</summary>
        public long MonotonicMs;

        public void SetUtc(long utcMs)
        {
            HasUtc = true;
            UtcMs = utcMs;
            BootNumber = 0;
            MonotonicMs = 0;
        }

        public void SetBootRelative(int bootNumber, long monotonicMs)
        {
            HasUtc = false;
            UtcMs = 0;
            BootNumber = bootNumber;
            MonotonicMs = monotonicMs;
        }

        public void CopyFrom(EventTime other)
        {
            HasUtc = other.HasUtc;
            UtcMs = other.UtcMs;
            BootNumber = other.BootNumber;
            MonotonicMs = other.MonotonicMs;
        }

        public void Clear()
        {
            SetBootRelative(0, 0);
        }

        /// <summary>Converts a UTC <see cref="System.DateTime"/> to milliseconds since the Unix epoch.</summary>
        public static long ToUtcMs(System.DateTime utc)
        {
            return (utc.Ticks - UnixEpochTicks) / System.TimeSpan.TicksPerMillisecond;
        }

        /// <summary>Converts milliseconds since the Unix epoch to a UTC <see cref="System.DateTime"/>.</summary>
        public static System.DateTime FromUtcMs(long utcMs)
        {
            return new System.DateTime(UnixEpochTicks + utcMs * System.TimeSpan.TicksPerMillisecond, System.DateTimeKind.Utc);
        }
    }
}
