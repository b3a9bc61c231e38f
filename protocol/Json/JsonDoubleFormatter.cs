namespace KiWhi.Armoire.Protocol.Json
{
    /// <summary>
    /// Formats a finite double as the shortest decimal text that reads back as the same double. The
    /// layout is that of ECMAScript's Number::toString (ECMA-262, section "Number::toString"). Numbers
    /// whose decimal exponent is from -6 to 20 are written in plain decimal notation ("0.000001",
    /// "123.25", "100000000000000000000"), others as one digit, a fraction and a signed exponent
    /// ("1e+21", "1.5e-7"). Negative zero is written "0", as ECMAScript does.
    /// </summary>
    /// <remarks>
    /// The digits come from the free-format algorithm of Steele and White as refined by Burger and
    /// Dybvig ("Printing Floating-Point Numbers Quickly and Accurately", PLDI 1996), in exact integer
    /// arithmetic, so the result is both the shortest and the closest. It allocates nothing after the
    /// constructor.
    /// </remarks>
    internal sealed class JsonDoubleFormatter
    {
        /// <summary>Maximum length of the text <see cref="Format"/> writes, reached by "-0.0000012345678901234567".</summary>
        internal const int MaxLength = 25;

        private const int MaxDigits = 17;
        private const double Log10Of2 = 0.30102999566398119521;

        // The value is _remainder / _scale. The margins are half the distance to the neighbouring
        // doubles, _marginHigh / _scale above and _marginLow / _scale below, so any decimal inside
        // them reads back as the value.
        private readonly UnsignedBigInteger _remainder = new UnsignedBigInteger();
        private readonly UnsignedBigInteger _scale = new UnsignedBigInteger();
        private readonly UnsignedBigInteger _marginHigh = new UnsignedBigInteger();
        private readonly UnsignedBigInteger _marginLow = new UnsignedBigInteger();
        private readonly UnsignedBigInteger _sum = new UnsignedBigInteger();
        private readonly byte[] _digits = new byte[MaxDigits + 1];

        /// <summary>
        /// Writes <paramref name="value"/>, which must be finite, at <paramref name="index"/> and returns the
        /// number of bytes written, at most <see cref="MaxLength"/>.
        /// </summary>
        internal int Format(double value, byte[] destination, int index)
        {
            int start = index;
            if (value == 0)
            {
                destination[index] = (byte)'0';
                return 1;
            }

            if (value < 0)
            {
                destination[index++] = (byte)'-';
                value = -value;
            }

            // Integers below 2^53 are exact, and their shortest form is their integer digits.
            if (value < 9007199254740992.0 && value == (double)(long)value)
            {
                index = WriteInteger((ulong)(long)value, destination, index);
                return index - start;
            }

            int decimalPoint;
            int digitCount = GenerateShortestDigits(value, out decimalPoint);
            index = WriteDecimal(digitCount, decimalPoint, destination, index);
            return index - start;
        }

        /// <summary>Writes the digits of <paramref name="value"/> and returns the index after them.</summary>
        internal static int WriteInteger(ulong value, byte[] destination, int index)
        {
            int digitCount = 1;
            for (ulong rest = value / 10; rest != 0; rest /= 10)
            {
                digitCount++;
            }

            int position = index + digitCount;
            do
            {
                destination[--position] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }
            while (value != 0);

            return index + digitCount;
        }

        /// <summary>
        /// Stores the shortest digits d1..dn of <paramref name="value"/> (positive, finite) in _digits, so
        /// that the decimal 0.d1..dn * 10^decimalPoint reads back as the value, and returns n.
        /// </summary>
        private int GenerateShortestDigits(double value, out int decimalPoint)
        {
            long bits = System.BitConverter.DoubleToInt64Bits(value);
            int biasedExponent = (int)((bits >> 52) & 0x7FF);
            ulong fraction = (ulong)bits & 0x000FFFFFFFFFFFFFUL;

            ulong significand;
            int exponent2;
            if (biasedExponent == 0)
            {
                significand = fraction;
                exponent2 = -1074;
            }
            else
            {
                significand = fraction | (1UL << 52);
                exponent2 = biasedExponent - 1075;
            }

            // At a power of two the next lower double is half as far as the next higher one, except
            // at the smallest normal, whose lower neighbour is a subnormal at the same spacing.
            bool lowerGapIsHalf = fraction == 0 && biasedExponent > 1;

            // Readers round to nearest with ties to even, so a decimal exactly on a margin reads back
            // as this double only when its significand is even.
            bool marginsInclusive = (significand & 1) == 0;

            InitializeScaledValue(significand, exponent2, lowerGapIsHalf);

            int exponent10 = EstimateDecimalExponent(significand, exponent2);
            if (exponent10 >= 0)
            {
                _scale.MultiplyByPowerOf10(exponent10);
            }
            else
            {
                _remainder.MultiplyByPowerOf10(-exponent10);
                _marginHigh.MultiplyByPowerOf10(-exponent10);
                _marginLow.MultiplyByPowerOf10(-exponent10);
            }

            // The estimate is never too high and at most two too low, so raise it until the value
            // plus its high margin is below 10^exponent10.
            while (CompareSumWithScale(marginsInclusive))
            {
                _scale.MultiplyBy(10);
                exponent10++;
            }

            decimalPoint = exponent10;
            return GenerateDigits(marginsInclusive);
        }

        /// <summary>Sets the value, its margins and the scale to the integers that make value = _remainder / _scale.</summary>
        private void InitializeScaledValue(ulong significand, int exponent2, bool lowerGapIsHalf)
        {
            // Every quantity is doubled (quadrupled at a half gap) so that the half-gap margins are integers.
            int marginShift = lowerGapIsHalf ? 2 : 1;
            _remainder.SetUInt64(significand);
            if (exponent2 >= 0)
            {
                _remainder.ShiftLeft(exponent2 + marginShift);
                _scale.SetUInt64(1UL << marginShift);
                _marginHigh.SetPowerOfTwo(exponent2 + marginShift - 1);
                _marginLow.SetPowerOfTwo(exponent2);
            }
            else
            {
                _remainder.ShiftLeft(marginShift);
                _scale.SetPowerOfTwo(marginShift - exponent2);
                _marginHigh.SetUInt64(1UL << (marginShift - 1));
                _marginLow.SetUInt64(1);
            }
        }

        /// <summary>
        /// Returns ceil(log10(2^floor(log2(value)))) computed in double arithmetic, which is at most
        /// the decimal exponent of the value and at most two below it.
        /// </summary>
        private static int EstimateDecimalExponent(ulong significand, int exponent2)
        {
            int bitLength = 0;
            for (ulong rest = significand; rest != 0; rest >>= 1)
            {
                bitLength++;
            }

            double estimate = (exponent2 + bitLength - 1) * Log10Of2 - 1e-10;
            int truncated = (int)estimate;
            return estimate > truncated ? truncated + 1 : truncated;
        }

        /// <summary>Returns whether _remainder + _marginHigh reaches _scale, or exceeds it when the margins are exclusive.</summary>
        private bool CompareSumWithScale(bool marginsInclusive)
        {
            _sum.CopyFrom(_remainder);
            _sum.Add(_marginHigh);
            int comparison = UnsignedBigInteger.Compare(_sum, _scale);
            return marginsInclusive ? comparison >= 0 : comparison > 0;
        }

        private int GenerateDigits(bool marginsInclusive)
        {
            int count = 0;
            while (true)
            {
                _remainder.MultiplyBy(10);
                _marginHigh.MultiplyBy(10);
                _marginLow.MultiplyBy(10);

                int digit = 0;
                while (UnsignedBigInteger.Compare(_remainder, _scale) >= 0)
                {
                    _remainder.Subtract(_scale);
                    digit++;
                }

                // Stop when rounding down (low) or up (high) to this digit position stays inside the margins.
                int lowComparison = UnsignedBigInteger.Compare(_remainder, _marginLow);
                bool low = marginsInclusive ? lowComparison <= 0 : lowComparison < 0;
                bool high = CompareSumWithScale(marginsInclusive);

                if (!low && !high)
                {
                    if (count == MaxDigits)
                    {
                        throw new System.InvalidOperationException("Double formatting produced more than 17 digits.");
                    }

                    _digits[count++] = (byte)digit;
                    continue;
                }

                if (low && high)
                {
                    // Both ends are inside the margins, so take the closer one, and the even digit on a tie.
                    _sum.CopyFrom(_remainder);
                    _sum.ShiftLeft(1);
                    int halfComparison = UnsignedBigInteger.Compare(_sum, _scale);
                    if (halfComparison > 0 || (halfComparison == 0 && (digit & 1) != 0))
                    {
                        digit++;
                    }
                }
                else if (high)
                {
                    digit++;
                }

                _digits[count++] = (byte)digit;
                return count;
            }
        }

        /// <summary>Writes _digits in the ECMAScript layout and returns the index after the text.</summary>
        private int WriteDecimal(int digitCount, int decimalPoint, byte[] destination, int index)
        {
            if (digitCount <= decimalPoint && decimalPoint <= 21)
            {
                index = WriteDigits(0, digitCount, destination, index);
                for (int i = digitCount; i < decimalPoint; i++)
                {
                    destination[index++] = (byte)'0';
                }

                return index;
            }

            if (decimalPoint > 0 && decimalPoint <= 21)
            {
                index = WriteDigits(0, decimalPoint, destination, index);
                destination[index++] = (byte)'.';
                return WriteDigits(decimalPoint, digitCount, destination, index);
            }

            if (decimalPoint > -6 && decimalPoint <= 0)
            {
                destination[index++] = (byte)'0';
                destination[index++] = (byte)'.';
                for (int i = decimalPoint; i < 0; i++)
                {
                    destination[index++] = (byte)'0';
                }

                return WriteDigits(0, digitCount, destination, index);
            }

            index = WriteDigits(0, 1, destination, index);
            if (digitCount > 1)
            {
                destination[index++] = (byte)'.';
                index = WriteDigits(1, digitCount, destination, index);
            }

            int exponent = decimalPoint - 1;
            destination[index++] = (byte)'e';
            destination[index++] = exponent < 0 ? (byte)'-' : (byte)'+';
            return WriteInteger((ulong)(exponent < 0 ? -exponent : exponent), destination, index);
        }

        private int WriteDigits(int from, int to, byte[] destination, int index)
        {
            for (int i = from; i < to; i++)
            {
                destination[index++] = (byte)('0' + _digits[i]);
            }

            return index;
        }
    }
}
