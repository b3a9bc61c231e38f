namespace KiWhi.Armoire.Protocol.Json
{
    /// <summary>
    /// UTF-8 JSON writer into a fixed-capacity buffer, written for nanoFramework: commas and colons are
    /// inserted, the structure is checked as it is written, strings are escaped per RFC 8259 section 7,
    /// and nothing is allocated per call.
    /// </summary>
    /// <remarks>
    /// Each write either completes or throws before changing the output or the state, so a failed call
    /// leaves the document as it was. Structure errors (a value where a property name is expected, a
    /// second root value, an unmatched end, nesting deeper than the maximum depth) and a full buffer
    /// throw <see cref="System.InvalidOperationException"/>.
    /// Strings: '"', '\' and the control characters below U+0020 are escaped (\b \t \n \f \r, the
    /// others as \u00XX), every other character is written as UTF-8, and an unpaired surrogate is
    /// written as U+FFFD. Numbers: see <see cref="WriteNumberValue(long)"/> and
    /// <see cref="WriteNumberValue(double)"/>.
    /// </remarks>
    public sealed class JsonWriter
    {
        private static readonly byte[] HexDigits =
        {
            (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7',
            (byte)'8', (byte)'9', (byte)'A', (byte)'B', (byte)'C', (byte)'D', (byte)'E', (byte)'F',
        };

        private static readonly byte[] TrueLiteral = { (byte)'t', (byte)'r', (byte)'u', (byte)'e' };
        private static readonly byte[] FalseLiteral = { (byte)'f', (byte)'a', (byte)'l', (byte)'s', (byte)'e' };
        private static readonly byte[] NullLiteral = { (byte)'n', (byte)'u', (byte)'l', (byte)'l' };

        private readonly byte[] _buffer;
        private readonly bool[] _containerIsObject;
        private readonly int _maxDepth;
        private readonly byte[] _numberText = new byte[JsonDoubleFormatter.MaxLength];
        private JsonDoubleFormatter _doubleFormatter;

        private int _length;
        private int _depth;

        // The current container already has an element (or, in an object, a property name), so the
        // next element needs a comma first.
        private bool _hasElement;
        private bool _afterPropertyName;
        private bool _rootComplete;

        /// <summary>
        /// Creates a writer whose output never exceeds <paramref name="capacityBytes"/> and that nests
        /// objects and arrays at most <paramref name="maxDepth"/> deep. Both arrays are allocated here.
        /// </summary>
        public JsonWriter(int capacityBytes, int maxDepth)
        {
            if (capacityBytes < 1)
            {
                throw new System.ArgumentOutOfRangeException("capacityBytes", "The capacity must be at least 1 byte.");
            }

            if (maxDepth < 1)
            {
                throw new System.ArgumentOutOfRangeException("maxDepth", "The maximum depth must be at least 1.");
            }

            _buffer = new byte[capacityBytes];
            _containerIsObject = new bool[maxDepth];
            _maxDepth = maxDepth;
        }

        /// <summary>Output buffer, whose first <see cref="Length"/> bytes are the JSON text.</summary>
        public byte[] Buffer => _buffer;

        /// <summary>Bytes written since the last <see cref="Reset"/>.</summary>
        public int Length => _length;

        /// <summary>Maximum output size in bytes, fixed by the constructor.</summary>
        public int Capacity => _buffer.Length;

        /// <summary>Number of objects and arrays open at this point of the output.</summary>
        public int CurrentDepth => _depth;

        /// <summary>True once the root value is complete, after which only <see cref="Reset"/> is accepted.</summary>
        public bool IsComplete => _rootComplete;

        /// <summary>Discards the output and starts a new document.</summary>
        public void Reset()
        {
            _length = 0;
            _depth = 0;
            _hasElement = false;
            _afterPropertyName = false;
            _rootComplete = false;
        }

        public void WriteStartObject()
        {
            WriteStartContainer(true, (byte)'{');
        }

        public void WriteStartObject(string propertyName)
        {
            int savedLength = _length;
            bool savedHasElement = _hasElement;
            WritePropertyName(propertyName);
            try
            {
                WriteStartObject();
            }
            catch (System.InvalidOperationException)
            {
                RollBackPropertyName(savedLength, savedHasElement);
                throw;
            }
        }

        public void WriteEndObject()
        {
            WriteEndContainer(true, (byte)'}');
        }

        public void WriteStartArray()
        {
            WriteStartContainer(false, (byte)'[');
        }

        public void WriteStartArray(string propertyName)
        {
            int savedLength = _length;
            bool savedHasElement = _hasElement;
            WritePropertyName(propertyName);
            try
            {
                WriteStartArray();
            }
            catch (System.InvalidOperationException)
            {
                RollBackPropertyName(savedLength, savedHasElement);
                throw;
            }
        }

        public void WriteEndArray()
        {
            WriteEndContainer(false, (byte)']');
        }

        /// <summary>Writes a property name and its colon. The next call must write its value.</summary>
        public void WritePropertyName(string name)
        {
            if (name == null)
            {
                throw new System.ArgumentNullException("name");
            }

            if (_depth == 0 || !_containerIsObject[_depth - 1])
            {
                throw new System.InvalidOperationException("Cannot write property name \"" + name + "\" outside an object.");
            }

            if (_afterPropertyName)
            {
                throw new System.InvalidOperationException("Cannot write property name \"" + name + "\" because the previous property name has no value yet.");
            }

            int commaLength = _hasElement ? 1 : 0;
            EnsureTextCapacity(name, null, 0, name.Length, commaLength + 3);

            if (commaLength != 0)
            {
                _buffer[_length++] = (byte)',';
            }

            WriteQuotedText(name, null, 0, name.Length);
            _buffer[_length++] = (byte)':';
            _hasElement = true;
            _afterPropertyName = true;
        }

        /// <summary>Writes a string value. A null <paramref name="value"/> throws rather than writing JSON null.</summary>
        public void WriteStringValue(string value)
        {
            if (value == null)
            {
                throw new System.ArgumentNullException("value", "Write a JSON null with WriteNullValue.");
            }

            WriteStringValueCore(value, null, 0, value.Length);
        }

        /// <summary>
        /// Writes a string value from <paramref name="count"/> characters of <paramref name="chars"/>, for
        /// values formatted into a reused array without allocation. Escaping is the same as for a string.
        /// </summary>
        public void WriteStringValue(char[] chars, int offset, int count)
        {
            if (chars == null)
            {
                throw new System.ArgumentNullException("chars");
            }

            if (offset < 0 || count < 0 || offset > chars.Length || chars.Length - offset < count)
            {
                throw new System.ArgumentOutOfRangeException(
                    "count",
                    "Offset " + offset.ToString() + " and count " + count.ToString()
                        + " do not fit in an array of " + chars.Length.ToString() + " characters.");
            }

            WriteStringValueCore(null, chars, offset, count);
        }

        /// <summary>Writes <paramref name="value"/> in decimal digits with a leading '-' when negative.</summary>
        public void WriteNumberValue(long value)
        {
            int commaLength = GetValuePrefixLength();
            ulong magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
            int textLength = 0;
            if (value < 0)
            {
                _numberText[textLength++] = (byte)'-';
            }

            textLength = JsonDoubleFormatter.WriteInteger(magnitude, _numberText, textLength);
            WriteValueBytes(commaLength, _numberText, textLength);
        }

        /// <summary>
        /// Writes the shortest decimal text that reads back as <paramref name="value"/>, laid out as
        /// ECMAScript's Number::toString does: plain notation for magnitudes from 1e-6 up to below
        /// 1e21 ("0.000001", "123.25", "1000000"), exponent notation outside ("1e+21", "1.5e-7"), and "0"
        /// for negative zero. NaN and infinities have no JSON form and throw
        /// <see cref="System.ArgumentException"/>.
        /// </summary>
        public void WriteNumberValue(double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new System.ArgumentException("JSON has no representation for NaN or infinity.", "value");
            }

            int commaLength = GetValuePrefixLength();
            if (_doubleFormatter == null)
            {
                _doubleFormatter = new JsonDoubleFormatter();
            }

            int textLength = _doubleFormatter.Format(value, _numberText, 0);
            WriteValueBytes(commaLength, _numberText, textLength);
        }

        public void WriteBooleanValue(bool value)
        {
            byte[] literal = value ? TrueLiteral : FalseLiteral;
            WriteValueBytes(GetValuePrefixLength(), literal, literal.Length);
        }

        public void WriteNullValue()
        {
            WriteValueBytes(GetValuePrefixLength(), NullLiteral, NullLiteral.Length);
        }

        public void WriteString(string propertyName, string value)
        {
            if (value == null)
            {
                throw new System.ArgumentNullException("value", "Write a JSON null with WriteNull.");
            }

            int savedLength = _length;
            bool savedHasElement = _hasElement;
            WritePropertyName(propertyName);
            try
            {
                WriteStringValue(value);
            }
            catch (System.InvalidOperationException)
            {
                RollBackPropertyName(savedLength, savedHasElement);
                throw;
            }
        }

        public void WriteNumber(string propertyName, long value)
        {
            int savedLength = _length;
            bool savedHasElement = _hasElement;
            WritePropertyName(propertyName);
            try
            {
                WriteNumberValue(value);
            }
            catch (System.InvalidOperationException)
            {
                RollBackPropertyName(savedLength, savedHasElement);
                throw;
            }
        }

        public void WriteNumber(string propertyName, double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new System.ArgumentException("JSON has no representation for NaN or infinity.", "value");
            }

            int savedLength = _length;
            bool savedHasElement = _hasElement;
            WritePropertyName(propertyName);
            try
            {
                WriteNumberValue(value);
            }
            catch (System.InvalidOperationException)
            {
                RollBackPropertyName(savedLength, savedHasElement);
                throw;
            }
        }

        public void WriteBoolean(string propertyName, bool value)
        {
            int savedLength = _length;
            bool savedHasElement = _hasElement;
            WritePropertyName(propertyName);
            try
            {
                WriteBooleanValue(value);
            }
            catch (System.InvalidOperationException)
            {
                RollBackPropertyName(savedLength, savedHasElement);
                throw;
            }
        }

        public void WriteNull(string propertyName)
        {
            int savedLength = _length;
            bool savedHasElement = _hasElement;
            WritePropertyName(propertyName);
            try
            {
                WriteNullValue();
            }
            catch (System.InvalidOperationException)
            {
                RollBackPropertyName(savedLength, savedHasElement);
                throw;
            }
        }

        /// <summary>Returns the output decoded as a string, for logs and tests. Allocates.</summary>
        public override string ToString()
        {
            return Utf8.GetString(_buffer, 0, _length);
        }

        /// <summary>Removes a property name whose value failed to fit, so that the failed call changes nothing.</summary>
        private void RollBackPropertyName(int savedLength, bool savedHasElement)
        {
            _length = savedLength;
            _hasElement = savedHasElement;
            _afterPropertyName = false;
        }

        private void WriteStartContainer(bool isObject, byte bracket)
        {
            int commaLength = GetValuePrefixLength();
            if (_depth == _maxDepth)
            {
                throw new System.InvalidOperationException(
                    "Cannot open another object or array because the writer's maximum depth is " + _maxDepth.ToString() + ".");
            }

            EnsureCapacity(commaLength + 1);
            if (commaLength != 0)
            {
                _buffer[_length++] = (byte)',';
            }

            _buffer[_length++] = bracket;
            _containerIsObject[_depth++] = isObject;
            _hasElement = false;
            _afterPropertyName = false;
        }

        private void WriteEndContainer(bool isObject, byte bracket)
        {
            string kind = isObject ? "object" : "array";
            if (_depth == 0 || _containerIsObject[_depth - 1] != isObject)
            {
                throw new System.InvalidOperationException("Cannot end an " + kind + " because no " + kind + " is open at this point.");
            }

            if (_afterPropertyName)
            {
                throw new System.InvalidOperationException("Cannot end the object because its last property name has no value.");
            }

            EnsureCapacity(1);
            _buffer[_length++] = bracket;
            _depth--;
            CompleteValue();
        }

        private void WriteStringValueCore(string text, char[] chars, int offset, int count)
        {
            int commaLength = GetValuePrefixLength();
            EnsureTextCapacity(text, chars, offset, count, commaLength + 2);

            if (commaLength != 0)
            {
                _buffer[_length++] = (byte)',';
            }

            WriteQuotedText(text, chars, offset, count);
            CompleteValue();
        }

        private void WriteValueBytes(int commaLength, byte[] text, int textLength)
        {
            EnsureCapacity(commaLength + textLength);
            if (commaLength != 0)
            {
                _buffer[_length++] = (byte)',';
            }

            System.Array.Copy(text, 0, _buffer, _length, textLength);
            _length += textLength;
            CompleteValue();
        }

        /// <summary>
        /// Checks that a value may be written here and returns the length of the comma it needs (0 or 1).
        /// </summary>
        private int GetValuePrefixLength()
        {
            if (_depth == 0)
            {
                if (_rootComplete)
                {
                    throw new System.InvalidOperationException("Cannot write a second root value into one JSON document. Call Reset to start another.");
                }

                return 0;
            }

            if (_containerIsObject[_depth - 1])
            {
                if (!_afterPropertyName)
                {
                    throw new System.InvalidOperationException("Cannot write a value inside an object without a property name first.");
                }

                return 0;
            }

            return _hasElement ? 1 : 0;
        }

        private void CompleteValue()
        {
            _hasElement = true;
            _afterPropertyName = false;
            if (_depth == 0)
            {
                _rootComplete = true;
            }
        }

        private void EnsureCapacity(int byteCount)
        {
            if (_buffer.Length - _length < byteCount)
            {
                throw new System.InvalidOperationException(
                    "JSON output exceeds the writer capacity of " + _buffer.Length.ToString() + " bytes: "
                        + _length.ToString() + " written, " + byteCount.ToString() + " more needed. Create the writer with a larger capacity.");
            }
        }

        /// <summary>
        /// Checks that the escaped text and <paramref name="otherBytes"/> fit. The text is measured only
        /// when the bound of 6 bytes per character (a \u00XX escape) does not already fit.
        /// </summary>
        private void EnsureTextCapacity(string text, char[] chars, int offset, int count, int otherBytes)
        {
            if ((long)_buffer.Length - _length >= otherBytes + 6L * count)
            {
                return;
            }

            EnsureCapacity(otherBytes + MeasureEscapedText(text, chars, offset, count));
        }

        /// <summary>
        /// Returns the escaped UTF-8 length, without quotes, of <paramref name="count"/> characters taken from
        /// <paramref name="text"/>, or from <paramref name="chars"/> when <paramref name="text"/> is null.
        /// </summary>
        private static int MeasureEscapedText(string text, char[] chars, int offset, int count)
        {
            int length = 0;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                char c = text != null ? text[i] : chars[i];
                if (c >= 0x20 && c < 0x80)
                {
                    length += c == '"' || c == '\\' ? 2 : 1;
                }
                else if (c < 0x20)
                {
                    length += GetControlEscape(c) != 0 ? 2 : 6;
                }
                else if (c < 0x800)
                {
                    length += 2;
                }
                else if (Utf8.IsHighSurrogate(c) && i + 1 < end && Utf8.IsLowSurrogate(text != null ? text[i + 1] : chars[i + 1]))
                {
                    length += 4;
                    i++;
                }
                else
                {
                    // Other BMP characters, and an unpaired surrogate written as U+FFFD.
                    length += 3;
                }
            }

            return length;
        }

        /// <summary>Writes the quoted, escaped text. The caller has checked the capacity with <see cref="EnsureTextCapacity"/>.</summary>
        private void WriteQuotedText(string text, char[] chars, int offset, int count)
        {
            byte[] buffer = _buffer;
            int index = _length;
            int end = offset + count;
            buffer[index++] = (byte)'"';

            for (int i = offset; i < end; i++)
            {
                char c = text != null ? text[i] : chars[i];
                if (c >= 0x20 && c < 0x80)
                {
                    if (c == '"' || c == '\\')
                    {
                        buffer[index++] = (byte)'\\';
                    }

                    buffer[index++] = (byte)c;
                    continue;
                }

                if (c < 0x20)
                {
                    index = WriteControlEscape(c, buffer, index);
                    continue;
                }

                int scalar = c;
                if (Utf8.IsHighSurrogate(c) && i + 1 < end)
                {
                    char next = text != null ? text[i + 1] : chars[i + 1];
                    if (Utf8.IsLowSurrogate(next))
                    {
                        scalar = Utf8.CombineSurrogates(c, next);
                        i++;
                    }
                }

                if (scalar >= 0xD800 && scalar <= 0xDFFF)
                {
                    scalar = Utf8.ReplacementCharacter;
                }

                index = Utf8.EncodeScalar(scalar, buffer, index);
            }

            buffer[index++] = (byte)'"';
            _length = index;
        }

        /// <summary>Returns the letter of the two-character escape of a control character, or 0 when it has none.</summary>
        private static byte GetControlEscape(char c)
        {
            switch (c)
            {
                case '\b': return (byte)'b';
                case '\t': return (byte)'t';
                case '\n': return (byte)'n';
                case '\f': return (byte)'f';
                case '\r': return (byte)'r';
                default: return 0;
            }
        }

        private static int WriteControlEscape(char c, byte[] buffer, int index)
        {
            buffer[index++] = (byte)'\\';
            byte letter = GetControlEscape(c);
            if (letter != 0)
            {
                buffer[index++] = letter;
                return index;
            }

            buffer[index++] = (byte)'u';
            buffer[index++] = (byte)'0';
            buffer[index++] = (byte)'0';
            buffer[index++] = HexDigits[c >> 4];
            buffer[index++] = HexDigits[c & 0xF];
            return index;
        }
    }
}
