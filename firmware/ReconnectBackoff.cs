using KiWhi.Armoire.Hal;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// Delays between reconnection attempts: exponential back-off with random jitter, so that a fleet
    /// of cabinets cut off by the same outage does not reconnect in step and flood the central system.
    /// </summary>
    /// <remarks>
    /// After n failed attempts the base delay is first × 2^n, capped at max. The delay returned is the
    /// base times a factor drawn uniformly from [1 - jitter, 1 + jitter), with jitter in percent, so it
    /// may exceed max by up to that fraction. With the defaults (10 s, 300 s, 25 %) the first delay is
    /// 7.5-12.5 s and from the sixth failure on 225-375 s.
    /// </remarks>
    public sealed class ReconnectBackoff
    {
        /// <summary>Largest spread accepted, in percent, because a larger one could make a delay nearly zero.</summary>
        public const int MaxJitterPercent = 90;

        private const double TwoPower32 = 4294967296.0;

        private readonly IRandomSource _random;
        private readonly byte[] _bytes = new byte[4];

        public ReconnectBackoff(IRandomSource random)
        {
            _random = random;
        }

        /// <summary>Attempts counted since the last <see cref="Reset"/>.</summary>
        public int Attempts { get; private set; }

        /// <summary>
        /// Returns the delay before the next attempt, in ms, and counts that attempt. Bounds below 1 s
        /// count as 1 s, and the jitter is clamped to 0..<see cref="MaxJitterPercent"/>.
        /// </summary>
        public long NextDelayMs(int firstDelaySeconds, int maxDelaySeconds, int jitterPercent)
        {
            long firstMs = (firstDelaySeconds < 1 ? 1 : firstDelaySeconds) * 1000L;
            long maxMs = (maxDelaySeconds < 1 ? 1 : maxDelaySeconds) * 1000L;
            long baseMs = firstMs < maxMs ? firstMs : maxMs;
            for (int i = 0; i < Attempts && baseMs < maxMs; i++)
            {
                baseMs *= 2;
            }

            if (baseMs > maxMs)
            {
                baseMs = maxMs;
            }

            Attempts++;

            int jitter = jitterPercent < 0 ? 0 : (jitterPercent > MaxJitterPercent ? MaxJitterPercent : jitterPercent);
            if (jitter == 0)
            {
                return baseMs;
            }

            // u is uniform in [0, 1), so the factor is uniform in [1 - jitter, 1 + jitter).
            double u = NextUInt32() / TwoPower32;
            double factor = 1.0 + jitter / 100.0 * (2.0 * u - 1.0);
            return (long)(baseMs * factor);
        }

        /// <summary>Forgets the failed attempts: the next delay is the first one again.</summary>
        public void Reset()
        {
            Attempts = 0;
        }

        private uint NextUInt32()
        {
            _random.NextBytes(_bytes, 0, 4);
            return LittleEndian.ReadUInt32(_bytes, 0);
        }
    }
}
