using KiWhi.Armoire.Protocol.Json;

namespace KiWhi.Armoire.Protocol.Ocpp
{
    /// <summary>
    /// One received OCPP-J 1.6 frame (§4): the fields of its envelope and where its payload sits in
    /// the received bytes. One instance serves every frame of a connection, because each
    /// <see cref="Parse"/> overwrites all fields.
    /// </summary>
    /// <remarks>
    /// The CALLERROR code reported for a malformed frame follows the definitions of OCPP-J 1.6 §4.2.3:
    /// <list type="bullet">
    /// <item>ProtocolError, defined there as an incomplete payload: the array ends before an element
    /// the message type requires, such as <c>[2,"id","Heartbeat"]</c>.</item>
    /// <item>FormationViolation, defined there as a payload that is syntactically incorrect or does not
    /// conform to the PDU structure: invalid JSON after the messageId, an element of the wrong JSON
    /// type, a payload that is not an object, elements after the last one, or a messageId longer
    /// than 36 characters (OCPP-J 1.6 §4.1.4).</item>
    /// </list>
    /// A frame is <see cref="RpcFrameStatus.Unreadable"/> when no reply can be addressed: invalid JSON
    /// before the messageId, a root value that is not an array, a message type that is not a number,
    /// or a messageId that is not a string.
    /// </remarks>
    public sealed class RpcFrame
    {
        /// <summary>Maximum length of a messageId in characters (OCPP-J 1.6 §4.1.4).</summary>
        public const int MaxMessageIdLength = 36;

        private readonly JsonReader _reader;

        /// <summary>Creates a parse result that reads frames with <paramref name="reader"/>, which it resets on each parse.</summary>
        public RpcFrame(JsonReader reader)
        {
            if (reader == null)
            {
                throw new System.ArgumentNullException(nameof(reader));
            }

            _reader = reader;
        }

        /// <summary>Outcome of the last <see cref="Parse"/>.</summary>
        public RpcFrameStatus Status { get; private set; }

        /// <summary>
        /// Message type read from the first element, or <see cref="RpcMessageType.None"/> when it is
        /// not an integer. With <see cref="RpcFrameStatus.UnknownMessageType"/> it contains the unknown number.
        /// </summary>
        public RpcMessageType MessageType { get; private set; }

        /// <summary>messageId of the frame, or null when it could not be read.</summary>
        public string MessageId { get; private set; }

        /// <summary>Action of a CALL (for example "Reset"), or null for other message types.</summary>
        public string Action { get; private set; }

        /// <summary>errorCode of a received CALLERROR, exactly as the peer sent it, or null for other message types.</summary>
        public string ErrorCode { get; private set; }

        /// <summary>errorDescription of a received CALLERROR, or null for other message types.</summary>
        public string ErrorDescription { get; private set; }

        /// <summary>Byte array given to the last <see cref="Parse"/>.</summary>
        public byte[] Buffer { get; private set; }

        /// <summary>
        /// Byte offset in <see cref="Buffer"/> of the payload object of a CALL or CALLRESULT, or of
        /// the errorDetails object of a CALLERROR. Set only when <see cref="Status"/> is <see cref="RpcFrameStatus.Valid"/>.
        /// </summary>
        public int PayloadOffset { get; private set; }

        /// <summary>Length in bytes of the object at <see cref="PayloadOffset"/>.</summary>
        public int PayloadCount { get; private set; }

        /// <summary>
        /// <see cref="OcppError"/> code of the CALLERROR that replies to a <see cref="RpcFrameStatus.Malformed"/>
        /// CALL, or null for the other statuses.
        /// </summary>
        public string ParseErrorCode { get; private set; }

        /// <summary>
        /// What was wrong with a frame that is not valid, in English, fit for a log line and for the
        /// errorDescription of the CALLERROR. Null when the frame is valid.
        /// </summary>
        public string ParseErrorDescription { get; private set; }

        /// <summary>True when the frame is a malformed CALL, which requires a CALLERROR reply.</summary>
        public bool RequiresCallError
        {
            get { return Status == RpcFrameStatus.Malformed && MessageType == RpcMessageType.Call; }
        }

        /// <summary>
        /// Parses <paramref name="count"/> bytes of <paramref name="utf8"/> from <paramref name="offset"/>
        /// as one frame and returns true when <see cref="Status"/> is <see cref="RpcFrameStatus.Valid"/>.
        /// Malformed input is reported through <see cref="Status"/> and <see cref="ParseErrorCode"/>,
        /// not thrown: only the argument checks below throw.
        /// </summary>
        /// <exception cref="System.ArgumentNullException"><paramref name="utf8"/> is null.</exception>
        /// <exception cref="System.ArgumentOutOfRangeException">The range lies outside <paramref name="utf8"/>.</exception>
        public bool Parse(byte[] utf8, int offset, int count)
        {
            if (utf8 == null)
            {
                throw new System.ArgumentNullException(nameof(utf8));
            }

            if (offset < 0 || count < 0 || offset > utf8.Length - count)
            {
                throw new System.ArgumentOutOfRangeException(nameof(offset), "The byte range lies outside the buffer.");
            }

            Clear();
            Buffer = utf8;
            _reader.Reset(utf8, offset, count);

            try
            {
                return ParseEnvelope();
            }
            catch (JsonFormatException e)
            {
                // The message already names the byte position ("Invalid JSON at byte N: ...").
                string description = e.Message;
                if (MessageId == null)
                {
                    return SetUnreadable(description);
                }

                return SetMalformed(OcppError.FormationViolation, description);
            }
        }

        /// <summary>
        /// Resets <paramref name="reader"/> to the payload of the last valid frame, so that its next
        /// <see cref="JsonReader.Read"/> returns the payload's StartObject.
        /// </summary>
        /// <exception cref="System.InvalidOperationException">The last frame was not valid.</exception>
        public void ResetToPayload(JsonReader reader)
        {
            if (Status != RpcFrameStatus.Valid)
            {
                throw new System.InvalidOperationException("The last frame has no payload because it was not valid.");
            }

            reader.Reset(Buffer, PayloadOffset, PayloadCount);
        }

        private void Clear()
        {
            Status = RpcFrameStatus.None;
            MessageType = RpcMessageType.None;
            MessageId = null;
            Action = null;
            ErrorCode = null;
            ErrorDescription = null;
            Buffer = null;
            PayloadOffset = 0;
            PayloadCount = 0;
            ParseErrorCode = null;
            ParseErrorDescription = null;
        }

        private bool ParseEnvelope()
        {
            if (!_reader.Read() || _reader.TokenType != JsonTokenType.StartArray)
            {
                return SetUnreadable("The frame is not a JSON array.");
            }

            if (!_reader.Read() || _reader.TokenType != JsonTokenType.Number)
            {
                return SetUnreadable("The first element of the frame is not a message type number.");
            }

            int messageTypeNumber;
            if (!_reader.TryGetInt32(out messageTypeNumber))
            {
                Status = RpcFrameStatus.UnknownMessageType;
                ParseErrorDescription = "The message type is not an integer of 2, 3 or 4.";
                return false;
            }

            MessageType = (RpcMessageType)messageTypeNumber;
            if (MessageType != RpcMessageType.Call
                && MessageType != RpcMessageType.CallResult
                && MessageType != RpcMessageType.CallError)
            {
                Status = RpcFrameStatus.UnknownMessageType;
                ParseErrorDescription = "Unknown message type " + messageTypeNumber + ".";
                return false;
            }

            if (!_reader.Read() || _reader.TokenType != JsonTokenType.String)
            {
                return SetUnreadable("The messageId is missing or is not a string.");
            }

            MessageId = _reader.GetString();
            if (MessageId.Length > MaxMessageIdLength)
            {
                return SetMalformed(OcppError.FormationViolation, "The messageId is longer than 36 characters.");
            }

            if (MessageType == RpcMessageType.Call)
            {
                return ParseCallBody();
            }

            if (MessageType == RpcMessageType.CallResult)
            {
                return ReadPayloadObject("CALLRESULT payload") && ReadEndOfFrame();
            }

            return ParseCallErrorBody();
        }

        private bool ParseCallBody()
        {
            if (!ReadRequiredString("CALL action"))
            {
                return false;
            }

            Action = _reader.GetString();
            return ReadPayloadObject("CALL payload") && ReadEndOfFrame();
        }

        private bool ParseCallErrorBody()
        {
            if (!ReadRequiredString("CALLERROR errorCode"))
            {
                return false;
            }

            ErrorCode = _reader.GetString();

            if (!ReadRequiredString("CALLERROR errorDescription"))
            {
                return false;
            }

            ErrorDescription = _reader.GetString();
            return ReadPayloadObject("CALLERROR errorDetails") && ReadEndOfFrame();
        }

        private bool ReadRequiredString(string elementName)
        {
            _reader.Read();
            if (_reader.TokenType == JsonTokenType.EndArray)
            {
                return SetMalformed(OcppError.ProtocolError, "The " + elementName + " is missing.");
            }

            if (_reader.TokenType != JsonTokenType.String)
            {
                return SetMalformed(OcppError.FormationViolation, "The " + elementName + " is not a string.");
            }

            return true;
        }

        private bool ReadPayloadObject(string elementName)
        {
            _reader.Read();
            if (_reader.TokenType == JsonTokenType.EndArray)
            {
                return SetMalformed(OcppError.ProtocolError, "The " + elementName + " is missing.");
            }

            if (_reader.TokenType != JsonTokenType.StartObject)
            {
                return SetMalformed(OcppError.FormationViolation, "The " + elementName + " is not a JSON object.");
            }

            int start = _reader.TokenStart;
            _reader.Skip();
            PayloadOffset = start;
            PayloadCount = _reader.Position - start;
            return true;
        }

        private bool ReadEndOfFrame()
        {
            _reader.Read();
            if (_reader.TokenType != JsonTokenType.EndArray)
            {
                return SetMalformed(OcppError.FormationViolation, "The frame has more elements than its message type allows.");
            }

            if (_reader.Read())
            {
                return SetMalformed(OcppError.FormationViolation, "The frame is followed by another JSON value.");
            }

            Status = RpcFrameStatus.Valid;
            return true;
        }

        private bool SetUnreadable(string description)
        {
            Status = RpcFrameStatus.Unreadable;
            ParseErrorDescription = description;
            return false;
        }

        private bool SetMalformed(string errorCode, string description)
        {
            Status = RpcFrameStatus.Malformed;
            ParseErrorCode = errorCode;
            ParseErrorDescription = description;
            PayloadOffset = 0;
            PayloadCount = 0;
            return false;
        }
    }
}
