using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>
    /// Writes OCPP-J 1.6 frames (§4). A CALL or CALLRESULT is written in three steps: Begin…, the
    /// payload object (for example <see cref="HeartbeatRequest.Write"/>), then <see cref="EndFrame"/>.
    /// When the frame does not fit in the writer, <see cref="JsonWriter"/> throws
    /// InvalidOperationException and the partial output must not be sent.
    /// </summary>
    public static class RpcFrameWriter
    {
        /// <summary>
        /// Resets <paramref name="writer"/> and writes <c>[2,"messageId","action",</c>. The caller
        /// keeps each messageId unique on the connection, as OCPP-J 1.6 §4.1.4 requires.
        /// </summary>
        /// <exception cref="System.ArgumentException">The messageId is empty or longer than 36 characters, or the action is empty.</exception>
        public static void BeginCall(JsonWriter writer, string messageId, string action)
        {
            if (messageId == null)
            {
                throw new System.ArgumentNullException(nameof(messageId));
            }

            if (messageId.Length == 0 || messageId.Length > RpcFrame.MaxMessageIdLength)
            {
                throw new System.ArgumentException("A messageId must have 1 to 36 characters.", nameof(messageId));
            }

            if (action == null || action.Length == 0)
            {
                throw new System.ArgumentException("The action must not be empty.", nameof(action));
            }

            writer.Reset();
            writer.WriteStartArray();
            writer.WriteNumberValue((long)RpcMessageType.Call);
            writer.WriteStringValue(messageId);
            writer.WriteStringValue(action);
        }

        /// <summary>
        /// Resets <paramref name="writer"/> and writes <c>[3,"messageId",</c>. The messageId is
        /// copied without a length check from the CALL this result replies to.
        /// </summary>
        public static void BeginCallResult(JsonWriter writer, string messageId)
        {
            if (messageId == null)
            {
                throw new System.ArgumentNullException(nameof(messageId));
            }

            writer.Reset();
            writer.WriteStartArray();
            writer.WriteNumberValue((long)RpcMessageType.CallResult);
            writer.WriteStringValue(messageId);
        }

        /// <summary>Closes the frame array opened by <see cref="BeginCall"/> or <see cref="BeginCallResult"/>.</summary>
        public static void EndFrame(JsonWriter writer)
        {
            writer.WriteEndArray();
        }

        /// <summary>
        /// Resets <paramref name="writer"/> and writes a whole CALLERROR frame in reply to the CALL
        /// <paramref name="messageId"/>. A null <paramref name="errorDescription"/> is written as "",
        /// and errorDetails is always the empty object, as OCPP-J 1.6 §4.2.3 requires when there are none.
        /// </summary>
        /// <exception cref="System.ArgumentException">The errorCode is empty.</exception>
        public static void WriteCallError(JsonWriter writer, string messageId, string errorCode, string errorDescription)
        {
            if (messageId == null)
            {
                throw new System.ArgumentNullException(nameof(messageId));
            }

            if (errorCode == null || errorCode.Length == 0)
            {
                throw new System.ArgumentException("The errorCode must not be empty.", nameof(errorCode));
            }

            writer.Reset();
            writer.WriteStartArray();
            writer.WriteNumberValue((long)RpcMessageType.CallError);
            writer.WriteStringValue(messageId);
            writer.WriteStringValue(errorCode);
            writer.WriteStringValue(errorDescription == null ? string.Empty : errorDescription);
            writer.WriteStartObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
        }
    }
}
