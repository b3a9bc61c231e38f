namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>Outcome of <see cref="RpcFrame.Parse"/>, which decides how the receiver reacts.</summary>
    public enum RpcFrameStatus
    {
        /// <summary>No frame parsed yet.</summary>
        None = 0,

        /// <summary>A well-formed CALL, CALLRESULT or CALLERROR: every field of its type is set.</summary>
        Valid,

        /// <summary>
        /// A JSON array whose message type number is not 2, 3 or 4. OCPP-J 1.6 §4.1.3 requires
        /// ignoring it, so nothing is sent back.
        /// </summary>
        UnknownMessageType,

        /// <summary>
        /// A frame whose message type and messageId were read but whose rest is wrong.
        /// The reply to a malformed CALL is a CALLERROR carrying <see cref="RpcFrame.ParseErrorCode"/>.
        /// A malformed CALLRESULT or CALLERROR gets no reply, but it ends the pending CALL with that messageId.
        /// </summary>
        Malformed,

        /// <summary>
        /// Not JSON, not an array, or no readable message type or messageId: no reply can be
        /// addressed, so the frame is dropped.
        /// </summary>
        Unreadable,
    }
}
