namespace KiWhi.Armoire.Protocol.Json
{
    /// <summary>
    /// Streaming pull reader of UTF-8 JSON (RFC 8259) over a byte array, written for nanoFramework:
    /// no generics, no reflection, and no allocation except in <see cref="GetString"/>.
    /// </summary>
    /// <remarks>
    /// The reader accepts exactly the RFC 8259 grammar and throws <see cref="JsonFormatException"/> on
    /// anything else: comments, single quotes, trailing commas, leading zeros, NaN and Infinity, control
    /// characters below U+0020 inside strings, ill-formed UTF-8 in strings (overlong forms and encoded
    /// surrogates included), a byte order mark, empty input, unbalanced brackets, more than one root
    /// value, and nesting deeper than the maximum depth.
    /// RFC 8259 section 8.2 allows a \u escape of an unpaired surrogate but leaves its meaning open. This
    /// reader rejects it, so every string it accepts is well-formed UTF-16.
    /// Strings are checked completely when <see cref="Read"/> reaches them, and the trailing bytes
    /// when the root value completes, so the token that completes the root value is only returned
    /// when only whitespace follows it.
    /// Positions (<see cref="TokenStart"/>, <see cref="Position"/>, <see cref="JsonFormatException.Position"/>)
    /// are indexes into the array given to <see cref="Reset"/>.
    /// </remarks>
    public sealed class JsonReader
    {
        private readonly bool[] _containerIsObject;
        private readonly int _maxDepth;

        private byte[] _utf8;
        private int _end;

        // Index just after the current token, where the next scan starts.
        private int _position;
        private int _openContainers;
        private bool _rootComplete;
        private bool _failed;

        private JsonTokenType _tokenType;
        private int _tokenDepth;
        private int _tokenStart;

        // Text of the current string or property name (between the quotes) or number.
        private int _valueStart;
        private int _valueEnd;
        private bool _valueHasEscapes;
        private int _valueUtf16Length;
        private bool _numberIsInteger;

        /// <summary>Creates a reader that rejects documents nested deeper than <paramref name="maxDepth"/>.</summary>
        /// <remarks>
        /// The depth counts open objects and arrays, so with a maximum of 1, "[1]" is accepted and
        /// "[[1]]" is rejected. The depth stack is allocated here.
        /// </remarks>
        public JsonReader(int maxDepth)
        {
            if (maxDepth < 1)
            {
                throw new System.ArgumentOutOfRangeException("maxDepth", "The maximum depth must be at least 1.");
            }

            _maxDepth = maxDepth;
            _containerIsObject = new bool[maxDepth];
        }

        /// <summary>Starts reading <paramref name="count"/> bytes of <paramref name="utf8"/> from <paramref name="offset"/>.</summary>
        public void Reset(byte[] utf8, int offset, int count)
        {
            if (utf8 == null)
            {
                throw new System.ArgumentNullException("utf8");
            }

            if (offset < 0 || count < 0 || offset > utf8.Length || utf8.Length - offset < count)
            {
                throw new System.ArgumentOutOfRangeException(
                    "count",
                    "Offset " + offset.ToString() + " and count " + count.ToString()
                        + " do not fit in an array of " + utf8.Length.ToString() + " bytes.");
            }

            _utf8 = utf8;
            _end = offset + count;
            _position = offset;
            _openContainers = 0;
            _rootComplete = false;
            _failed = false;
            _tokenType = JsonTokenType.None;
            _tokenDepth = 0;
            _tokenStart = offset;
            _valueStart = offset;
            _valueEnd = offset;
            _valueHasEscapes = false;
            _valueUtf16Length = 0;
            _numberIsInteger = false;
        }

        /// <summary>
        /// Advances to the next token. Returns false once the root value is complete and only
        /// whitespace remains. Throws <see cref="JsonFormatException"/> on malformed input, after which
        /// only <see cref="Reset"/> is accepted.
        /// </summary>
        public bool Read()
        {
            if (_utf8 == null)
            {
                throw new System.InvalidOperationException("Call Reset with the input before Read.");
            }

            if (_failed)
            {
                throw new System.InvalidOperationException("Cannot read past malformed JSON. Call Reset to read another document.");
            }

            if (_rootComplete)
            {
                return false;
            }

            int index = SkipWhitespace(_position);
            switch (_tokenType)
            {
                case JsonTokenType.None:
                    if (index == _end)
                    {
                        throw Error(index, "the input contains no JSON value");
                    }

                    ReadValue(index);
                    break;

                case JsonTokenType.PropertyName:
                    if (index == _end || _utf8[index] != (byte)':')
                    {
                        throw Error(index, "expected ':' after a property name, found " + Describe(index));
                    }

                    ReadValue(SkipWhitespace(index + 1));
                    break;

                case JsonTokenType.StartObject:
                    if (index < _end && _utf8[index] == (byte)'}')
                    {
                        ReadEndContainer(index);
                    }
                    else
                    {
                        ReadPropertyName(index);
                    }

                    break;

                case JsonTokenType.StartArray:
                    if (index < _end && _utf8[index] == (byte)']')
                    {
                        ReadEndContainer(index);
                    }
                    else
                    {
                        ReadValue(index);
                    }

                    break;

                default:
                    ReadAfterValue(index);
                    break;
            }

            if (_openContainers == 0)
            {
                CompleteRoot();
            }

            return true;
        }

        /// <summary>Kind of the current token.</summary>
        public JsonTokenType TokenType => _tokenType;

        /// <summary>
        /// Nesting depth of the current token, 0 for the root value. It is the number of objects and
        /// arrays that contain the token, so a start or end token has the depth of the value it delimits.
        /// </summary>
        public int Depth => _tokenDepth;

        /// <summary>Number of objects and arrays open after the current token.</summary>
        public int CurrentDepth => _openContainers;

        /// <summary>Byte offset where the current token starts (its opening quote for strings).</summary>
        public int TokenStart => _tokenStart;

        /// <summary>Byte offset just after the current token (after the closing quote for strings).</summary>
        public int Position => _position;

        /// <summary>
        /// Skips the value of the current property name, or the whole object or array that starts here,
        /// leaving the reader on the value's last token. Other tokens are left as they are.
        /// </summary>
        public void Skip()
        {
            if (_tokenType == JsonTokenType.PropertyName)
            {
                Read();
            }

            if (_tokenType != JsonTokenType.StartObject && _tokenType != JsonTokenType.StartArray)
            {
                return;
            }

            // Inside a container Read never returns false, because it returns the tokens up to the
            // matching end or throws at the end of the input.
            int depth = _tokenDepth;
            do
            {
                Read();
            }
            while (_tokenDepth != depth || (_tokenType != JsonTokenType.EndObject && _tokenType != JsonTokenType.EndArray));
        }

        /// <summary>Compares the current string or property name, unescaped, with <paramref name="text"/> without allocating.</summary>
        public bool ValueEquals(string text)
        {
            RequireStringToken("ValueEquals");
            if (text == null || text.Length != _valueUtf16Length)
            {
                return false;
            }

            int index = _valueStart;
            int charIndex = 0;
            if (IsPlainAscii())
            {
                for (; index < _valueEnd; index++)
                {
                    if (text[charIndex++] != _utf8[index])
                    {
                        return false;
                    }
                }

                return true;
            }

            while (index < _valueEnd)
            {
                int scalar;
                index = DecodeNext(index, out scalar);
                if (scalar < 0x10000)
                {
                    if (text[charIndex++] != scalar)
                    {
                        return false;
                    }

                    continue;
                }

                int offsetScalar = scalar - 0x10000;
                if (text[charIndex] != (char)(0xD800 + (offsetScalar >> 10))
                    || text[charIndex + 1] != (char)(0xDC00 + (offsetScalar & 0x3FF)))
                {
                    return false;
                }

                charIndex += 2;
            }

            return true;
        }

        /// <summary>
        /// Returns the number of UTF-16 characters of the current string or property name, unescaped,
        /// which is the length <see cref="GetString"/> would return. It is counted when the token is read.
        /// </summary>
        public int GetStringLength()
        {
            RequireStringToken("GetStringLength");
            return _valueUtf16Length;
        }

        /// <summary>Returns the current string or property name, unescaped. Allocates the string.</summary>
        public string GetString()
        {
            RequireStringToken("GetString");
            char[] chars = new char[_valueUtf16Length];
            int index = _valueStart;
            int charIndex = 0;
            if (IsPlainAscii())
            {
                for (; index < _valueEnd; index++)
                {
                    chars[charIndex++] = (char)_utf8[index];
                }

                return new string(chars);
            }

            while (index < _valueEnd)
            {
                int scalar;
                index = DecodeNext(index, out scalar);
                charIndex = Utf8.StoreScalar(scalar, chars, charIndex);
            }

            return new string(chars);
        }

        /// <summary>Reads the current number as an int. Returns false when it has a fraction, an exponent or is out of range.</summary>
        public bool TryGetInt32(out int value)
        {
            value = 0;
            long wide;
            if (!TryGetInt64(out wide) || wide < int.MinValue || wide > int.MaxValue)
            {
                return false;
            }

            value = (int)wide;
            return true;
        }

        /// <summary>Reads the current number as a long. Returns false when it has a fraction, an exponent or is out of range.</summary>
        /// <remarks>"1.0" and "1e2" are false even though their values are integers, as OCPP 1.6 integer fields expect digits only.</remarks>
        public bool TryGetInt64(out long value)
        {
            RequireNumberToken("TryGetInt64");
            value = 0;
            if (!_numberIsInteger)
            {
                return false;
            }

            return JsonNumberParser.TryParseInt64(_utf8, _valueStart, _valueEnd, out value);
        }

        /// <summary>
        /// Reads the current number as a double within 1 ulp of the correctly rounded value. It is exact when
        /// the number is an integer of up to 15 digits times 10^n with n from -22 to 22, which covers
        /// "230.5" or "0.001". False when the magnitude is beyond the largest double; values below the
        /// smallest subnormal read as zero.
        /// </summary>
        public bool TryGetDouble(out double value)
        {
            RequireNumberToken("TryGetDouble");
            return JsonNumberParser.TryParseDouble(_utf8, _valueStart, _valueEnd, out value);
        }

        private void ReadValue(int index)
        {
            if (index == _end)
            {
                throw Error(index, "expected a value, found the end of the input");
            }

            _tokenStart = index;
            _tokenDepth = _openContainers;
            byte first = _utf8[index];
            switch (first)
            {
                case (byte)'{':
                    PushContainer(index, true);
                    _tokenType = JsonTokenType.StartObject;
                    _position = index + 1;
                    return;

                case (byte)'[':
                    PushContainer(index, false);
                    _tokenType = JsonTokenType.StartArray;
                    _position = index + 1;
                    return;

                case (byte)'"':
                    ScanString(index);
                    _tokenType = JsonTokenType.String;
                    return;

                case (byte)'t':
                    ScanLiteral(index, "true");
                    _tokenType = JsonTokenType.True;
                    return;

                case (byte)'f':
                    ScanLiteral(index, "false");
                    _tokenType = JsonTokenType.False;
                    return;

                case (byte)'n':
                    ScanLiteral(index, "null");
                    _tokenType = JsonTokenType.Null;
                    return;

                default:
                    if (first == (byte)'-' || (first >= (byte)'0' && first <= (byte)'9'))
                    {
                        ScanNumber(index);
                        _tokenType = JsonTokenType.Number;
                        return;
                    }

                    throw Error(index, "expected a value, found " + Describe(index));
            }
        }

        private void ReadPropertyName(int index)
        {
            if (index == _end || _utf8[index] != (byte)'"')
            {
                throw Error(index, "expected a property name in double quotes, found " + Describe(index));
            }

            _tokenStart = index;
            _tokenDepth = _openContainers;
            ScanString(index);
            _tokenType = JsonTokenType.PropertyName;
        }

        /// <summary>Reads what follows a value inside a container: a comma and the next element, or the closing bracket.</summary>
        private void ReadAfterValue(int index)
        {
            bool inObject = _containerIsObject[_openContainers - 1];
            if (index == _end)
            {
                throw Error(index, inObject ? "unterminated object: expected ',' or '}', found the end of the input" : "unterminated array: expected ',' or ']', found the end of the input");
            }

            byte next = _utf8[index];
            if (next == (byte)',')
            {
                int elementIndex = SkipWhitespace(index + 1);
                if (elementIndex < _end && (_utf8[elementIndex] == (byte)'}' || _utf8[elementIndex] == (byte)']'))
                {
                    throw Error(elementIndex, "a trailing comma before " + Describe(elementIndex) + " is not allowed");
                }

                if (inObject)
                {
                    ReadPropertyName(elementIndex);
                }
                else
                {
                    ReadValue(elementIndex);
                }

                return;
            }

            if (next == (byte)'}' || next == (byte)']')
            {
                ReadEndContainer(index);
                return;
            }

            throw Error(index, (inObject ? "expected ',' or '}' after a property value, found " : "expected ',' or ']' after an array element, found ") + Describe(index));
        }

        private void ReadEndContainer(int index)
        {
            bool isObject = _utf8[index] == (byte)'}';
            if (_containerIsObject[_openContainers - 1] != isObject)
            {
                throw Error(index, isObject ? "mismatched '}' where the open array needs ']'" : "mismatched ']' where the open object needs '}'");
            }

            _openContainers--;
            _tokenStart = index;
            _tokenDepth = _openContainers;
            _tokenType = isObject ? JsonTokenType.EndObject : JsonTokenType.EndArray;
            _position = index + 1;
        }

        private void PushContainer(int index, bool isObject)
        {
            if (_openContainers == _maxDepth)
            {
                throw Error(index, "the nesting is deeper than the maximum depth of " + _maxDepth.ToString());
            }

            _containerIsObject[_openContainers++] = isObject;
        }

        /// <summary>Checks that only whitespace follows the root value, then makes the next <see cref="Read"/> return false.</summary>
        private void CompleteRoot()
        {
            int index = SkipWhitespace(_position);
            if (index != _end)
            {
                throw Error(index, "expected the end of the input after the root value, found " + Describe(index));
            }

            _rootComplete = true;
        }

        private int SkipWhitespace(int index)
        {
            // RFC 8259 section 2: whitespace is space, horizontal tab, line feed and carriage return only.
            while (index < _end)
            {
                byte b = _utf8[index];
                if (b != (byte)' ' && b != (byte)'\n' && b != (byte)'\r' && b != (byte)'\t')
                {
                    break;
                }

                index++;
            }

            return index;
        }

        private void ScanLiteral(int index, string literal)
        {
            int length = literal.Length;
            for (int i = 0; i < length; i++)
            {
                if (index + i == _end || _utf8[index + i] != (byte)literal[i])
                {
                    throw Error(index + i, "invalid literal: expected '" + literal + "'");
                }
            }

            _position = index + length;
        }

        /// <summary>Matches the RFC 8259 section 6 number grammar from <paramref name="index"/> and records whether it is an integer.</summary>
        private void ScanNumber(int index)
        {
            int start = index;
            bool isInteger = true;
            if (_utf8[index] == (byte)'-')
            {
                index++;
            }

            if (index == _end || !IsDigit(_utf8[index]))
            {
                throw Error(index, "invalid number: expected a digit after '-', found " + Describe(index));
            }

            if (_utf8[index] == (byte)'0')
            {
                index++;
                if (index < _end && IsDigit(_utf8[index]))
                {
                    throw Error(index, "invalid number: a leading zero must not be followed by a digit");
                }
            }
            else
            {
                index = SkipDigits(index);
            }

            if (index < _end && _utf8[index] == (byte)'.')
            {
                isInteger = false;
                index++;
                if (index == _end || !IsDigit(_utf8[index]))
                {
                    throw Error(index, "invalid number: expected a digit after the decimal point, found " + Describe(index));
                }

                index = SkipDigits(index);
            }

            if (index < _end && (_utf8[index] == (byte)'e' || _utf8[index] == (byte)'E'))
            {
                isInteger = false;
                index++;
                if (index < _end && (_utf8[index] == (byte)'+' || _utf8[index] == (byte)'-'))
                {
                    index++;
                }

                if (index == _end || !IsDigit(_utf8[index]))
                {
                    throw Error(index, "invalid number: expected a digit in the exponent, found " + Describe(index));
                }

                index = SkipDigits(index);
            }

            _valueStart = start;
            _valueEnd = index;
            _numberIsInteger = isInteger;
            _position = index;
        }

        private int SkipDigits(int index)
        {
            while (index < _end && IsDigit(_utf8[index]))
            {
                index++;
            }

            return index;
        }

        private static bool IsDigit(byte b)
        {
            return b >= (byte)'0' && b <= (byte)'9';
        }

        /// <summary>
        /// Validates the string whose opening quote is at <paramref name="quoteIndex"/> (escapes, UTF-8,
        /// no control characters) and records its text range, whether it has escapes and its UTF-16 length.
        /// </summary>
        private void ScanString(int quoteIndex)
        {
            byte[] utf8 = _utf8;
            int end = _end;
            int index = quoteIndex + 1;
            int utf16Length = 0;
            bool hasEscapes = false;

            while (true)
            {
                if (index == end)
                {
                    throw Error(index, "unterminated string: the closing quote is missing");
                }

                byte b = utf8[index];
                if (b == (byte)'"')
                {
                    break;
                }

                if (b >= 0x20 && b < 0x80 && b != (byte)'\\')
                {
                    utf16Length++;
                    index++;
                    continue;
                }

                if (b == (byte)'\\')
                {
                    hasEscapes = true;
                    index = ScanEscape(index, ref utf16Length);
                    continue;
                }

                if (b < 0x20)
                {
                    throw Error(index, "control character 0x" + ToHex(b) + " must be escaped in a string");
                }

                int scalar;
                int length = Utf8.DecodeScalar(utf8, index, end, out scalar);
                if (length == 0)
                {
                    throw Error(index, "invalid UTF-8 sequence in a string, starting with byte 0x" + ToHex(b));
                }

                utf16Length += scalar >= 0x10000 ? 2 : 1;
                index += length;
            }

            _valueStart = quoteIndex + 1;
            _valueEnd = index;
            _valueHasEscapes = hasEscapes;
            _valueUtf16Length = utf16Length;
            _position = index + 1;
        }

        /// <summary>Validates the escape at <paramref name="index"/> (its backslash) and returns the index after it.</summary>
        private int ScanEscape(int index, ref int utf16Length)
        {
            if (index + 1 == _end)
            {
                throw Error(index, "unterminated string: the escape sequence is cut off");
            }

            byte letter = _utf8[index + 1];
            switch (letter)
            {
                case (byte)'"':
                case (byte)'\\':
                case (byte)'/':
                case (byte)'b':
                case (byte)'f':
                case (byte)'n':
                case (byte)'r':
                case (byte)'t':
                    utf16Length++;
                    return index + 2;

                case (byte)'u':
                    break;

                default:
                    throw Error(index, "invalid escape sequence '\\" + DescribeByte(letter) + "': expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
            }

            int unit = ParseHexEscape(index);
            if (unit >= 0xDC00 && unit <= 0xDFFF)
            {
                throw Error(index, "invalid \\u escape: low surrogate \\u" + ToHex(unit >> 8) + ToHex(unit & 0xFF) + " has no high surrogate before it");
            }

            if (unit < 0xD800 || unit > 0xDBFF)
            {
                utf16Length++;
                return index + 6;
            }

            // A high surrogate counts only as the first half of a \uXXXX\uXXXX pair.
            int lowIndex = index + 6;
            if (_end - lowIndex < 2 || _utf8[lowIndex] != (byte)'\\' || _utf8[lowIndex + 1] != (byte)'u')
            {
                throw Error(index, "invalid \\u escape: high surrogate \\u" + ToHex(unit >> 8) + ToHex(unit & 0xFF) + " is not followed by a \\u escape of a low surrogate");
            }

            int low = ParseHexEscape(lowIndex);
            if (low < 0xDC00 || low > 0xDFFF)
            {
                throw Error(lowIndex, "invalid \\u escape: high surrogate \\u" + ToHex(unit >> 8) + ToHex(unit & 0xFF) + " is followed by \\u" + ToHex(low >> 8) + ToHex(low & 0xFF) + ", not a low surrogate");
            }

            utf16Length += 2;
            return lowIndex + 6;
        }

        /// <summary>Returns the code unit of the \uXXXX escape whose backslash is at <paramref name="index"/>.</summary>
        private int ParseHexEscape(int index)
        {
            int unit = 0;
            for (int i = index + 2; i < index + 6; i++)
            {
                if (i == _end)
                {
                    throw Error(i, "unterminated string: the \\u escape is cut off");
                }

                int digit = HexValue(_utf8[i]);
                if (digit < 0)
                {
                    throw Error(i, "invalid \\u escape: expected 4 hexadecimal digits, found " + Describe(i));
                }

                unit = (unit << 4) | digit;
            }

            return unit;
        }

        private static int HexValue(byte b)
        {
            if (b >= (byte)'0' && b <= (byte)'9')
            {
                return b - '0';
            }

            if (b >= (byte)'a' && b <= (byte)'f')
            {
                return b - 'a' + 10;
            }

            if (b >= (byte)'A' && b <= (byte)'F')
            {
                return b - 'A' + 10;
            }

            return -1;
        }

        /// <summary>
        /// Decodes the character at <paramref name="index"/> of a string that <see cref="ScanString"/>
        /// validated, as a Unicode scalar value, and returns the index after it.
        /// </summary>
        private int DecodeNext(int index, out int scalar)
        {
            byte b = _utf8[index];
            if (b != (byte)'\\')
            {
                if (b < 0x80)
                {
                    scalar = b;
                    return index + 1;
                }

                return index + Utf8.DecodeScalar(_utf8, index, _valueEnd, out scalar);
            }

            switch (_utf8[index + 1])
            {
                case (byte)'b': scalar = '\b'; return index + 2;
                case (byte)'f': scalar = '\f'; return index + 2;
                case (byte)'n': scalar = '\n'; return index + 2;
                case (byte)'r': scalar = '\r'; return index + 2;
                case (byte)'t': scalar = '\t'; return index + 2;
                case (byte)'u': break;
                default: scalar = _utf8[index + 1]; return index + 2;
            }

            int unit = ParseHexEscape(index);
            if (unit < 0xD800 || unit > 0xDBFF)
            {
                scalar = unit;
                return index + 6;
            }

            scalar = Utf8.CombineSurrogates((char)unit, (char)ParseHexEscape(index + 6));
            return index + 12;
        }

        /// <summary>Returns whether the current string is ASCII without escapes, so that each byte is one character.</summary>
        private bool IsPlainAscii()
        {
            return !_valueHasEscapes && _valueEnd - _valueStart == _valueUtf16Length;
        }

        private void RequireStringToken(string operation)
        {
            if (_tokenType != JsonTokenType.String && _tokenType != JsonTokenType.PropertyName)
            {
                throw new System.InvalidOperationException(
                    operation + " needs a String or PropertyName token, but the current token is " + TokenTypeName(_tokenType) + ".");
            }
        }

        private void RequireNumberToken(string operation)
        {
            if (_tokenType != JsonTokenType.Number)
            {
                throw new System.InvalidOperationException(
                    operation + " needs a Number token, but the current token is " + TokenTypeName(_tokenType) + ".");
            }
        }

        /// <summary>Creates the exception for malformed input and stops this document, so that a later Read cannot resume inside it.</summary>
        private JsonFormatException Error(int index, string reason)
        {
            _failed = true;
            return new JsonFormatException("Invalid JSON at byte " + index.ToString() + ": " + reason + ".", index);
        }

        /// <summary>Describes the byte at <paramref name="index"/> for an error message, or the end of the input.</summary>
        private string Describe(int index)
        {
            if (index >= _end)
            {
                return "the end of the input";
            }

            return "'" + DescribeByte(_utf8[index]) + "'";
        }

        private static string DescribeByte(byte b)
        {
            if (b > 0x20 && b < 0x7F)
            {
                return new string((char)b, 1);
            }

            return "0x" + ToHex(b);
        }

        private static string ToHex(int b)
        {
            const string digits = "0123456789ABCDEF";
            return new string(new char[] { digits[(b >> 4) & 0xF], digits[b & 0xF] });
        }

        /// <summary>Returns the token type's name; nanoCLR's Enum.ToString returns the number.</summary>
        internal static string TokenTypeName(JsonTokenType tokenType)
        {
            switch (tokenType)
            {
                case JsonTokenType.None: return "None";
                case JsonTokenType.StartObject: return "StartObject";
                case JsonTokenType.EndObject: return "EndObject";
                case JsonTokenType.StartArray: return "StartArray";
                case JsonTokenType.EndArray: return "EndArray";
                case JsonTokenType.PropertyName: return "PropertyName";
                case JsonTokenType.String: return "String";
                case JsonTokenType.Number: return "Number";
                case JsonTokenType.True: return "True";
                case JsonTokenType.False: return "False";
                default: return "Null";
            }
        }
    }
}
