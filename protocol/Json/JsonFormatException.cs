namespace KiWhi.Armoire.Protocol.Json
{
    /// <summary>Malformed JSON text: syntax, invalid UTF-8, excessive nesting or an out-of-range number.</summary>
    public sealed class JsonFormatException : System.Exception
    {
        /// <summary>Creates the exception for the byte offset where the reader stopped.</summary>
        public JsonFormatException(string message, int position)
            : base(message)
        {
            Position = position;
        }

        /// <summary>Byte offset in the input where the error was found.</summary>
        public int Position { get; }
    }
}
