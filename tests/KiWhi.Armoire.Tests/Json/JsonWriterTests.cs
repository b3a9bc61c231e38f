using System.Text;
using KiWhi.Armoire.Protocol.Json;
using Xunit;

namespace KiWhi.Armoire.Tests.Json;

public class JsonWriterTests
{
    private static string Text(JsonWriter writer) => Encoding.UTF8.GetString(writer.Buffer, 0, writer.Length);

    [Fact]
    public void CallFrameLayout()
    {
        var writer = new JsonWriter(256, 4);

        writer.WriteStartArray();
        writer.WriteNumberValue(2);
        writer.WriteStringValue("19223201");
        writer.WriteStringValue("BootNotification");
        writer.WriteStartObject();
        writer.WriteString("chargePointVendor", "KiWhi");
        writer.WriteNumber("connectorId", 1);
        writer.WriteBoolean("ok", true);
        writer.WriteNull("none");
        writer.WriteStartArray("list");
        writer.WriteEndArray();
        writer.WriteStartObject("empty");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();

        Assert.Equal(
            "[2,\"19223201\",\"BootNotification\",{\"chargePointVendor\":\"KiWhi\",\"connectorId\":1,\"ok\":true,\"none\":null,\"list\":[],\"empty\":{}}]",
            Text(writer));
        Assert.True(writer.IsComplete);
        Assert.Equal(0, writer.CurrentDepth);
    }

    [Fact]
    public void EscapesQuoteBackslashAndControls()
    {
        var writer = new JsonWriter(128, 1);

        writer.WriteStringValue("\"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f ");

        Assert.Equal("\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u0001\\u001F\u007f \"", Text(writer));
    }

    [Fact]
    public void EscapesPropertyNames()
    {
        var writer = new JsonWriter(64, 1);

        writer.WriteStartObject();
        writer.WriteNumber("a\"b\n", 1);
        writer.WriteEndObject();

        Assert.Equal("{\"a\\\"b\\n\":1}", Text(writer));
    }

    [Fact]
    public void NonAsciiPassesThroughAsUtf8()
    {
        var writer = new JsonWriter(64, 1);
        string text = "é€中😀\U0010FFFF\u2028";

        writer.WriteStringValue(text);

        Assert.Equal(Encoding.UTF8.GetBytes("\"" + text + "\""), writer.Buffer.AsSpan(0, writer.Length).ToArray());
    }

    [Fact]
    public void LoneSurrogateWrittenAsReplacementCharacter()
    {
        // A table in code: xunit would store attribute strings as UTF-8 and lose the lone surrogates.
        string[,] cases =
        {
            { "\ud800", "\"\uFFFD\"" },
            { "\udc00", "\"\uFFFD\"" },
            { "a\ud83d", "\"a\uFFFD\"" },
            { "\ude00\ud83d", "\"\uFFFD\uFFFD\"" },
            { "\ud83d\ud83d\ude00", "\"\uFFFD😀\"" },
        };

        for (int i = 0; i < cases.GetLength(0); i++)
        {
            var writer = new JsonWriter(64, 1);

            writer.WriteStringValue(cases[i, 0]);

            Assert.Equal(cases[i, 1], Text(writer));
            Assert.Equal(Encoding.UTF8.GetByteCount(cases[i, 1]), writer.Length);
        }
    }

    [Fact]
    public void CharArrayValueMatchesStringValue()
    {
        char[] chars = "xx2024-06-11T08:30:00Z \"é😀\nyy".ToCharArray();
        var fromChars = new JsonWriter(64, 1);
        var fromString = new JsonWriter(64, 1);

        fromChars.WriteStringValue(chars, 2, chars.Length - 4);
        fromString.WriteStringValue(new string(chars, 2, chars.Length - 4));

        Assert.Equal(Text(fromString), Text(fromChars));
    }

    [Fact]
    public void CharArrayRangeIsChecked()
    {
        var writer = new JsonWriter(64, 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.WriteStringValue(new char[4], 3, 2));
        Assert.Throws<ArgumentNullException>(() => writer.WriteStringValue(null!, 0, 0));
        Assert.Equal(0, writer.Length);
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(-1L, "-1")]
    [InlineData(1546300800L, "1546300800")]
    [InlineData(long.MaxValue, "9223372036854775807")]
    [InlineData(long.MinValue, "-9223372036854775808")]
    public void LongWrittenInInvariantDigits(long value, string expected)
    {
        var writer = new JsonWriter(32, 1);

        writer.WriteNumberValue(value);

        Assert.Equal(expected, Text(writer));
    }

    // ECMAScript's Number.prototype.toString gives "0" for negative zero too. It is a case of its own
    // because xunit's analyzer takes InlineData(-0.0) for a duplicate of InlineData(0.0).
    [Fact]
    public void NegativeZeroWrittenAsZero()
    {
        var writer = new JsonWriter(32, 1);

        writer.WriteNumberValue(-0.0);

        Assert.Equal("0", Text(writer));
    }

    // Expected texts are what ECMAScript's Number.prototype.toString returns for the same values.
    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(1.0, "1")]
    [InlineData(-1.5, "-1.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(32.5, "32.5")]
    [InlineData(123.456, "123.456")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(1.2345678901234568e20, "123456789012345680000")]
    [InlineData(1e21, "1e+21")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(0.000001, "0.000001")]
    [InlineData(0.0000015, "0.0000015")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(9007199254740992.0, "9007199254740992")]
    [InlineData(9007199254740994.0, "9007199254740994")]
    [InlineData(4.35, "4.35")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(2.2250738585072014e-308, "2.2250738585072014e-308")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(-123456.789e-30, "-1.23456789e-25")]
    public void DoubleWrittenInEcmaScriptForm(double value, string expected)
    {
        var writer = new JsonWriter(64, 1);

        writer.WriteNumberValue(value);

        Assert.Equal(expected, Text(writer));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteDoubleRejected(double value)
    {
        var writer = new JsonWriter(64, 2);
        writer.WriteStartObject();
        int lengthBefore = writer.Length;

        Assert.Throws<ArgumentException>(() => writer.WriteNumber("limit", value));
        Assert.Equal(lengthBefore, writer.Length);

        writer.WriteNumber("limit", 16.0);
        writer.WriteEndObject();
        Assert.Equal("{\"limit\":16}", Text(writer));
    }

    [Fact]
    public void NullStringRejected()
    {
        var writer = new JsonWriter(64, 2);
        writer.WriteStartObject();

        Assert.Throws<ArgumentNullException>(() => writer.WriteString("idTag", null!));
        Assert.Throws<ArgumentNullException>(() => writer.WritePropertyName(null!));
        Assert.Equal(1, writer.Length);
    }

    public static TheoryData<string, Action<JsonWriter>, Action<JsonWriter>> StructureErrors => new()
    {
        { "property name at root", w => { }, w => w.WritePropertyName("a") },
        { "property name in array", w => w.WriteStartArray(), w => w.WritePropertyName("a") },
        { "value in object without name", w => w.WriteStartObject(), w => w.WriteNumberValue(1) },
        { "start array in object without name", w => w.WriteStartObject(), w => w.WriteStartArray() },
        { "two names in a row", w => { w.WriteStartObject(); w.WritePropertyName("a"); }, w => w.WritePropertyName("b") },
        { "end object after name", w => { w.WriteStartObject(); w.WritePropertyName("a"); }, w => w.WriteEndObject() },
        { "end object in array", w => w.WriteStartArray(), w => w.WriteEndObject() },
        { "end array in object", w => w.WriteStartObject(), w => w.WriteEndArray() },
        { "end without start", w => { }, w => w.WriteEndArray() },
        { "second root value", w => w.WriteNumberValue(1), w => w.WriteNumberValue(2) },
        { "second root container", w => { w.WriteStartArray(); w.WriteEndArray(); }, w => w.WriteStartArray() },
        { "nesting beyond maximum depth", w => { w.WriteStartArray(); w.WriteStartArray(); w.WriteStartArray(); }, w => w.WriteStartArray() },
    };

    [Theory]
    [MemberData(nameof(StructureErrors))]
    public void StructureErrorThrowsAndWritesNothing(string name, Action<JsonWriter> setUp, Action<JsonWriter> write)
    {
        var writer = new JsonWriter(64, 3);
        setUp(writer);
        string before = Text(writer);

        var error = Assert.Throws<InvalidOperationException>(() => write(writer));

        Assert.StartsWith("Cannot ", error.Message);
        Assert.True(before == Text(writer), name + " changed the output");
    }

    [Fact]
    public void CapacityOverflowNamesCapacity()
    {
        var writer = new JsonWriter(10, 2);
        writer.WriteStartArray();
        writer.WriteStringValue("1234");

        var error = Assert.Throws<InvalidOperationException>(() => writer.WriteStringValue("5"));

        Assert.Contains("capacity of 10 bytes", error.Message);
        Assert.Equal("[\"1234\"", Text(writer));
    }

    [Fact]
    public void ValueOverflowRemovesName()
    {
        var writer = new JsonWriter(16, 2);
        writer.WriteStartObject();
        writer.WriteNumber("a", 1);

        Assert.Throws<InvalidOperationException>(() => writer.WriteString("b", "too long to fit"));
        Assert.Equal("{\"a\":1", Text(writer));

        writer.WriteNumber("c", 2);
        writer.WriteEndObject();
        Assert.Equal("{\"a\":1,\"c\":2}", Text(writer));
    }

    [Fact]
    public void NestedStartOverflowRemovesName()
    {
        var writer = new JsonWriter(64, 1);
        writer.WriteStartObject();

        Assert.Throws<InvalidOperationException>(() => writer.WriteStartArray("list"));
        writer.WriteEndObject();

        Assert.Equal("{}", Text(writer));
    }

    [Fact]
    public void ExactCapacityFits()
    {
        var writer = new JsonWriter(9, 1);

        writer.WriteStartArray();
        writer.WriteStringValue("é");
        writer.WriteNumberValue(12);
        writer.WriteEndArray();

        Assert.Equal("[\"é\",12]", Text(writer));
        Assert.Equal(9, writer.Length);
    }

    [Fact]
    public void ResetStartsNewDocument()
    {
        var writer = new JsonWriter(32, 2);
        writer.WriteStartObject();
        writer.WritePropertyName("a");

        writer.Reset();
        writer.WriteBooleanValue(false);

        Assert.Equal("false", Text(writer));
        Assert.Equal("false", writer.ToString());
    }

    [Fact]
    public void ToStringDecodesOutput()
    {
        var writer = new JsonWriter(32, 1);

        writer.WriteStringValue("café 😀");

        Assert.Equal("\"café 😀\"", writer.ToString());
    }

    [Fact]
    public void WritingAllocatesNothing()
    {
        var writer = new JsonWriter(512, 4);
        char[] timestamp = "2024-06-11T08:30:00Z".ToCharArray();
        WriteMeterValues(writer, timestamp);

        long before = GC.GetAllocatedBytesForCurrentThread();
        WriteMeterValues(writer, timestamp);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ConstructorRejectsNonPositiveSizes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new JsonWriter(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new JsonWriter(16, 0));
    }

    private static void WriteMeterValues(JsonWriter writer, char[] timestamp)
    {
        writer.Reset();
        writer.WriteStartArray();
        writer.WriteNumberValue(2);
        writer.WriteStringValue("a1");
        writer.WriteStringValue("MeterValues");
        writer.WriteStartObject();
        writer.WriteNumber("connectorId", 1);
        writer.WriteNumber("transactionId", 1546300800);
        writer.WriteStartArray("meterValue");
        writer.WriteStartObject();
        writer.WritePropertyName("timestamp");
        writer.WriteStringValue(timestamp, 0, timestamp.Length);
        writer.WriteNumber("limit", 32.5);
        writer.WriteString("value", "Borne n°3 😀");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }
}
