namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>Message type numbers of OCPP-J 1.6 §4.1.3, the first element of every frame.</summary>
    public enum RpcMessageType
    {
        /// <summary>No message type was read (the frame is not a JSON array starting with a number).</summary>
        None = 0,

        /// <summary>CALL: <c>[2, messageId, action, payload]</c>.</summary>
        Call = 2,

        /// <summary>CALLRESULT: <c>[3, messageId, payload]</c>.</summary>
        CallResult = 3,

        /// <summary>CALLERROR: <c>[4, messageId, errorCode, errorDescription, errorDetails]</c>.</summary>
        CallError = 4,
    }
}
