namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>
    /// An OCPP payload that does not match its 1.6 JSON schema. <see cref="ErrorCode"/> is the
    /// <see cref="OcppError"/> code to send back when the payload came in a CALL.
    /// </summary>
    public sealed class OcppPayloadException : System.Exception
    {
        /// <summary>Creates the exception with an <see cref="OcppError"/> code and a description of the faulty field.</summary>
        public OcppPayloadException(string errorCode, string message)
            : base(message)
        {
            ErrorCode = errorCode;
        }

        /// <summary>One of the <see cref="OcppError"/> codes.</summary>
        public string ErrorCode { get; }
    }
}
