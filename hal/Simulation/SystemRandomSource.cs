using System;
using System.Security.Cryptography;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>Unpredictable bytes from the host's cryptographic generator (<see cref="RandomNumberGenerator"/>).</summary>
    public sealed class SystemRandomSource : IRandomSource
    {
        public void NextBytes(byte[] buffer, int offset, int count)
        {
            BufferRange.Check(buffer, offset, count);
            RandomNumberGenerator.Fill(buffer.AsSpan(offset, count));
        }
    }
}
