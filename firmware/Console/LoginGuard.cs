namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// Failed-login accounting of the console. Failure number <see cref="FailuresBeforeLock"/> in a row
    /// locks login for <see cref="FirstLockoutSeconds"/>, and each further failure doubles the lock, up
    /// to <see cref="MaxLockoutSeconds"/>. A success resets the count.
    /// </summary>
    /// <remarks>NOTE: kept in RAM, so a reboot resets the count. Rebooting takes access to the cabinet's power.</remarks>
    public sealed class LoginGuard
    {
        public const int FailuresBeforeLock = 3;
        public const int FirstLockoutSeconds = 30;
        public const int MaxLockoutSeconds = 900;

        private long _lockedUntilMs;

        /// <summary>Failed attempts since the last success.</summary>
        public int ConsecutiveFailures { get; private set; }

        /// <summary>Returns the milliseconds left before the next attempt is allowed, 0 when allowed now.</summary>
        public long RemainingLockMs(long nowMs)
        {
            return nowMs >= _lockedUntilMs ? 0 : _lockedUntilMs - nowMs;
        }

        /// <summary>Counts a failure and returns the lock it starts, in seconds (0 for none).</summary>
        public int RecordFailure(long nowMs)
        {
            ConsecutiveFailures++;
            if (ConsecutiveFailures < FailuresBeforeLock)
            {
                return 0;
            }

            int seconds = FirstLockoutSeconds;
            for (int i = FailuresBeforeLock; i < ConsecutiveFailures && seconds < MaxLockoutSeconds; i++)
            {
                seconds *= 2;
            }

            if (seconds > MaxLockoutSeconds)
            {
                seconds = MaxLockoutSeconds;
            }

            _lockedUntilMs = nowMs + seconds * 1000L;
            return seconds;
        }

        public void RecordSuccess()
        {
            ConsecutiveFailures = 0;
            _lockedUntilMs = 0;
        }
    }
}
