namespace KiWhi.Armoire.Protocol.Crypto
{
    /// <summary>
    /// DES primitives shared by <see cref="SingleDes"/> and <see cref="TwoKeyTripleDes"/>: key schedule,
    /// initial and final permutations, and the rounds. Nothing here allocates.
    /// </summary>
    internal static class DesEngine
    {
        /// <summary>Words per DES round-key schedule: an odd-group and an even-group word per round.</summary>
        internal const int ScheduleLength = 32;

        /// <summary>
        /// Computes the 16 round keys of an 8-byte DES key (parity bits ignored) into
        /// <paramref name="schedule"/> from <paramref name="scheduleOffset"/>, in encryption order, or in
        /// decryption order when <paramref name="forDecryption"/> is true.
        /// </summary>
        internal static void ComputeSchedule(byte[] key, int keyOffset, uint[] schedule, int scheduleOffset, bool forDecryption)
        {
            uint high = ReadUInt32BigEndian(key, keyOffset);
            uint low = ReadUInt32BigEndian(key, keyOffset + 4);

            uint[] pc1C = DesTables.Pc1C;
            uint[] pc1D = DesTables.Pc1D;
            uint c = 0;
            uint d = 0;
            for (int nibble = 0; nibble < 8; nibble++)
            {
                int highIndex = nibble * 16 + (int)((high >> (28 - 4 * nibble)) & 15);
                int lowIndex = (nibble + 8) * 16 + (int)((low >> (28 - 4 * nibble)) & 15);
                c |= pc1C[highIndex] | pc1C[lowIndex];
                d |= pc1D[highIndex] | pc1D[lowIndex];
            }

            uint[] pc2Odd = DesTables.Pc2Odd;
            uint[] pc2Even = DesTables.Pc2Even;
            byte[] rotations = DesTables.RotationsPerRound;
            for (int round = 0; round < 16; round++)
            {
                int rotation = rotations[round];
                c = ((c << rotation) | (c >> (28 - rotation))) & 0x0FFFFFFF;
                d = ((d << rotation) | (d >> (28 - rotation))) & 0x0FFFFFFF;

                uint odd = 0;
                uint even = 0;
                for (int nibble = 0; nibble < 7; nibble++)
                {
                    int cIndex = nibble * 16 + (int)((c >> (24 - 4 * nibble)) & 15);
                    int dIndex = (nibble + 7) * 16 + (int)((d >> (24 - 4 * nibble)) & 15);
                    odd |= pc2Odd[cIndex] | pc2Odd[dIndex];
                    even |= pc2Even[cIndex] | pc2Even[dIndex];
                }

                int slot = forDecryption ? 15 - round : round;
                schedule[scheduleOffset + 2 * slot] = odd;
                schedule[scheduleOffset + 2 * slot + 1] = even;
            }
        }

        /// <summary>
        /// Copies a 16-round schedule with its rounds in reverse order, which turns an encryption schedule
        /// into the decryption schedule of the same key and back.
        /// </summary>
        internal static void ReverseSchedule(uint[] source, int sourceOffset, uint[] destination, int destinationOffset)
        {
            for (int round = 0; round < 16; round++)
            {
                destination[destinationOffset + 2 * round] = source[sourceOffset + 2 * (15 - round)];
                destination[destinationOffset + 2 * round + 1] = source[sourceOffset + 2 * (15 - round) + 1];
            }
        }

        /// <summary>
        /// Runs one block through <paramref name="stageCount"/> chained DES operations: IP, then 16 rounds per
        /// stage with the round keys of <paramref name="schedule"/> in order, then FP. Between stages, the
        /// final swap of one DES and the initial swap of the next are kept and FP·IP cancels out, so
        /// EDE costs one IP and one FP.
        /// </summary>
        internal static void CryptBlock(uint[] schedule, int stageCount, ref uint left, ref uint right)
        {
            uint l = left;
            uint r = right;
            uint work;

            // Initial permutation as five delta swaps over the 8×8 bit matrix of the block.
            work = ((l >> 4) ^ r) & 0x0F0F0F0F;
            r ^= work;
            l ^= work << 4;
            work = ((l >> 16) ^ r) & 0x0000FFFF;
            r ^= work;
            l ^= work << 16;
            work = ((r >> 2) ^ l) & 0x33333333;
            l ^= work;
            r ^= work << 2;
            work = ((r >> 8) ^ l) & 0x00FF00FF;
            l ^= work;
            r ^= work << 8;
            work = ((l >> 1) ^ r) & 0x55555555;
            r ^= work;
            l ^= work << 1;

            // Keep both halves rotated right by 3, the form the SP tables and round keys expect.
            l = (l >> 3) | (l << 29);
            r = (r >> 3) | (r << 29);

            uint[] sp1 = DesTables.Sp1;
            uint[] sp2 = DesTables.Sp2;
            uint[] sp3 = DesTables.Sp3;
            uint[] sp4 = DesTables.Sp4;
            uint[] sp5 = DesTables.Sp5;
            uint[] sp6 = DesTables.Sp6;
            uint[] sp7 = DesTables.Sp7;
            uint[] sp8 = DesTables.Sp8;

            int keyIndex = 0;
            for (int stage = 0; stage < stageCount; stage++)
            {
                // Two rounds per iteration, so the halves never need swapping inside a stage.
                for (int pair = 0; pair < 8; pair++)
                {
                    uint odd = r ^ schedule[keyIndex];
                    uint even = ((r << 4) | (r >> 28)) ^ schedule[keyIndex + 1];
                    l ^= sp1[(odd >> 24) & 63] ^ sp3[(odd >> 16) & 63] ^ sp5[(odd >> 8) & 63] ^ sp7[odd & 63]
                        ^ sp2[(even >> 24) & 63] ^ sp4[(even >> 16) & 63] ^ sp6[(even >> 8) & 63] ^ sp8[even & 63];

                    odd = l ^ schedule[keyIndex + 2];
                    even = ((l << 4) | (l >> 28)) ^ schedule[keyIndex + 3];
                    r ^= sp1[(odd >> 24) & 63] ^ sp3[(odd >> 16) & 63] ^ sp5[(odd >> 8) & 63] ^ sp7[odd & 63]
                        ^ sp2[(even >> 24) & 63] ^ sp4[(even >> 16) & 63] ^ sp6[(even >> 8) & 63] ^ sp8[even & 63];

                    keyIndex += 4;
                }

                // DES outputs R16‖L16, which is also the L0‖R0 of the next stage.
                work = l;
                l = r;
                r = work;
            }

            l = (l << 3) | (l >> 29);
            r = (r << 3) | (r >> 29);

            // Final permutation: the delta swaps of IP in reverse order.
            work = ((l >> 1) ^ r) & 0x55555555;
            r ^= work;
            l ^= work << 1;
            work = ((r >> 8) ^ l) & 0x00FF00FF;
            l ^= work;
            r ^= work << 8;
            work = ((r >> 2) ^ l) & 0x33333333;
            l ^= work;
            r ^= work << 2;
            work = ((l >> 16) ^ r) & 0x0000FFFF;
            r ^= work;
            l ^= work << 16;
            work = ((l >> 4) ^ r) & 0x0F0F0F0F;
            r ^= work;
            l ^= work << 4;

            left = l;
            right = r;
        }

        internal static uint ReadUInt32BigEndian(byte[] buffer, int offset)
        {
            return ((uint)buffer[offset] << 24) | ((uint)buffer[offset + 1] << 16) | ((uint)buffer[offset + 2] << 8) | buffer[offset + 3];
        }

        internal static void WriteUInt32BigEndian(uint value, byte[] buffer, int offset)
        {
            buffer[offset] = (byte)(value >> 24);
            buffer[offset + 1] = (byte)(value >> 16);
            buffer[offset + 2] = (byte)(value >> 8);
            buffer[offset + 3] = (byte)value;
        }
    }
}
