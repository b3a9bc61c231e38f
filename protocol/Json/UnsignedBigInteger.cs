namespace KiWhi.Armoire.Protocol.Json
{
    /// <summary>
    /// Unsigned integer of up to 1280 bits in a fixed array, mutated in place, for the exact
    /// arithmetic of <see cref="JsonDoubleFormatter"/>. Formatting needs at most 35 words (measured on
    /// the host over subnormals, the largest doubles and 400000 random ones), so 40 leave a margin, and
    /// an overflow throws <see cref="System.InvalidOperationException"/> rather than losing bits.
    /// </summary>
    internal sealed class UnsignedBigInteger
    {
        private const int CapacityWords = 40;

        private static readonly uint[] SmallPowersOf10 =
        {
            1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
        };

        private readonly uint[] _words = new uint[CapacityWords];

        // Number of words in use, least significant first. _words[_length - 1] is nonzero, or
        // _length is 0 for the value zero.
        private int _length;

        internal bool IsZero => _length == 0;

        internal void SetUInt64(ulong value)
        {
            _words[0] = (uint)value;
            _words[1] = (uint)(value >> 32);
            _length = value == 0 ? 0 : ((value >> 32) == 0 ? 1 : 2);
        }

        internal void SetPowerOfTwo(int exponent)
        {
            int wordIndex = exponent / 32;
            CheckCapacity(wordIndex + 1);
            System.Array.Clear(_words, 0, wordIndex);
            _words[wordIndex] = 1U << (exponent % 32);
            _length = wordIndex + 1;
        }

        internal void CopyFrom(UnsignedBigInteger other)
        {
            System.Array.Copy(other._words, _words, other._length);
            _length = other._length;
        }

        internal void ShiftLeft(int bits)
        {
            if (_length == 0 || bits == 0)
            {
                return;
            }

            int wordShift = bits / 32;
            int bitShift = bits % 32;
            int newLength = _length + wordShift + (bitShift == 0 ? 0 : 1);
            CheckCapacity(newLength);

            if (bitShift == 0)
            {
                for (int i = _length - 1; i >= 0; i--)
                {
                    _words[i + wordShift] = _words[i];
                }
            }
            else
            {
                _words[_length + wordShift] = 0;
                for (int i = _length - 1; i >= 0; i--)
                {
                    _words[i + wordShift + 1] |= _words[i] >> (32 - bitShift);
                    _words[i + wordShift] = _words[i] << bitShift;
                }
            }

            System.Array.Clear(_words, 0, wordShift);
            _length = newLength;
            Trim();
        }

        internal void MultiplyBy(uint factor)
        {
            ulong carry = 0;
            for (int i = 0; i < _length; i++)
            {
                ulong product = (ulong)_words[i] * factor + carry;
                _words[i] = (uint)product;
                carry = product >> 32;
            }

            if (carry != 0)
            {
                CheckCapacity(_length + 1);
                _words[_length] = (uint)carry;
                _length++;
            }

            if (factor == 0)
            {
                _length = 0;
            }
        }

        internal void MultiplyByPowerOf10(int exponent)
        {
            while (exponent >= 9)
            {
                MultiplyBy(SmallPowersOf10[9]);
                exponent -= 9;
            }

            if (exponent > 0)
            {
                MultiplyBy(SmallPowersOf10[exponent]);
            }
        }

        internal void Add(UnsignedBigInteger other)
        {
            int longer = _length > other._length ? _length : other._length;
            CheckCapacity(longer);
            ulong carry = 0;
            for (int i = 0; i < longer; i++)
            {
                ulong sum = carry + (i < _length ? _words[i] : 0U) + (i < other._length ? other._words[i] : 0U);
                _words[i] = (uint)sum;
                carry = sum >> 32;
            }

            _length = longer;
            if (carry != 0)
            {
                CheckCapacity(_length + 1);
                _words[_length] = (uint)carry;
                _length++;
            }
        }

        /// <summary>Subtracts <paramref name="other"/>, which must not be greater than this value.</summary>
        internal void Subtract(UnsignedBigInteger other)
        {
            long borrow = 0;
            for (int i = 0; i < _length; i++)
            {
                long difference = (long)_words[i] - (i < other._length ? other._words[i] : 0U) - borrow;
                borrow = difference < 0 ? 1 : 0;
                _words[i] = (uint)difference;
            }

            Trim();
        }

        /// <summary>Returns a negative number, zero or a positive number as <paramref name="a"/> is less than, equal to or greater than <paramref name="b"/>.</summary>
        internal static int Compare(UnsignedBigInteger a, UnsignedBigInteger b)
        {
            if (a._length != b._length)
            {
                return a._length < b._length ? -1 : 1;
            }

            for (int i = a._length - 1; i >= 0; i--)
            {
                if (a._words[i] != b._words[i])
                {
                    return a._words[i] < b._words[i] ? -1 : 1;
                }
            }

            return 0;
        }

        private void Trim()
        {
            while (_length > 0 && _words[_length - 1] == 0)
            {
                _length--;
            }
        }

        private static void CheckCapacity(int words)
        {
            if (words > CapacityWords)
            {
                throw new System.InvalidOperationException(
                    "Big integer needs " + words.ToString() + " words, more than its capacity of " + CapacityWords.ToString() + ".");
            }
        }
    }
}
