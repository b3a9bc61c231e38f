using KiWhi.Armoire.Protocol.Json;
using nanoFramework.TestFramework;

namespace KiWhi.Armoire.Tests.Device
{
    /// <summary>
    /// Round trips through the firmware's JSON codec on nanoCLR itself, where number formatting and
    /// string handling come from the device's mscorlib, not from .NET.
    /// TODO: grow with OCPP frame, CRC_A and 3DES vectors once those components exist on the device.
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
    }
}
