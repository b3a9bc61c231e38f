using System.Text.Json;
using KiWhi.Armoire.Protocol.Json;
using Stj = System.Text.Json;
using Xunit;

namespace KiWhi.Armoire.Tests.Json;

/// <summary>
/// Compares <see cref="JsonReader"/> with System.Text.Json's Utf8JsonReader (default options: no
/// comments, no trailing commas, maximum depth 64) on the same bytes.
/// </summary>
internal static class JsonOracle
{
    public const int MaxDepth = 64;

    /// <summary>Returns the bytes of <paramref name="text"/> with each char taken as one byte (ISO 8859-1), for hand-written invalid UTF-8.</summary>
    public static byte[] Latin1(string text) => System.Text.Encoding.Latin1.GetBytes(text);

    /// <summary>
    /// Returns whether System.Text.Json rejects the document: Utf8JsonReader.Read throws, or GetString
    /// throws on a string or property name. Utf8JsonReader checks UTF-8 and \u surrogate pairs only in
    /// GetString, where JsonReader checks them in Read.
    /// </summary>
    public static bool SystemTextJsonRejects(byte[] json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
            while (reader.Read())
            {
                if (reader.TokenType == Stj.JsonTokenType.String || reader.TokenType == Stj.JsonTokenType.PropertyName)
                {
                    reader.GetString();
                }
            }

            return false;
        }
        catch (JsonException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    /// <summary>
    /// Reads every token with <see cref="JsonReader"/> and calls every accessor that applies, and returns
    /// whether it threw <see cref="JsonFormatException"/>. Any other exception escapes to fail the test.
    /// </summary>
    public static bool JsonReaderRejects(byte[] json, out JsonFormatException? error)
    {
        error = null;
        var reader = new JsonReader(MaxDepth);
        reader.Reset(json, 0, json.Length);
        try
        {
            while (reader.Read())
            {
                Assert.InRange(reader.TokenStart, 0, json.Length - 1);
                Assert.InRange(reader.Position, reader.TokenStart + 1, json.Length);
                switch (reader.TokenType)
                {
                    case KiWhi.Armoire.Protocol.Json.JsonTokenType.String:
                    case KiWhi.Armoire.Protocol.Json.JsonTokenType.PropertyName:
                        string text = reader.GetString();
                        Assert.Equal(text.Length, reader.GetStringLength());
                        Assert.True(reader.ValueEquals(text));
                        break;
                    case KiWhi.Armoire.Protocol.Json.JsonTokenType.Number:
                        reader.TryGetInt32(out _);
                        reader.TryGetInt64(out _);
                        reader.TryGetDouble(out _);
                        break;
                }
            }

            Assert.False(reader.Read());
            return false;
        }
        catch (JsonFormatException e)
        {
            Assert.InRange(e.Position, 0, json.Length);
            Assert.Contains("byte " + e.Position, e.Message);
            error = e;
            return true;
        }
    }

    /// <summary>
    /// Asserts that JsonReader, reading <paramref name="json"/> placed at <paramref name="offset"/> of a
    /// larger array, returns the same tokens, depths, start offsets and values as Utf8JsonReader.
    /// </summary>
    public static void AssertSameTokens(byte[] json, int offset = 0)
    {
        var buffer = new byte[offset + json.Length + 3];
        buffer.AsSpan(0, offset).Fill((byte)'[');
        json.CopyTo(buffer, offset);
        buffer.AsSpan(offset + json.Length).Fill((byte)'}');

        var expected = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = MaxDepth });
        var actual = new JsonReader(MaxDepth);
        actual.Reset(buffer, offset, json.Length);

        while (expected.Read())
        {
            Assert.True(actual.Read(), "JsonReader ended before token " + expected.TokenType + " at " + expected.TokenStartIndex);
            Assert.Equal(MapTokenType(expected.TokenType), actual.TokenType);
            Assert.Equal(expected.CurrentDepth, actual.Depth);
            Assert.Equal(offset + (int)expected.TokenStartIndex, actual.TokenStart);

            switch (expected.TokenType)
            {
                case Stj.JsonTokenType.String:
                case Stj.JsonTokenType.PropertyName:
                    AssertSameString(expected.GetString()!, actual);
                    break;
                case Stj.JsonTokenType.Number:
                    AssertSameNumber(ref expected, actual);
                    break;
            }
        }

        Assert.False(actual.Read());
    }

    public static KiWhi.Armoire.Protocol.Json.JsonTokenType MapTokenType(Stj.JsonTokenType tokenType)
    {
        return tokenType switch
        {
            Stj.JsonTokenType.StartObject => KiWhi.Armoire.Protocol.Json.JsonTokenType.StartObject,
            Stj.JsonTokenType.EndObject => KiWhi.Armoire.Protocol.Json.JsonTokenType.EndObject,
            Stj.JsonTokenType.StartArray => KiWhi.Armoire.Protocol.Json.JsonTokenType.StartArray,
            Stj.JsonTokenType.EndArray => KiWhi.Armoire.Protocol.Json.JsonTokenType.EndArray,
            Stj.JsonTokenType.PropertyName => KiWhi.Armoire.Protocol.Json.JsonTokenType.PropertyName,
            Stj.JsonTokenType.String => KiWhi.Armoire.Protocol.Json.JsonTokenType.String,
            Stj.JsonTokenType.Number => KiWhi.Armoire.Protocol.Json.JsonTokenType.Number,
            Stj.JsonTokenType.True => KiWhi.Armoire.Protocol.Json.JsonTokenType.True,
            Stj.JsonTokenType.False => KiWhi.Armoire.Protocol.Json.JsonTokenType.False,
            Stj.JsonTokenType.Null => KiWhi.Armoire.Protocol.Json.JsonTokenType.Null,
            _ => throw new ArgumentOutOfRangeException(nameof(tokenType), tokenType, "Utf8JsonReader token without a JsonReader counterpart."),
        };
    }

    /// <summary>Returns the distance in units in the last place between two finite doubles of the same sign.</summary>
    public static long UlpDistance(double a, double b)
    {
        long aBits = BitConverter.DoubleToInt64Bits(a);
        long bBits = BitConverter.DoubleToInt64Bits(b);
        if ((aBits < 0) != (bBits < 0))
        {
            return a == b ? 0 : long.MaxValue;
        }

        return Math.Abs(aBits - bBits);
    }

    private static void AssertSameString(string expected, JsonReader actual)
    {
        Assert.Equal(expected, actual.GetString());
        Assert.Equal(expected.Length, actual.GetStringLength());
        Assert.True(actual.ValueEquals(expected));
        Assert.False(actual.ValueEquals(expected + "x"));
        if (expected.Length > 0)
        {
            string changedLast = expected.Substring(0, expected.Length - 1) + (char)(expected[^1] ^ 1);
            Assert.False(actual.ValueEquals(changedLast));
        }
    }

    private static void AssertSameNumber(ref Utf8JsonReader expected, JsonReader actual)
    {
        bool expectedInt32 = expected.TryGetInt32(out int expectedInt32Value);
        Assert.Equal(expectedInt32, actual.TryGetInt32(out int actualInt32Value));
        Assert.Equal(expectedInt32Value, actualInt32Value);

        bool expectedInt64 = expected.TryGetInt64(out long expectedInt64Value);
        Assert.Equal(expectedInt64, actual.TryGetInt64(out long actualInt64Value));
        Assert.Equal(expectedInt64Value, actualInt64Value);

        Assert.True(expected.TryGetDouble(out double expectedDouble));
        bool actualParsed = actual.TryGetDouble(out double actualDouble);
        if (double.IsInfinity(expectedDouble))
        {
            // Justified difference: Utf8JsonReader (.NET 10) returns true with an infinity for a
            // number beyond double.MaxValue, JsonReader returns false because no finite double represents it.
            Assert.False(actualParsed);
            return;
        }

        Assert.True(actualParsed);
        Assert.True(UlpDistance(expectedDouble, actualDouble) <= 1, "Number " + expectedDouble.ToString("R") + " read as " + actualDouble.ToString("R"));
    }
}
