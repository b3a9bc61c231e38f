using System.Text;
using KiWhi.Armoire.Protocol.Json;
using KiWhi.Armoire.Protocol.Ocpp;
using Xunit;

namespace KiWhi.Armoire.Tests.Ocpp
{
    /// <summary>Frames written for the central system (OCPP-J 1.6 §4.2).</summary>
    public class RpcFrameWriterTests
    {
        [Fact]
        public void CallFrameWrapsPayload()
        {
            string json = OcppJson.Write(writer =>
            {
                RpcFrameWriter.BeginCall(writer, "m-1", HeartbeatRequest.Action);
                new HeartbeatRequest().Write(writer);
                RpcFrameWriter.EndFrame(writer);
            });

            Assert.Equal("[2,\"m-1\",\"Heartbeat\",{}]", json);
        }

        [Fact]
        public void CallResultFrameWrapsPayload()
        {
            string json = OcppJson.Write(writer =>
            {
                RpcFrameWriter.BeginCallResult(writer, "server-7");
                writer.WriteStartObject();
                writer.WriteString("status", "Accepted");
                writer.WriteEndObject();
                RpcFrameWriter.EndFrame(writer);
            });

            Assert.Equal("[3,\"server-7\",{\"status\":\"Accepted\"}]", json);
        }

        [Fact]
        public void CallErrorWritesEmptyDescriptionAndDetails()
        {
            string json = OcppJson.Write(writer => RpcFrameWriter.WriteCallError(writer, "abc", OcppError.NotImplemented, null));

            Assert.Equal("[4,\"abc\",\"NotImplemented\",\"\",{}]", json);
        }

        [Fact]
        public void CallErrorEscapesDescription()
        {
            string json = OcppJson.Write(writer =>
                RpcFrameWriter.WriteCallError(writer, "abc", OcppError.FormationViolation, "bad \"payload\"\n"));

            Assert.Equal("[4,\"abc\",\"FormationViolation\",\"bad \\\"payload\\\"\\n\",{}]", json);
        }

        [Fact]
        public void BeginCallResetsTheWriter()
        {
            var writer = new JsonWriter(256, 4);
            writer.WriteStartArray();
            writer.WriteNumberValue(1);

            RpcFrameWriter.BeginCall(writer, "m-2", "Authorize");
            writer.WriteStartObject();
            writer.WriteEndObject();
            RpcFrameWriter.EndFrame(writer);

            Assert.Equal("[2,\"m-2\",\"Authorize\",{}]", Encoding.UTF8.GetString(writer.Buffer, 0, writer.Length));
        }

        [Fact]
        public void BeginCallAccepts36CharacterId()
        {
            string id = new string('x', RpcFrame.MaxMessageIdLength);

            string json = OcppJson.Write(writer => RpcFrameWriter.BeginCall(writer, id, "Heartbeat"));

            Assert.StartsWith("[2,\"" + id + "\"", json);
        }

        [Theory]
        [InlineData("")]
        [InlineData("0123456789012345678901234567890123456")]
        public void BeginCallRejectsInvalidId(string messageId)
        {
            var writer = new JsonWriter(256, 4);

            Assert.Throws<ArgumentException>(() => RpcFrameWriter.BeginCall(writer, messageId, "Heartbeat"));
            Assert.Equal(0, writer.Length);
        }

        [Fact]
        public void BeginCallRejectsNullId()
        {
            var writer = new JsonWriter(256, 4);

            Assert.Throws<ArgumentNullException>(() => RpcFrameWriter.BeginCall(writer, null!, "Heartbeat"));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        public void BeginCallRejectsEmptyAction(string? action)
        {
            var writer = new JsonWriter(256, 4);

            Assert.Throws<ArgumentException>(() => RpcFrameWriter.BeginCall(writer, "id", action!));
        }

        [Fact]
        public void CallErrorRejectsEmptyCode()
        {
            var writer = new JsonWriter(256, 4);

            Assert.Throws<ArgumentException>(() => RpcFrameWriter.WriteCallError(writer, "id", "", "text"));
        }

        [Fact]
        public void CallErrorEchoesOverlongIdOfMalformedCall()
        {
            string id = new string('q', 40);

            string json = OcppJson.Write(writer => RpcFrameWriter.WriteCallError(writer, id, OcppError.FormationViolation, ""));

            Assert.Equal("[4,\"" + id + "\",\"FormationViolation\",\"\",{}]", json);
        }

        [Fact]
        public void WrittenFramesParseBack()
        {
            var reader = new JsonReader(OcppJson.MaxDepth);
            var frame = new RpcFrame(reader);
            var writer = new JsonWriter(512, 8);

            RpcFrameWriter.BeginCall(writer, "é-ü-1", "Authorize");
            var request = new AuthorizeRequest { IdTag = "04A2B3C4D5E6F7" };
            request.Write(writer);
            RpcFrameWriter.EndFrame(writer);
            frame.Parse(writer.Buffer, 0, writer.Length);

            Assert.Equal(RpcFrameStatus.Valid, frame.Status);
            Assert.Equal(RpcMessageType.Call, frame.MessageType);
            Assert.Equal("é-ü-1", frame.MessageId);
            Assert.Equal("Authorize", frame.Action);
            Assert.Equal("{\"idTag\":\"04A2B3C4D5E6F7\"}", Encoding.UTF8.GetString(frame.Buffer, frame.PayloadOffset, frame.PayloadCount));

            RpcFrameWriter.WriteCallError(writer, "e1", OcppError.GenericError, "text");
            frame.Parse(writer.Buffer, 0, writer.Length);

            Assert.Equal(RpcFrameStatus.Valid, frame.Status);
            Assert.Equal("GenericError", frame.ErrorCode);
            Assert.Equal("text", frame.ErrorDescription);
        }
    }
}
