using System;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>Argument check shared by the simulations that take a buffer, an offset and a count.</summary>
    internal static class BufferRange
    {
        /// <summary>Throws unless <paramref name="buffer"/> is not null and contains the range [offset, offset + count).</summary>
        public static void Check(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset < 0 || count < 0 || offset > buffer.Length - count)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "The range of " + count + " bytes at offset " + offset + " does not fit in a buffer of " + buffer.Length + " bytes.");
            }
        }
    }
}
