namespace KiWhi.Armoire.Protocol.Json
{
    /// <summary>
    /// Streaming pull reader of UTF-8 JSON (RFC 8259) over a byte array, written for nanoFramework:
    /// no generics, no reflection, and no allocation except in <see cref="GetString"/>.
    /// STUB: public surface agreed between components; the implementation replaces the bodies.
    /// </summary>
    public sealed class JsonReader
    {
        /// <summary>Creates a reader that rejects documents nested deeper than <paramref name="maxDepth"/>.</summary>
        public JsonReader(int maxDepth) { throw new System.NotImplementedException(); }

        /// <summary>Starts reading <paramref name="count"/> bytes of <paramref name="utf8"/> from <paramref name="offset"/>.</summary>
        public void Reset(byte[] utf8, int offset, int count) { throw new System.NotImplementedException(); }

        /// <summary>
        /// Advances to the next token. Returns false once the root value is complete and only
        /// whitespace remains. Throws <see cref="JsonFormatException"/> on malformed input.
        /// </summary>
        public bool Read() { throw new System.NotImplementedException(); }

        /// <summary>Kind of the current token.</summary>
        public JsonTokenType TokenType => throw new System.NotImplementedException();

        /// <summary>Nesting depth of the current token (0 for the root value).</summary>
        public int Depth => throw new System.NotImplementedException();

        /// <summary>Byte offset where the current token starts (its opening quote for strings).</summary>
        public int TokenStart => throw new System.NotImplementedException();

        /// <summary>Byte offset just after the current token.</summary>
        public int Position => throw new System.NotImplementedException();

        /// <summary>Skips the value of the current property name, or the whole object or array that starts here.</summary>
        public void Skip() { throw new System.NotImplementedException(); }

        /// <summary>Compares the current string or property name, unescaped, with <paramref name="text"/>; allocates nothing.</summary>
        public bool ValueEquals(string text) { throw new System.NotImplementedException(); }

        /// <summary>Returns the number of UTF-16 characters of the current string or property name, unescaped.</summary>
        public int GetStringLength() { throw new System.NotImplementedException(); }

        /// <summary>Returns the current string or property name, unescaped.</summary>
        public string GetString() { throw new System.NotImplementedException(); }

        /// <summary>Reads the current number as an integer; false when it has a fraction, an exponent or is out of range.</summary>
        public bool TryGetInt32(out int value) { throw new System.NotImplementedException(); }

        /// <summary>Reads the current number as a 64-bit integer; false when it has a fraction, an exponent or is out of range.</summary>
        public bool TryGetInt64(out long value) { throw new System.NotImplementedException(); }

        /// <summary>Reads the current number as a double.</summary>
        public bool TryGetDouble(out double value) { throw new System.NotImplementedException(); }
    }
}
