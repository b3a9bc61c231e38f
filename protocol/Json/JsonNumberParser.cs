namespace KiWhi.Armoire.Protocol.Json
{
    /// <summary>
    /// Conversions of JSON number text (RFC 8259 section 6) to long and double, without allocation.
    /// They avoid double.Parse so that the device and the host tests run the same conversion. Every
    /// method expects text that <see cref="JsonReader"/> has already matched against the number grammar.
    /// </summary>
    internal static class JsonNumberParser
    {
        private const int MaxMantissaDigits = 19;
        private const ulong MaxExactMantissa = 1UL << 53;

        // 10^0 to 10^22 are exact in a double, so one multiplication or division by one of them is
        // correctly rounded (Clinger's fast path).
        private static readonly double[] ExactPowersOf10 =
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        };

        // 10^(2^i) and 10^-(2^i) for i = 0..8 as a 64-bit mantissa with its top bit set times
        // 2^exponent, the mantissa rounded to nearest. The host tests recompute every entry with
        // System.Numerics.BigInteger.
        private static readonly ulong[] PositivePowerMantissas =
        {
            0xA000000000000000UL, 0xC800000000000000UL, 0x9C40000000000000UL, 0xBEBC200000000000UL,
            0x8E1BC9BF04000000UL, 0x9DC5ADA82B70B59EUL, 0xC2781F49FFCFA6D5UL, 0x93BA47C980E98CE0UL,
            0xAA7EEBFB9DF9DE8EUL,
        };

        private static readonly int[] PositivePowerExponents = { -60, -57, -50, -37, -10, 43, 149, 362, 787 };

        private static readonly ulong[] NegativePowerMantissas =
        {
            0xCCCCCCCCCCCCCCCDUL, 0xA3D70A3D70A3D70AUL, 0xD1B71758E219652CUL, 0xABCC77118461CEFDUL,
            0xE69594BEC44DE15BUL, 0xCFB11EAD453994BAUL, 0xA87FEA27A539E9A5UL, 0xDDD0467C64BCE4A1UL,
            0xC0314325637A193AUL,
        };

        private static readonly int[] NegativePowerExponents = { -67, -70, -77, -90, -117, -170, -276, -489, -914 };

        internal static ulong GetPowerMantissa(int index, bool negative)
        {
            return negative ? NegativePowerMantissas[index] : PositivePowerMantissas[index];
        }

        internal static int GetPowerExponent(int index, bool negative)
        {
            return negative ? NegativePowerExponents[index] : PositivePowerExponents[index];
        }

        /// <summary>
        /// Converts an integer without fraction or exponent. Returns false when the value is outside the
        /// range of long.
        /// </summary>
        internal static bool TryParseInt64(byte[] text, int start, int end, out long value)
        {
            value = 0;
            int index = start;
            bool negative = text[index] == (byte)'-';
            if (negative)
            {
                index++;
            }

            // Accumulating the negative value covers long.MinValue, whose magnitude has no positive long.
            long limit = negative ? long.MinValue : -long.MaxValue;
            long limitBeforeMultiply = limit / 10;
            long accumulator = 0;
            for (; index < end; index++)
            {
                int digit = text[index] - '0';
                if (accumulator < limitBeforeMultiply)
                {
                    return false;
                }

                accumulator *= 10;
                if (accumulator < limit + digit)
                {
                    return false;
                }

                accumulator -= digit;
            }

            value = negative ? accumulator : -accumulator;
            return true;
        }

        /// <summary>
        /// Converts any JSON number to a double within 1 ulp of the correctly rounded value. Returns false
        /// when the magnitude rounds to infinity. Values below the smallest subnormal become a signed zero.
        /// </summary>
        internal static bool TryParseDouble(byte[] text, int start, int end, out double value)
        {
            value = 0;
            int index = start;
            bool negative = text[index] == (byte)'-';
            if (negative)
            {
                index++;
            }

            // Keep the first 19 significant digits, which always fit in a ulong. exponent10 makes
            // mantissa * 10^exponent10 the value, and truncated records that a nonzero digit was dropped.
            ulong mantissa = 0;
            int mantissaDigits = 0;
            int exponent10 = 0;
            bool truncated = false;

            for (; index < end && IsDigit(text[index]); index++)
            {
                AppendDigit(text[index] - '0', false, ref mantissa, ref mantissaDigits, ref exponent10, ref truncated);
            }

            if (index < end && text[index] == (byte)'.')
            {
                for (index++; index < end && IsDigit(text[index]); index++)
                {
                    AppendDigit(text[index] - '0', true, ref mantissa, ref mantissaDigits, ref exponent10, ref truncated);
                }
            }

            if (index < end)
            {
                // Only 'e' or 'E' can follow here. An exponent past 100000 is saturated because any
                // value with it is infinite or zero anyway.
                index++;
                bool negativeExponent = text[index] == (byte)'-';
                if (text[index] == (byte)'-' || text[index] == (byte)'+')
                {
                    index++;
                }

                int exponentValue = 0;
                for (; index < end; index++)
                {
                    if (exponentValue < 100000)
                    {
                        exponentValue = exponentValue * 10 + (text[index] - '0');
                    }
                }

                exponent10 += negativeExponent ? -exponentValue : exponentValue;
            }

            if (mantissa == 0)
            {
                value = negative ? -0.0 : 0.0;
                return true;
            }

            // The value lies in [10^(decimalPoint - 1), 10^decimalPoint). The largest double is below
            // 10^309 and the smallest subnormal above 10^-324.
            int decimalPoint = exponent10 + mantissaDigits;
            if (decimalPoint > 310)
            {
                return false;
            }

            if (decimalPoint < -326)
            {
                value = negative ? -0.0 : 0.0;
                return true;
            }

            double magnitude;
            if (!truncated && mantissa <= MaxExactMantissa && exponent10 >= -22 && exponent10 <= 22)
            {
                magnitude = (double)mantissa;
                magnitude = exponent10 >= 0 ? magnitude * ExactPowersOf10[exponent10] : magnitude / ExactPowersOf10[-exponent10];
            }
            else if (!TryScaleByPowerOf10(mantissa, exponent10, out magnitude))
            {
                return false;
            }

            value = negative ? -magnitude : magnitude;
            return true;
        }

        private static bool IsDigit(byte b)
        {
            return b >= (byte)'0' && b <= (byte)'9';
        }

        private static void AppendDigit(int digit, bool isFraction, ref ulong mantissa, ref int mantissaDigits, ref int exponent10, ref bool truncated)
        {
            if (mantissa == 0 && digit == 0)
            {
                // A leading zero is not significant, but in the fraction it still moves the point.
                if (isFraction)
                {
                    exponent10--;
                }

                return;
            }

            if (mantissaDigits < MaxMantissaDigits)
            {
                mantissa = mantissa * 10 + (ulong)digit;
                mantissaDigits++;
                if (isFraction)
                {
                    exponent10--;
                }

                return;
            }

            if (digit != 0)
            {
                truncated = true;
            }

            if (!isFraction)
            {
                exponent10++;
            }
        }

        /// <summary>
        /// Computes mantissa * 10^exponent10 in 64-bit binary floating point (a significand and a power
        /// of two), then rounds it to a double. The relative error of the 19-digit mantissa is below
        /// 10^-18 (about 2^-60). Each of the at most 9 table entries and 9 products adds at most 2^-64,
        /// so the value before the final rounding is within 2^-58 of the exact one. The double is
        /// therefore within 1 ulp of the correctly rounded one, and differs from it only for inputs
        /// that close to a halfway point between two doubles.
        /// </summary>
        private static bool TryScaleByPowerOf10(ulong mantissa, int exponent10, out double value)
        {
            int exponent2 = 0;
            ulong significand = Normalize(mantissa, ref exponent2);

            bool negativePower = exponent10 < 0;
            int remaining = negativePower ? -exponent10 : exponent10;
            for (int i = 0; remaining != 0 && i < 9; i++)
            {
                if ((remaining & 1) != 0)
                {
                    significand = MultiplyRounded(significand, GetPowerMantissa(i, negativePower), ref exponent2);
                    exponent2 += GetPowerExponent(i, negativePower);
                }

                remaining >>= 1;
            }

            // TryParseDouble has already turned every exponent beyond 2^9 into infinity or zero.
            return TryRoundToDouble(significand, exponent2, out value);
        }

        private static ulong Normalize(ulong significand, ref int exponent2)
        {
            while ((significand & 0x8000000000000000UL) == 0)
            {
                significand <<= 1;
                exponent2--;
            }

            return significand;
        }

        /// <summary>
        /// Multiplies two significands that have their top bit set and returns the high 64 bits of the
        /// 128-bit product, rounded to nearest and normalized. <paramref name="exponent2"/> gains the
        /// power of two that the dropped bits represent.
        /// </summary>
        private static ulong MultiplyRounded(ulong a, ulong b, ref int exponent2)
        {
            ulong aHigh = a >> 32;
            ulong aLow = a & 0xFFFFFFFFUL;
            ulong bHigh = b >> 32;
            ulong bLow = b & 0xFFFFFFFFUL;

            ulong lowLow = aLow * bLow;
            ulong highLow = aHigh * bLow;
            ulong lowHigh = aLow * bHigh;
            ulong highHigh = aHigh * bHigh;

            ulong middle = (lowLow >> 32) + (highLow & 0xFFFFFFFFUL) + (lowHigh & 0xFFFFFFFFUL);
            ulong high = highHigh + (highLow >> 32) + (lowHigh >> 32) + (middle >> 32);
            ulong low = (middle << 32) | (lowLow & 0xFFFFFFFFUL);

            exponent2 += 64;

            // Both factors are at least 2^63, so the product is at least 2^126 and at most one shift
            // brings its top bit to bit 127.
            if ((high & 0x8000000000000000UL) == 0)
            {
                high = (high << 1) | (low >> 63);
                low <<= 1;
                exponent2--;
            }

            if ((low & 0x8000000000000000UL) != 0)
            {
                high++;
                if (high == 0)
                {
                    high = 0x8000000000000000UL;
                    exponent2++;
                }
            }

            return high;
        }

        /// <summary>
        /// Rounds significand * 2^exponent2 (significand with its top bit set) to the nearest double,
        /// ties to even, including subnormals. Returns false on overflow.
        /// </summary>
        private static bool TryRoundToDouble(ulong significand, int exponent2, out double value)
        {
            value = 0;

            // The top bit is worth 2^(63 + exponent2), and IEEE 754 binary64 biases exponents by 1023.
            int biasedExponent = 63 + exponent2 + 1023;
            if (biasedExponent >= 2047)
            {
                return false;
            }

            // A normal double keeps 53 bits, so 11 are dropped. A subnormal keeps fewer, one fewer per
            // step below the smallest normal exponent.
            int droppedBits = biasedExponent >= 1 ? 11 : 11 + 1 - biasedExponent;
            if (droppedBits > 64)
            {
                return true;
            }

            ulong kept;
            bool roundUp;
            if (droppedBits == 64)
            {
                kept = 0;
                roundUp = significand > 0x8000000000000000UL;
            }
            else
            {
                kept = significand >> droppedBits;
                ulong droppedMask = (1UL << droppedBits) - 1;
                ulong dropped = significand & droppedMask;
                ulong half = 1UL << (droppedBits - 1);
                roundUp = dropped > half || (dropped == half && (kept & 1) != 0);
            }

            if (roundUp)
            {
                kept++;
            }

            long bits;
            if (biasedExponent >= 1)
            {
                if (kept == (1UL << 53))
                {
                    kept >>= 1;
                    biasedExponent++;
                    if (biasedExponent >= 2047)
                    {
                        return false;
                    }
                }

                bits = ((long)biasedExponent << 52) | (long)(kept & 0x000FFFFFFFFFFFFFUL);
            }
            else
            {
                // A subnormal that rounds up to 2^52 is the smallest normal, whose encoding is the
                // same bit pattern, so no special case is needed.
                bits = (long)kept;
            }

            value = System.BitConverter.Int64BitsToDouble(bits);
            return true;
        }
    }
}
