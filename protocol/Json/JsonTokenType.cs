namespace KiWhi.Armoire.Protocol.Json
{
    /// <summary>Kinds of token returned by <see cref="JsonReader.Read"/> (RFC 8259 values).</summary>
    public enum JsonTokenType
    {
        /// <summary>No token read yet.</summary>
        None,
        StartObject,
        EndObject,
        StartArray,
        EndArray,
        PropertyName,
        String,
        Number,
        True,
        False,
        Null,
    }
}
