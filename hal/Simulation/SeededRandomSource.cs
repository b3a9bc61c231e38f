using System;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>
    /// Reproducible bytes for tests, from <see cref="Random"/> with a seed: the same seed gives the same
    /// sequence on every run of one .NET version. Never use it where unpredictability matters.
    /// </summary>
    public sealed class SeededRandomSource : IRandomSource
    {
        private readonly object _lock = new object();
        private readonly Random _random;

        public SeededRandomSource(int seed)
        {
            _random = new Random(seed);
        }

        public void NextBytes(byte[] buffer, int offset, int count)
        {
            BufferRange.Check(buffer, offset, count);
            lock (_lock)
            {
                _random.NextBytes(buffer.AsSpan(offset, count));
            }
        }
    }
}
