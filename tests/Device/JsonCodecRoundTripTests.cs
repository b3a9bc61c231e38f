using System;
using KiWhi.Armoire.Protocol.Json;
using KiWhi.Armoire.Protocol.Ocpp;
using nanoFramework.TestFramework;

namespace KiWhi.Armoire.Tests.Device
{
    /// <summary>
    /// Round trips through the firmware's JSON codec on nanoCLR itself, where number formatting and
    /// string handling come from the device's mscorlib, not from .NET: a CALL frame, 64-bit numbers,
    /// escaped and non-ASCII strings, and a BootNotification CALL and CALLRESULT through protocol/Ocpp.
    /// The 3DES, CMAC and Ultralight C vectors are in CryptoVectorTests and UltralightCAuthenticationTests.
    /// </summary>
    [TestClass]
    public class JsonCodecRoundTripTests
    {
        [TestMethod]
        public void CallFrameRoundTrip()
        {
            JsonWriter writer = new JsonWriter(256, 8);
            writer.WriteStartArray();
            writer.WriteNumberValue(2);
            writer.WriteStringValue("19223201");
            writer.WriteStringValue("Authorize");
            writer.WriteStartObject();
            writer.WriteString("idTag", "04A1B2C3D4E580");
            writer.WriteEndObject();
            writer.WriteEndArray();

            JsonReader reader = new JsonReader(8);
            reader.Reset(writer.Buffer, 0, writer.Length);

            Assert.IsTrue(reader.Read());
            Assert.AreEqual((int)JsonTokenType.StartArray, (int)reader.TokenType);
            Assert.IsTrue(reader.Read());
            int messageType;
            Assert.IsTrue(reader.TryGetInt32(out messageType));
            Assert.AreEqual(2, messageType);
            Assert.IsTrue(reader.Read());
            Assert.AreEqual("19223201", reader.GetString());
            Assert.IsTrue(reader.Read());
            Assert.IsTrue(reader.ValueEquals("Authorize"));
            Assert.IsTrue(reader.Read());
            Assert.AreEqual((int)JsonTokenType.StartObject, (int)reader.TokenType);
            Assert.IsTrue(reader.Read());
            Assert.IsTrue(reader.ValueEquals("idTag"));
            Assert.IsTrue(reader.Read());
            Assert.AreEqual("04A1B2C3D4E580", reader.GetString());
        }

        [TestMethod]
        public void NumbersRoundTrip()
        {
            long[] values = new long[] { 0, -1, 2147483648, -9223372036854775807, 9223372036854775807 };
            JsonWriter writer = new JsonWriter(256, 4);
            writer.WriteStartArray();
            for (int i = 0; i < values.Length; i++)
            {
                writer.WriteNumberValue(values[i]);
            }

            writer.WriteEndArray();

            JsonReader reader = new JsonReader(4);
            reader.Reset(writer.Buffer, 0, writer.Length);
            Assert.IsTrue(reader.Read());
            for (int i = 0; i < values.Length; i++)
            {
                long read;
                Assert.IsTrue(reader.Read());
                Assert.IsTrue(reader.TryGetInt64(out read));
                Assert.AreEqual(values[i], read);
            }
        }

        [TestMethod]
        public void EscapedStringRoundTrip()
        {
            string text = "Borne \"3\"\\\n\u00e9t\u00e9 \u20ac";
            JsonWriter writer = new JsonWriter(128, 2);
            writer.WriteStringValue(text);

            JsonReader reader = new JsonReader(2);
            reader.Reset(writer.Buffer, 0, writer.Length);

            Assert.IsTrue(reader.Read());
            Assert.AreEqual(text, reader.GetString());
            Assert.AreEqual(text.Length, reader.GetStringLength());
            Assert.IsTrue(reader.ValueEquals(text));
        }

        // BootNotification.req (OCPP 1.6 §4.2) in a CALL frame (OCPP-J 1.6 §4.2.1): the fields in the
        // order the request writes them, optional fields left null not written.
        [TestMethod]
        public void BootNotificationCallIsWritten()
        {
            BootNotificationRequest request = new BootNotificationRequest();
            request.ChargePointVendor = "KiWhi";
            request.ChargePointModel = "Armoire-8";
            request.FirmwareVersion = "1.0.0";
            JsonWriter writer = new JsonWriter(512, 8);

            RpcFrameWriter.BeginCall(writer, "19223201", BootNotificationRequest.Action);
            request.Write(writer);
            RpcFrameWriter.EndFrame(writer);

            Assert.AreEqual(
                "[2,\"19223201\",\"BootNotification\",{\"chargePointVendor\":\"KiWhi\",\"chargePointModel\":\"Armoire-8\",\"firmwareVersion\":\"1.0.0\"}]",
                Utf8.GetString(writer.Buffer, 0, writer.Length));
        }

        // BootNotification.conf (OCPP 1.6 §4.2) in a CALLRESULT frame (OCPP-J 1.6 §4.2.2).
        [TestMethod]
        public void BootNotificationCallResultIsRead()
        {
            byte[] frameBytes = Utf8Bytes("[3,\"19223201\",{\"status\":\"Accepted\",\"currentTime\":\"2024-01-01T12:30:45Z\",\"interval\":300}]");
            JsonReader reader = new JsonReader(8);
            RpcFrame frame = new RpcFrame(reader);

            Assert.IsTrue(frame.Parse(frameBytes, 0, frameBytes.Length), frame.ParseErrorDescription);
            Assert.AreEqual((int)RpcMessageType.CallResult, (int)frame.MessageType);
            Assert.AreEqual("19223201", frame.MessageId);

            BootNotificationConfirmation confirmation = new BootNotificationConfirmation();
            frame.ResetToPayload(reader);
            confirmation.Read(reader);

            Assert.AreEqual((int)RegistrationStatus.Accepted, (int)confirmation.Status);
            Assert.AreEqual(new DateTime(2024, 1, 1, 12, 30, 45).Ticks, confirmation.CurrentTime.Ticks);
            Assert.AreEqual(300, confirmation.Interval);
        }

        private static byte[] Utf8Bytes(string text)
        {
            byte[] bytes = new byte[Utf8.GetByteCount(text)];
            Utf8.GetBytes(text, bytes, 0);
            return bytes;
        }
    }
}
