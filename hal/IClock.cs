namespace KiWhi.Armoire.Hal
{
    /// <summary>
    /// Time source of the cabinet. Every time read of the firmware goes through it, so tests drive
    /// time by hand. The ESP32 has no battery-backed clock: the wall clock is unknown after power-on
    /// until the central system or network time sets it.
    /// </summary>
    public interface IClock
    {
        /// <summary>Milliseconds since power-on; never goes backwards.</summary>
        long MonotonicMs { get; }

        /// <summary>True once <see cref="SetUtcNow"/> has been called since power-on.</summary>
        bool IsWallClockSet { get; }

        /// <summary>Current UTC time; meaningful only when <see cref="IsWallClockSet"/> is true.</summary>
        System.DateTime UtcNow { get; }

        /// <summary>Sets the wall clock to <paramref name="utcNow"/> (kind UTC).</summary>
        void SetUtcNow(System.DateTime utcNow);
    }
}
