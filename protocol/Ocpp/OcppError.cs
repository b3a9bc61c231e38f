namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>
    /// CALLERROR error codes of OCPP-J 1.6 §4.2.3, spelled as the 1.6 document spells them
    /// ("OccurenceConstraintViolation" with one r). A peer may send other codes (FormatViolation,
    /// RpcFrameworkError): compare received codes as plain strings and never reject them.
    /// </summary>
    public static class OcppError
    {
        /// <summary>The requested action is not known by the receiver.</summary>
        public const string NotImplemented = "NotImplemented";

        /// <summary>The requested action is recognized but not supported by the receiver.</summary>
        public const string NotSupported = "NotSupported";

        /// <summary>The receiver failed to process the requested action because of an internal error.</summary>
        public const string InternalError = "InternalError";

        /// <summary>The payload for the action is incomplete.</summary>
        public const string ProtocolError = "ProtocolError";

        /// <summary>A security issue prevented the receiver from completing the action.</summary>
        public const string SecurityError = "SecurityError";

        /// <summary>The payload is syntactically incorrect or does not conform to the PDU structure of the action.</summary>
        public const string FormationViolation = "FormationViolation";

        /// <summary>The payload is syntactically correct but a field contains an invalid value.</summary>
        public const string PropertyConstraintViolation = "PropertyConstraintViolation";

        /// <summary>The payload is syntactically correct but a field occurs too few or too many times.</summary>
        public const string OccurenceConstraintViolation = "OccurenceConstraintViolation";

        /// <summary>The payload is syntactically correct but a field has the wrong data type ("somestring": 12).</summary>
        public const string TypeConstraintViolation = "TypeConstraintViolation";

        /// <summary>Any other error.</summary>
        public const string GenericError = "GenericError";
    }
}
