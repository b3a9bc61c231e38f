namespace KiWhi.Armoire.Protocol.Json
{
    /// <summary>Malformed JSON text: a syntax error, invalid UTF-8, an unpaired surrogate escape or excessive nesting.</summary>
    public sealed class JsonFormatException : System.Exception
    {
        /// <summary>Creates the exception for the byte offset where the reader stopped.</summary>
        public JsonFormatException(string message, int position)
            : base(message)
        {
            Position = position;
        }

        /// <summary>Index, in the array given to <see cref="JsonReader.Reset"/>, of the byte where the error was found.</summary>
        public int Position { get; }
    }
}
