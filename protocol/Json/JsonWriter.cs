namespace KiWhi.Armoire.Protocol.Json
{
    /// <summary>
    /// UTF-8 JSON writer into a fixed-capacity buffer, written for nanoFramework: commas and
    /// nesting are tracked, strings are escaped per RFC 8259, and nothing is allocated per call.
    /// STUB: public surface agreed between components; the implementation replaces the bodies.
    /// </summary>
    public sealed class JsonWriter
    {
        /// <summary>Creates a writer whose output never exceeds <paramref name="capacityBytes"/>.</summary>
        public JsonWriter(int capacityBytes, int maxDepth) { throw new System.NotImplementedException(); }

        /// <summary>Output buffer; the text is its first <see cref="Length"/> bytes.</summary>
        public byte[] Buffer => throw new System.NotImplementedException();

        /// <summary>Bytes written since the last <see cref="Reset"/>.</summary>
        public int Length => throw new System.NotImplementedException();

        /// <summary>Discards the output and starts a new document.</summary>
        public void Reset() { throw new System.NotImplementedException(); }

        public void WriteStartObject() { throw new System.NotImplementedException(); }
        public void WriteEndObject() { throw new System.NotImplementedException(); }
        public void WriteStartArray() { throw new System.NotImplementedException(); }
        public void WriteEndArray() { throw new System.NotImplementedException(); }
        public void WritePropertyName(string name) { throw new System.NotImplementedException(); }
        public void WriteStringValue(string value) { throw new System.NotImplementedException(); }

        /// <summary>Writes a string value from ASCII characters, for formatted values built without allocation.</summary>
        public void WriteStringValue(char[] chars, int offset, int count) { throw new System.NotImplementedException(); }

        public void WriteNumberValue(long value) { throw new System.NotImplementedException(); }
        public void WriteNumberValue(double value) { throw new System.NotImplementedException(); }
        public void WriteBooleanValue(bool value) { throw new System.NotImplementedException(); }
        public void WriteNullValue() { throw new System.NotImplementedException(); }
        public void WriteString(string propertyName, string value) { throw new System.NotImplementedException(); }
        public void WriteNumber(string propertyName, long value) { throw new System.NotImplementedException(); }
        public void WriteBoolean(string propertyName, bool value) { throw new System.NotImplementedException(); }

        /// <summary>Returns the output decoded as a string (logs and tests; allocates).</summary>
        public override string ToString() { throw new System.NotImplementedException(); }
    }
}
