using System.Text;
using KiWhi.Armoire.Protocol.Json;
using KiWhi.Armoire.Protocol.Ocpp;
using Xunit;

namespace KiWhi.Armoire.Tests.Ocpp
{
    /// <summary>Parsing of OCPP-J 1.6 frames (§4): valid envelopes and a table of malformed ones.</summary>
    public class RpcFrameTests
    {
        private static readonly string Id36 = new string('a', 36);
        private static readonly string Id37 = new string('b', 37);

        [Fact]
        public void CallIsValid()
        {
            const string payload = "{\"chargePointVendor\": \"VendorX\", \"chargePointModel\": \"SingleSocketCharger\"}";
            RpcFrame frame = Parse("[2, \"19223201\", \"BootNotification\", " + payload + "]");

            Assert.Equal(RpcFrameStatus.Valid, frame.Status);
            Assert.Equal(RpcMessageType.Call, frame.MessageType);
            Assert.Equal("19223201", frame.MessageId);
            Assert.Equal("BootNotification", frame.Action);
            Assert.Null(frame.ErrorCode);
            Assert.Null(frame.ParseErrorCode);
            Assert.Null(frame.ParseErrorDescription);
            Assert.False(frame.RequiresCallError);
            Assert.Equal(payload, PayloadText(frame));
        }

        [Fact]
        public void CallResultIsValid()
        {
            const string payload = "{\"currentTime\":\"2013-02-01T20:53:32.486Z\",\"interval\":300,\"status\":\"Accepted\"}";
            RpcFrame frame = Parse("[3,\"19223201\"," + payload + "]");

            Assert.Equal(RpcFrameStatus.Valid, frame.Status);
            Assert.Equal(RpcMessageType.CallResult, frame.MessageType);
            Assert.Equal("19223201", frame.MessageId);
            Assert.Null(frame.Action);
            Assert.Equal(payload, PayloadText(frame));
        }

        [Fact]
        public void CallErrorIsValid()
        {
            const string details = "{\"reason\":{\"nested\":[1,2]}}";
            RpcFrame frame = Parse("[4,\"162376037\",\"NotSupported\",\"Action not supported\"," + details + "]");

            Assert.Equal(RpcFrameStatus.Valid, frame.Status);
            Assert.Equal(RpcMessageType.CallError, frame.MessageType);
            Assert.Equal("162376037", frame.MessageId);
            Assert.Equal("NotSupported", frame.ErrorCode);
            Assert.Equal("Action not supported", frame.ErrorDescription);
            Assert.Equal(details, PayloadText(frame));
        }

        [Theory]
        [InlineData("FormatViolation")]
        [InlineData("RpcFrameworkError")]
        [InlineData("OccurrenceConstraintViolation")]
        [InlineData("")]
        public void CallErrorKeepsAnyErrorCode(string errorCode)
        {
            RpcFrame frame = Parse("[4,\"x\",\"" + errorCode + "\",\"\",{}]");

            Assert.Equal(RpcFrameStatus.Valid, frame.Status);
            Assert.Equal(errorCode, frame.ErrorCode);
        }

        [Fact]
        public void MessageIdOf36CharactersIsValid()
        {
            RpcFrame frame = Parse("[2,\"" + Id36 + "\",\"Heartbeat\",{}]");

            Assert.Equal(RpcFrameStatus.Valid, frame.Status);
            Assert.Equal(Id36, frame.MessageId);
        }

        [Fact]
        public void EscapedTextIsUnescaped()
        {
            RpcFrame frame = Parse("[2,\"\\u0069d\\\"1\",\"Data\\/Transfer\",{}]");

            Assert.Equal(RpcFrameStatus.Valid, frame.Status);
            Assert.Equal("id\"1", frame.MessageId);
            Assert.Equal("Data/Transfer", frame.Action);
        }

        [Fact]
        public void PayloadOffsetCountsFromBufferStart()
        {
            byte[] bytes = Encoding.UTF8.GetBytes("xxxx[3,\"m\",{\"a\":1}]yyyy");
            var frame = new RpcFrame(new JsonReader(OcppJson.MaxDepth));

            Assert.True(frame.Parse(bytes, 4, bytes.Length - 8));
            Assert.Equal(11, frame.PayloadOffset);
            Assert.Equal(7, frame.PayloadCount);
            Assert.Same(bytes, frame.Buffer);
        }

        [Fact]
        public void ResetToPayloadFeedsAConfirmationReader()
        {
            var reader = new JsonReader(OcppJson.MaxDepth);
            var frame = new RpcFrame(reader);
            byte[] bytes = Encoding.UTF8.GetBytes("[3,\"19223201\",{\"currentTime\":\"2013-02-01T20:53:32.486Z\",\"interval\":300,\"status\":\"Accepted\"}]");
            var confirmation = new BootNotificationConfirmation();

            Assert.True(frame.Parse(bytes, 0, bytes.Length));
            frame.ResetToPayload(reader);
            confirmation.Read(reader);

            Assert.Equal(RegistrationStatus.Accepted, confirmation.Status);
            Assert.Equal(300, confirmation.Interval);
            Assert.Equal(new DateTime(2013, 2, 1, 20, 53, 32, 486, DateTimeKind.Utc), confirmation.CurrentTime);
        }

        [Fact]
        public void ResetToPayloadRejectsInvalidFrame()
        {
            var reader = new JsonReader(OcppJson.MaxDepth);
            var frame = new RpcFrame(reader);
            byte[] bytes = Encoding.UTF8.GetBytes("[2,\"id\",\"Heartbeat\"]");
            frame.Parse(bytes, 0, bytes.Length);

            Assert.Throws<InvalidOperationException>(() => frame.ResetToPayload(reader));
        }

        [Fact]
        public void ParseClearsThePreviousFrame()
        {
            var frame = new RpcFrame(new JsonReader(OcppJson.MaxDepth));
            byte[] first = Encoding.UTF8.GetBytes("[4,\"one\",\"GenericError\",\"text\",{}]");
            byte[] second = Encoding.UTF8.GetBytes("{}");

            frame.Parse(first, 0, first.Length);
            frame.Parse(second, 0, second.Length);

            Assert.Equal(RpcFrameStatus.Unreadable, frame.Status);
            Assert.Equal(RpcMessageType.None, frame.MessageType);
            Assert.Null(frame.MessageId);
            Assert.Null(frame.ErrorCode);
            Assert.Null(frame.ErrorDescription);
            Assert.Equal(0, frame.PayloadCount);
        }

        [Theory]
        [InlineData("[5,\"id\",{}]", 5)]
        [InlineData("[0]", 0)]
        [InlineData("[-1,\"id\"]", -1)]
        [InlineData("[6,\"id\",}", 6)]
        [InlineData("[1,\"id\",\"Heartbeat\",{}]", 1)]
        public void UnknownMessageTypeIsIgnored(string json, int messageType)
        {
            RpcFrame frame = Parse(json);

            Assert.Equal(RpcFrameStatus.UnknownMessageType, frame.Status);
            Assert.Equal((RpcMessageType)messageType, frame.MessageType);
            Assert.False(frame.RequiresCallError);
        }

        [Theory]
        [InlineData("[2.5,\"id\",\"Heartbeat\",{}]")]
        [InlineData("[99999999999,\"id\"]")]
        [InlineData("[2e0,\"id\",\"Heartbeat\",{}]")]
        public void NonIntegerMessageTypeIsIgnored(string json)
        {
            RpcFrame frame = Parse(json);

            Assert.Equal(RpcFrameStatus.UnknownMessageType, frame.Status);
            Assert.Equal(RpcMessageType.None, frame.MessageType);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("not json")]
        [InlineData("{}")]
        [InlineData("\"[2,\\\"id\\\",\\\"Heartbeat\\\",{}]\"")]
        [InlineData("2")]
        [InlineData("null")]
        [InlineData("[]")]
        [InlineData("[\"2\",\"id\",\"Heartbeat\",{}]")]
        [InlineData("[true,\"id\",\"Heartbeat\",{}]")]
        [InlineData("[[2],\"id\",\"Heartbeat\",{}]")]
        [InlineData("[2]")]
        [InlineData("[2,17,\"Heartbeat\",{}]")]
        [InlineData("[2,null,\"Heartbeat\",{}]")]
        [InlineData("[2,{\"id\":1},\"Heartbeat\",{}]")]
        [InlineData("[2,")]
        [InlineData("[2,\"id")]
        [InlineData("[2,'id','Heartbeat',{}]")]
        [InlineData("[02,\"id\",\"Heartbeat\",{}]")]
        [InlineData("[2,\"i\u0001d\",\"Heartbeat\",{}]")]
        public void FrameWithoutReadableIdIsUnreadable(string json)
        {
            RpcFrame frame = Parse(json);

            Assert.Equal(RpcFrameStatus.Unreadable, frame.Status);
            Assert.Null(frame.MessageId);
            Assert.False(frame.RequiresCallError);
            Assert.NotNull(frame.ParseErrorDescription);
        }

        [Fact]
        public void InvalidUtf8BeforeIdIsUnreadable()
        {
            byte[] bytes = { (byte)'[', (byte)'2', (byte)',', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)']' };
            var frame = new RpcFrame(new JsonReader(OcppJson.MaxDepth));

            Assert.False(frame.Parse(bytes, 0, bytes.Length));
            Assert.Equal(RpcFrameStatus.Unreadable, frame.Status);
        }

        public static TheoryData<string, RpcMessageType, string> MalformedFrames()
        {
            string deepPayload = "{\"a\":" + new string('[', 20) + new string(']', 20) + "}";
            return new TheoryData<string, RpcMessageType, string>
            {
                // CALL: an element missing at the end of the array.
                { "[2,\"id\"]", RpcMessageType.Call, OcppError.ProtocolError },
                { "[2,\"id\",\"Heartbeat\"]", RpcMessageType.Call, OcppError.ProtocolError },

                // CALL: elements of the wrong JSON type.
                { "[2,\"id\",5,{}]", RpcMessageType.Call, OcppError.FormationViolation },
                { "[2,\"id\",null,{}]", RpcMessageType.Call, OcppError.FormationViolation },
                { "[2,\"id\",{},{}]", RpcMessageType.Call, OcppError.FormationViolation },
                { "[2,\"id\",\"Heartbeat\",[]]", RpcMessageType.Call, OcppError.FormationViolation },
                { "[2,\"id\",\"Heartbeat\",\"{}\"]", RpcMessageType.Call, OcppError.FormationViolation },
                { "[2,\"id\",\"Heartbeat\",null]", RpcMessageType.Call, OcppError.FormationViolation },
                { "[2,\"id\",\"Heartbeat\",0]", RpcMessageType.Call, OcppError.FormationViolation },

                // CALL: too many elements or content after the frame.
                { "[2,\"id\",\"Heartbeat\",{},{}]", RpcMessageType.Call, OcppError.FormationViolation },
                { "[2,\"id\",\"Heartbeat\",{},null]", RpcMessageType.Call, OcppError.FormationViolation },
                { "[2,\"id\",\"Heartbeat\",{}] x", RpcMessageType.Call, OcppError.FormationViolation },
                { "[2,\"id\",\"Heartbeat\",{}][]", RpcMessageType.Call, OcppError.FormationViolation },

                // CALL: invalid JSON after the messageId.
                { "[2,\"id\",\"Heartbeat\",{}", RpcMessageType.Call, OcppError.FormationViolation },
                { "[2,\"id\",\"Heartbeat\",{\"a\":tru}]", RpcMessageType.Call, OcppError.FormationViolation },
                { "[2,\"id\",\"Heartbeat\",{\"a\":1,}]", RpcMessageType.Call, OcppError.FormationViolation },
                { "[2,\"id\",\"Heartbeat\" {}]", RpcMessageType.Call, OcppError.FormationViolation },
                { "[2,\"id\",\"Heartbeat\",{},]", RpcMessageType.Call, OcppError.FormationViolation },
                { "[2,\"id\",\"Heartbeat\"," + deepPayload + "]", RpcMessageType.Call, OcppError.FormationViolation },

                // CALL: messageId longer than 36 characters.
                { "[2,\"" + Id37 + "\",\"Heartbeat\",{}]", RpcMessageType.Call, OcppError.FormationViolation },

                // CALLRESULT.
                { "[3,\"id\"]", RpcMessageType.CallResult, OcppError.ProtocolError },
                { "[3,\"id\",[]]", RpcMessageType.CallResult, OcppError.FormationViolation },
                { "[3,\"id\",\"Accepted\"]", RpcMessageType.CallResult, OcppError.FormationViolation },
                { "[3,\"id\",{},1]", RpcMessageType.CallResult, OcppError.FormationViolation },
                { "[3,\"id\",{\"a\":]", RpcMessageType.CallResult, OcppError.FormationViolation },

                // CALLERROR.
                { "[4,\"id\"]", RpcMessageType.CallError, OcppError.ProtocolError },
                { "[4,\"id\",\"GenericError\"]", RpcMessageType.CallError, OcppError.ProtocolError },
                { "[4,\"id\",\"GenericError\",\"text\"]", RpcMessageType.CallError, OcppError.ProtocolError },
                { "[4,\"id\",1,\"text\",{}]", RpcMessageType.CallError, OcppError.FormationViolation },
                { "[4,\"id\",\"GenericError\",null,{}]", RpcMessageType.CallError, OcppError.FormationViolation },
                { "[4,\"id\",\"GenericError\",\"text\",[]]", RpcMessageType.CallError, OcppError.FormationViolation },
                { "[4,\"id\",\"GenericError\",\"text\",{},{}]", RpcMessageType.CallError, OcppError.FormationViolation },
            };
        }

        [Theory]
        [MemberData(nameof(MalformedFrames))]
        public void MalformedFrameReportsErrorCode(string json, RpcMessageType messageType, string errorCode)
        {
            RpcFrame frame = Parse(json);

            Assert.Equal(RpcFrameStatus.Malformed, frame.Status);
            Assert.Equal(messageType, frame.MessageType);
            Assert.Equal(errorCode, frame.ParseErrorCode);
            Assert.NotNull(frame.MessageId);
            Assert.False(string.IsNullOrEmpty(frame.ParseErrorDescription));
            Assert.Equal(messageType == RpcMessageType.Call, frame.RequiresCallError);
        }

        [Fact]
        public void OverlongMessageIdKeptForReply()
        {
            RpcFrame frame = Parse("[2,\"" + Id37 + "\",\"Heartbeat\",{}]");

            Assert.Equal(Id37, frame.MessageId);
            Assert.True(frame.RequiresCallError);
        }

        [Fact]
        public void ParseRejectsRangeOutsideBuffer()
        {
            var frame = new RpcFrame(new JsonReader(OcppJson.MaxDepth));

            Assert.Throws<ArgumentOutOfRangeException>(() => frame.Parse(new byte[4], 2, 3));
            Assert.Throws<ArgumentNullException>(() => frame.Parse(null!, 0, 0));
        }

        [Fact]
        public void MutatedFramesNeverThrow()
        {
            string[] seeds =
            {
                "[2,\"19223201\",\"BootNotification\",{\"chargePointVendor\":\"VendorX\",\"chargePointModel\":\"Model\"}]",
                "[3,\"19223201\",{\"idTagInfo\":{\"status\":\"Accepted\",\"expiryDate\":\"2030-01-01T00:00:00Z\"},\"transactionId\":7}]",
                "[4,\"19223201\",\"GenericError\",\"text \\u00e9\",{\"a\":[1,2.5e3,null,true]}]",
            };
            byte[] alphabet = Encoding.ASCII.GetBytes("[]{}\",:\\ 0123456789-+.eEtrufalsn2345xyz");
            var random = new Random(20240229);
            var frame = new RpcFrame(new JsonReader(8));

            for (int i = 0; i < 30000; i++)
            {
                byte[] bytes = Encoding.UTF8.GetBytes(seeds[i % seeds.Length]);
                int edits = 1 + random.Next(4);
                for (int e = 0; e < edits; e++)
                {
                    int position = random.Next(bytes.Length);
                    bytes[position] = random.Next(4) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
                }

                int count = random.Next(8) == 0 ? random.Next(bytes.Length + 1) : bytes.Length;

                frame.Parse(bytes, 0, count);

                Assert.NotEqual(RpcFrameStatus.None, frame.Status);
                if (frame.Status == RpcFrameStatus.Malformed)
                {
                    Assert.NotNull(frame.MessageId);
                    Assert.NotNull(frame.ParseErrorCode);
                }
            }
        }

        private static RpcFrame Parse(string json)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(json);
            var frame = new RpcFrame(new JsonReader(OcppJson.MaxDepth));
            bool valid = frame.Parse(bytes, 0, bytes.Length);
            Assert.Equal(frame.Status == RpcFrameStatus.Valid, valid);
            return frame;
        }

        private static string PayloadText(RpcFrame frame)
        {
            return Encoding.UTF8.GetString(frame.Buffer, frame.PayloadOffset, frame.PayloadCount);
        }
    }
}
