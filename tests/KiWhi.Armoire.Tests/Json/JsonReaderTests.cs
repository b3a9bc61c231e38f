using System.Text;
using KiWhi.Armoire.Protocol.Json;
using Xunit;

namespace KiWhi.Armoire.Tests.Json;

public class JsonReaderTests
{
    private static JsonReader Open(string json, int maxDepth = 16)
    {
        var reader = new JsonReader(maxDepth);
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        reader.Reset(bytes, 0, bytes.Length);
        return reader;
    }

    private static JsonFormatException ReadAll(string json, int maxDepth = 16)
    {
        var reader = new JsonReader(maxDepth);
        byte[] bytes = JsonOracle.Latin1(json);
        reader.Reset(bytes, 0, bytes.Length);
        return Assert.Throws<JsonFormatException>(() =>
        {
            while (reader.Read())
            {
            }
        });
    }

    [Fact]
    public void CallFrameTokens()
    {
        JsonReader reader = Open("[2, \"42\", \"Heartbeat\", {}]");

        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.StartArray, reader.TokenType);
        Assert.True(reader.Read());
        Assert.True(reader.TryGetInt32(out int messageType));
        Assert.Equal(2, messageType);
        Assert.True(reader.Read());
        Assert.True(reader.ValueEquals("42"));
        Assert.True(reader.Read());
        Assert.Equal("Heartbeat", reader.GetString());
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.StartObject, reader.TokenType);
        Assert.Equal(1, reader.Depth);
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.EndArray, reader.TokenType);
        Assert.Equal(0, reader.Depth);
        Assert.False(reader.Read());
        Assert.False(reader.Read());
    }

    [Fact]
    public void PositionsIndexTheGivenArray()
    {
        byte[] buffer = Encoding.UTF8.GetBytes("xx{\"a\":\"b\"}yy");
        var reader = new JsonReader(4);
        reader.Reset(buffer, 2, 9);

        Assert.True(reader.Read());
        Assert.Equal(2, reader.TokenStart);
        Assert.Equal(3, reader.Position);
        Assert.True(reader.Read());
        Assert.Equal(3, reader.TokenStart);
        Assert.Equal(6, reader.Position);
        Assert.True(reader.Read());
        Assert.Equal(7, reader.TokenStart);
        Assert.Equal(10, reader.Position);
        Assert.True(reader.Read());
        Assert.Equal(11, reader.Position);
        Assert.False(reader.Read());
    }

    [Fact]
    public void ErrorPositionIndexesTheGivenArray()
    {
        byte[] buffer = Encoding.UTF8.GetBytes("[[[1,]]]");
        var reader = new JsonReader(4);
        reader.Reset(buffer, 2, 4);

        Assert.True(reader.Read());
        Assert.True(reader.Read());
        JsonFormatException error = Assert.Throws<JsonFormatException>(() => reader.Read());

        Assert.Equal(5, error.Position);
        Assert.Contains("trailing comma", error.Message);
    }

    public static TheoryData<string, int, string> ErrorCases => new()
    {
        { "", 0, "no JSON value" },
        { "[1,]", 3, "trailing comma" },
        { "{\"a\":1,}", 7, "trailing comma" },
        { "01", 1, "leading zero" },
        { "[1 2]", 3, "expected ',' or ']'" },
        { "{\"a\" 1}", 5, "expected ':'" },
        { "\"ab", 3, "unterminated string" },
        { "[1", 2, "unterminated array" },
        { "1 x", 2, "end of the input after the root value" },
        { "\"a\u0001\"", 2, "control character 0x01" },
        { "\"\u00c0\u00af\"", 1, "invalid UTF-8" },
        { "\"\\ud800\"", 1, "high surrogate" },
        { "\"\\udc00\"", 1, "low surrogate" },
        { "\"\\q\"", 1, "invalid escape sequence" },
        { "nul", 3, "expected 'null'" },
        { "[1}", 2, "mismatched '}'" },
        { "NaN", 0, "expected a value, found 'N'" },
        { "-", 1, "expected a digit after '-'" },
    };

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void ErrorNamesPositionAndCause(string latin1, int position, string cause)
    {
        JsonFormatException error = ReadAll(latin1);

        Assert.Equal(position, error.Position);
        Assert.Contains(cause, error.Message);
        Assert.StartsWith("Invalid JSON at byte " + position + ": ", error.Message);
    }

    [Fact]
    public void DepthLimitCountsOpenContainers()
    {
        JsonReader accepted = Open("[[1]]", maxDepth: 2);
        while (accepted.Read())
        {
        }

        JsonFormatException error = ReadAll("[[[1]]]", maxDepth: 2);

        Assert.Equal(2, error.Position);
        Assert.Contains("maximum depth of 2", error.Message);
    }

    [Fact]
    public void SkipFromPropertyNameSkipsItsValue()
    {
        JsonReader reader = Open("{\"a\":{\"b\":[1,{\"c\":2}]},\"d\":3}");
        reader.Read();
        reader.Read();

        reader.Skip();

        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.Equal(1, reader.Depth);
        Assert.True(reader.Read());
        Assert.True(reader.ValueEquals("d"));
    }

    [Fact]
    public void SkipFromPropertyNameSkipsScalar()
    {
        JsonReader reader = Open("{\"a\":\"x\",\"d\":3}");
        reader.Read();
        reader.Read();

        reader.Skip();

        Assert.Equal(JsonTokenType.String, reader.TokenType);
        Assert.True(reader.Read());
        Assert.True(reader.ValueEquals("d"));
    }

    [Fact]
    public void SkipFromStartArrayReachesMatchingEnd()
    {
        JsonReader reader = Open("[[1,[2]],[3]]");
        reader.Read();
        reader.Read();

        reader.Skip();

        Assert.Equal(JsonTokenType.EndArray, reader.TokenType);
        Assert.Equal(1, reader.Depth);
        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.StartArray, reader.TokenType);
    }

    [Fact]
    public void SkipOfRootCompletesDocument()
    {
        JsonReader reader = Open("{\"a\":[1,2]}");
        reader.Read();

        reader.Skip();

        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        Assert.False(reader.Read());
    }

    [Fact]
    public void SkipOnScalarDoesNothing()
    {
        JsonReader reader = Open("[1,2]");
        reader.Read();
        reader.Read();

        reader.Skip();

        Assert.Equal(JsonTokenType.Number, reader.TokenType);
        Assert.Equal(2, reader.Position);
    }

    [Fact]
    public void SkipStillRejectsMalformedValue()
    {
        JsonReader reader = Open("{\"a\":[1,]}");
        reader.Read();
        reader.Read();

        Assert.Throws<JsonFormatException>(() => reader.Skip());
    }

    [Theory]
    [InlineData("\"Accepted\"", "Accepted", true)]
    [InlineData("\"Accepted\"", "Accepte", false)]
    [InlineData("\"Accepted\"", "Acceptee", false)]
    [InlineData("\"\\u0041ccepted\"", "Accepted", true)]
    [InlineData("\"\\\"q\\\\\\/\\b\\f\\n\\r\\t\"", "\"q\\/\b\f\n\r\t", true)]
    [InlineData("\"caf\\u00e9\"", "café", true)]
    [InlineData("\"café\"", "café", true)]
    [InlineData("\"café\"", "cafe", false)]
    [InlineData("\"\\ud83d\\ude00\"", "😀", true)]
    [InlineData("\"😀\"", "😀", true)]
    [InlineData("\"😀\"", "😁", false)]
    [InlineData("\"\"", "", true)]
    public void ValueEqualsComparesUnescapedText(string json, string text, bool expected)
    {
        JsonReader reader = Open(json);
        reader.Read();

        Assert.Equal(expected, reader.ValueEquals(text));
    }

    [Fact]
    public void ValueEqualsNullIsFalse()
    {
        JsonReader reader = Open("\"\"");
        reader.Read();

        Assert.False(reader.ValueEquals(null!));
    }

    [Fact]
    public void ValueEqualsAllocatesNothing()
    {
        byte[] json = Encoding.UTF8.GetBytes("[\"Borne n°3 \\u00e9 😀\",\"plain ASCII text\"]");
        var reader = new JsonReader(4);
        reader.Reset(json, 0, json.Length);
        reader.Read();
        reader.Read();
        reader.ValueEquals("warm up");

        long before = GC.GetAllocatedBytesForCurrentThread();
        bool escaped = reader.ValueEquals("Borne n°3 é 😀");
        reader.Read();
        bool ascii = reader.ValueEquals("plain ASCII text");
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(escaped);
        Assert.True(ascii);
        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData("\"\"", 0)]
    [InlineData("\"abc\"", 3)]
    [InlineData("\"caf\u00e9\"", 4)]
    [InlineData("\"\\u00e9\\n\"", 2)]
    [InlineData("\"😀\"", 2)]
    [InlineData("\"\\ud83d\\ude00\"", 2)]
    [InlineData("\"中文\"", 2)]
    public void StringLengthCountsUtf16Units(string json, int expected)
    {
        JsonReader reader = Open(json);
        reader.Read();

        Assert.Equal(expected, reader.GetStringLength());
    }

    [Theory]
    [InlineData("0", true, 0)]
    [InlineData("-0", true, 0)]
    [InlineData("2147483647", true, int.MaxValue)]
    [InlineData("-2147483648", true, int.MinValue)]
    [InlineData("2147483648", false, 0)]
    [InlineData("-2147483649", false, 0)]
    [InlineData("1.0", false, 0)]
    [InlineData("1e2", false, 0)]
    [InlineData("1E0", false, 0)]
    public void TryGetInt32Boundaries(string json, bool expected, int value)
    {
        JsonReader reader = Open(json);
        reader.Read();

        Assert.Equal(expected, reader.TryGetInt32(out int actual));
        Assert.Equal(value, actual);
    }

    [Theory]
    [InlineData("9223372036854775807", true, long.MaxValue)]
    [InlineData("-9223372036854775808", true, long.MinValue)]
    [InlineData("9223372036854775808", false, 0L)]
    [InlineData("-9223372036854775809", false, 0L)]
    [InlineData("99999999999999999999", false, 0L)]
    [InlineData("1.5", false, 0L)]
    [InlineData("1546300800", true, 1546300800L)]
    public void TryGetInt64Boundaries(string json, bool expected, long value)
    {
        JsonReader reader = Open(json);
        reader.Read();

        Assert.Equal(expected, reader.TryGetInt64(out long actual));
        Assert.Equal(value, actual);
    }

    [Fact]
    public void TryGetDoubleBeyondRangeIsFalse()
    {
        JsonReader reader = Open("[1e309,-1e309,1e-400,-1e-400]");
        reader.Read();

        reader.Read();
        Assert.False(reader.TryGetDouble(out _));
        reader.Read();
        Assert.False(reader.TryGetDouble(out _));
        reader.Read();
        Assert.True(reader.TryGetDouble(out double positiveTiny));
        Assert.Equal(0.0, positiveTiny);
        reader.Read();
        Assert.True(reader.TryGetDouble(out double negativeTiny));
        Assert.True(double.IsNegative(negativeTiny));
    }

    [Fact]
    public void AccessorOnWrongTokenThrowsInvalidOperation()
    {
        JsonReader reader = Open("[1,\"a\"]");
        reader.Read();

        InvalidOperationException onArray = Assert.Throws<InvalidOperationException>(() => reader.GetString());
        reader.Read();
        Assert.Throws<InvalidOperationException>(() => reader.ValueEquals("1"));
        Assert.Throws<InvalidOperationException>(() => reader.GetStringLength());
        reader.Read();
        InvalidOperationException onString = Assert.Throws<InvalidOperationException>(() => reader.TryGetInt64(out _));

        Assert.Contains("StartArray", onArray.Message);
        Assert.Contains("String", onString.Message);
    }

    [Fact]
    public void ReadBeforeResetThrowsInvalidOperation()
    {
        var reader = new JsonReader(4);

        Assert.Throws<InvalidOperationException>(() => reader.Read());
    }

    [Fact]
    public void ReadAfterFormatErrorThrowsInvalidOperation()
    {
        JsonReader reader = Open("[1,,2]");
        reader.Read();
        reader.Read();
        Assert.Throws<JsonFormatException>(() => reader.Read());

        var error = Assert.Throws<InvalidOperationException>(() => reader.Read());

        Assert.Contains("Call Reset", error.Message);
    }

    [Fact]
    public void ResetRejectsRangeOutsideArray()
    {
        var reader = new JsonReader(4);

        Assert.Throws<ArgumentNullException>(() => reader.Reset(null!, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.Reset(new byte[4], 3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.Reset(new byte[4], -1, 1));
    }

    [Fact]
    public void ResetStartsNewDocument()
    {
        var reader = new JsonReader(4);
        byte[] first = Encoding.UTF8.GetBytes("[1,");
        reader.Reset(first, 0, first.Length);
        reader.Read();
        reader.Read();
        Assert.Throws<JsonFormatException>(() => reader.Read());

        byte[] second = Encoding.UTF8.GetBytes("true");
        reader.Reset(second, 0, second.Length);

        Assert.True(reader.Read());
        Assert.Equal(JsonTokenType.True, reader.TokenType);
        Assert.Equal(0, reader.Depth);
        Assert.False(reader.Read());
    }

    [Fact]
    public void ReadAllocatesNothing()
    {
        byte[] json = Encoding.UTF8.GetBytes(
            "[2,\"a1\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"2024-06-11T08:30:00Z\",\"sampledValue\":[{\"value\":\"1234.5\",\"unit\":\"Wh\"}]}],\"x\":[true,false,null,-1.5e3,\"caf\\u00e9 😀\"]}]");
        var reader = new JsonReader(8);
        ReadToEnd(reader, json);

        long before = GC.GetAllocatedBytesForCurrentThread();
        ReadToEnd(reader, json);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    private static void ReadToEnd(JsonReader reader, byte[] json)
    {
        reader.Reset(json, 0, json.Length);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.Number)
            {
                reader.TryGetInt64(out _);
                reader.TryGetDouble(out _);
            }
        }
    }
}
