namespace KiWhi.Armoire.Protocol.Crypto
{
    /// <summary>
    /// Lookup tables of the DES engine, built once at type initialisation from the tables of FIPS 46-3
    /// (S-boxes, P, PC-1, PC-2). The F function then costs eight lookups per round and a key schedule
    /// 28 lookups per round, with no loop over single bits.
    /// </summary>
    /// <remarks>
    /// Bit numbers follow FIPS 46-3: bit 1 is the most significant bit of the first byte.
    /// <para>
    /// Round-key layout used by <see cref="DesEngine"/>: the 48-bit round key is cut into eight 6-bit groups
    /// g1..g8 (g1 feeds S-box 1). <c>odd = g1&lt;&lt;24 | g3&lt;&lt;16 | g5&lt;&lt;8 | g7</c> and
    /// <c>even = g2&lt;&lt;24 | g4&lt;&lt;16 | g6&lt;&lt;8 | g8</c>. The expansion E then reduces to two
    /// rotations of R. R rotated right by 3 has the E bits of groups 1, 3, 5 and 7 at bits 24, 16, 8 and 0.
    /// R rotated left by 1 has those of groups 2, 4, 6 and 8 at the same places.
    /// </para>
    /// <para>
    /// The engine keeps L and R rotated right by 3 during the rounds, so the SP tables store the output of
    /// S-box and P already rotated right by 3, and the engine rotates only once per round.
    /// </para>
    /// Memory: 8 × 64 + 2 × 256 + 2 × 224 words, about 5.9 KB.
    /// </remarks>
    internal static class DesTables
    {
        /// <summary>S-box 1 followed by P, rotated right by 3. The index is the 6-bit S-box input, b1 in bit 5.</summary>
        internal static readonly uint[] Sp1 = new uint[64];
        /// <summary>S-box 2 followed by P, same layout as <see cref="Sp1"/>; Sp3 to Sp8 follow the same pattern.</summary>
        internal static readonly uint[] Sp2 = new uint[64];
        internal static readonly uint[] Sp3 = new uint[64];
        internal static readonly uint[] Sp4 = new uint[64];
        internal static readonly uint[] Sp5 = new uint[64];
        internal static readonly uint[] Sp6 = new uint[64];
        internal static readonly uint[] Sp7 = new uint[64];
        internal static readonly uint[] Sp8 = new uint[64];

        /// <summary>PC-1 contribution to C (28 bits) of key nibble n with value v, at index n * 16 + v.</summary>
        internal static readonly uint[] Pc1C = new uint[256];

        /// <summary>PC-1 contribution to D (28 bits), same indexing as <see cref="Pc1C"/>.</summary>
        internal static readonly uint[] Pc1D = new uint[256];

        /// <summary>
        /// PC-2 contribution to the odd-group round-key word of nibble n of C‖D (n 0..6 from C, 7..13
        /// from D, most significant nibble first) with value v, at index n * 16 + v.
        /// </summary>
        internal static readonly uint[] Pc2Odd = new uint[224];

        /// <summary>PC-2 contribution to the even-group round-key word, same indexing as <see cref="Pc2Odd"/>.</summary>
        internal static readonly uint[] Pc2Even = new uint[224];

        /// <summary>Left rotations of C and D before each of the 16 rounds (FIPS 46-3, key schedule).</summary>
        internal static readonly byte[] RotationsPerRound = new byte[] { 1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1 };

        // FIPS 46-3 "Primitive functions S1, ..., S8": four rows of 16 columns per S-box.
        private static readonly byte[] SBoxes = new byte[]
        {
            14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7,
            0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8,
            4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0,
            15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13,

            15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10,
            3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5,
            0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15,
            13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9,

            10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8,
            13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1,
            13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7,
            1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12,

            7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15,
            13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9,
            10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4,
            3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14,

            2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9,
            14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6,
            4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14,
            11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3,

            12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11,
            10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8,
            9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6,
            4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13,

            4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1,
            13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6,
            1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2,
            6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12,

            13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7,
            1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2,
            7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8,
            2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11,
        };

        // FIPS 46-3 permutation P.
        private static readonly byte[] P = new byte[]
        {
            16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10,
            2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25,
        };

        // FIPS 46-3 permuted choice 1: the first 28 entries give C, the last 28 give D.
        private static readonly byte[] Pc1 = new byte[]
        {
            57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18,
            10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
            63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22,
            14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
        };

        // FIPS 46-3 permuted choice 2, over the 56 bits of C‖D.
        private static readonly byte[] Pc2 = new byte[]
        {
            14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10,
            23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2,
            41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48,
            44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
        };

        static DesTables()
        {
            BuildSpTable(0, Sp1);
            BuildSpTable(1, Sp2);
            BuildSpTable(2, Sp3);
            BuildSpTable(3, Sp4);
            BuildSpTable(4, Sp5);
            BuildSpTable(5, Sp6);
            BuildSpTable(6, Sp7);
            BuildSpTable(7, Sp8);
            BuildPc1Tables();
            BuildPc2Tables();
        }

        private static void BuildSpTable(int box, uint[] table)
        {
            for (int input = 0; input < 64; input++)
            {
                // b1 and b6 select the row, b2..b5 the column.
                int row = ((input >> 4) & 2) | (input & 1);
                int column = (input >> 1) & 15;
                uint sOutput = (uint)SBoxes[box * 64 + row * 16 + column] << (28 - 4 * box);

                uint permuted = 0;
                for (int bit = 0; bit < 32; bit++)
                {
                    uint source = (sOutput >> (32 - P[bit])) & 1;
                    permuted |= source << (31 - bit);
                }

                table[input] = (permuted >> 3) | (permuted << 29);
            }
        }

        private static void BuildPc1Tables()
        {
            for (int i = 0; i < 28; i++)
            {
                SetNibbleContribution(Pc1C, Pc1[i] - 1, 1u << (27 - i));
                SetNibbleContribution(Pc1D, Pc1[28 + i] - 1, 1u << (27 - i));
            }
        }

        private static void BuildPc2Tables()
        {
            for (int i = 0; i < 48; i++)
            {
                int group = i / 6;
                int shift = 24 - 8 * (group / 2) + (5 - i % 6);
                uint[] target = (group & 1) == 0 ? Pc2Odd : Pc2Even;

                // C‖D bits 1..56 map to nibbles 0..13, so C fills nibbles 0..6 and D nibbles 7..13.
                int source = Pc2[i] - 1;
                SetNibbleContribution(target, source, 1u << shift);
            }
        }

        /// <summary>ORs <paramref name="outputBit"/> into every entry whose nibble value has source bit <paramref name="sourceBitIndex"/> set (0-based, MSB first).</summary>
        private static void SetNibbleContribution(uint[] table, int sourceBitIndex, uint outputBit)
        {
            int nibble = sourceBitIndex / 4;
            int mask = 8 >> (sourceBitIndex % 4);
            for (int value = 0; value < 16; value++)
            {
                if ((value & mask) != 0)
                {
                    table[nibble * 16 + value] |= outputBit;
                }
            }
        }
    }
}
