using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using KiWhi.Armoire.Protocol.Json;
using Xunit;

namespace KiWhi.Armoire.Tests.Json;

/// <summary>Node of a JSON document built by <see cref="JsonTestDocument"/>, independent of both codecs.</summary>
internal abstract class JsonTestNode
{
}

internal sealed class JsonTestObject : JsonTestNode
{
    public List<KeyValuePair<string, JsonTestNode>> Members { get; } = new();
}

internal sealed class JsonTestArray : JsonTestNode
{
    public List<JsonTestNode> Items { get; } = new();
}

internal sealed class JsonTestString : JsonTestNode
{
    public JsonTestString(string value) => Value = value;

    public string Value { get; }
}

/// <summary>
/// A number as JSON text, with the long or double that JsonWriter writes for it. Text that neither
/// represents exactly ("1.50", "1E+2", digits beyond long) is only written by Utf8JsonWriter.WriteRawValue.
/// </summary>
internal sealed class JsonTestNumber : JsonTestNode
{
    public JsonTestNumber(string text, long? integer, double? real)
    {
        Text = text;
        Integer = integer;
        Real = real;
    }

    public string Text { get; }

    public long? Integer { get; }

    public double? Real { get; }

    public bool IsRawOnly => Integer == null && Real == null;
}

internal sealed class JsonTestLiteral : JsonTestNode
{
    public JsonTestLiteral(JsonValueKind kind) => Kind = kind;

    public JsonValueKind Kind { get; }
}

/// <summary>
/// Deterministic random JSON documents for the oracle tests: nested objects and arrays, strings with
/// escapes and characters from every UTF-8 length (astral ones included), and numbers of every shape
/// of the RFC 8259 grammar.
/// </summary>
internal sealed class JsonTestDocument
{
    private static readonly string[] Fragments =
    {
        "a", "idTag", "connectorId", "x", " ", "0123", "Ab", "\"", "\\", "/", "\b", "\f", "\n", "\r", "\t",
        "\u0000", "\u0001", "\u001f", "\u007f", "<", ">", "&", "'", "+", "é", "ß", "\u00a0", "\u07ff",
        "\u0800", "€", "中文", "\u2028", "\u2029", "\ufeff", "\uffff", "😀", "\U00010000", "\U0010FFFF",
        "Borne n°3", "Caf\u00e9", "ÉÀÇ",
    };

    private static readonly string[] RawNumberShapes =
    {
        "0", "-0", "0.0", "-0.0", "1E2", "1e+2", "1e-2", "1.5E-5", "123.4560", "0.000001",
        "12345678901234567890123", "-98765432109876543210.5", "1e308", "1.7976931348623157e308",
        "4.9e-324", "2.2250738585072014E-308", "1e-400", "1e400", "-1e400", "9223372036854775807",
        "-9223372036854775808", "9223372036854775808", "-9223372036854775809", "2147483647",
        "-2147483648", "2147483648", "0.1", "3.141592653589793238462643383279",
    };

    private readonly Random _random;
    private readonly bool _rawNumbers;
    private readonly bool _loneSurrogates;
    private readonly bool _asciiIntegersOnly;

    private JsonTestDocument(int seed, bool rawNumbers, bool loneSurrogates, bool asciiIntegersOnly = false)
    {
        _random = new Random(seed);
        _rawNumbers = rawNumbers;
        _loneSurrogates = loneSurrogates;
        _asciiIntegersOnly = asciiIntegersOnly;
    }

    /// <summary>
    /// Creates a document with ASCII strings (control characters included) and integer numbers only,
    /// the subset where JsonWriter and Utf8JsonWriter with relaxed escaping must write the same bytes.
    /// </summary>
    public static JsonTestNode CreateAsciiWithIntegers(int seed)
    {
        return new JsonTestDocument(seed, rawNumbers: false, loneSurrogates: false, asciiIntegersOnly: true).CreateRoot();
    }

    /// <summary>Creates a document whose numbers JsonWriter can write (long or double), with optional unpaired surrogates in strings.</summary>
    public static JsonTestNode CreateForJsonWriter(int seed, bool loneSurrogates)
    {
        return new JsonTestDocument(seed, rawNumbers: false, loneSurrogates).CreateRoot();
    }

    /// <summary>Creates a document that may contain raw number text of any shape, for Utf8JsonWriter.</summary>
    public static JsonTestNode CreateForUtf8JsonWriter(int seed)
    {
        return new JsonTestDocument(seed, rawNumbers: true, loneSurrogates: false).CreateRoot();
    }

    /// <summary>Writes <paramref name="root"/> with System.Text.Json's writer, with the default or the relaxed escaping.</summary>
    public static byte[] WriteWithUtf8JsonWriter(JsonTestNode root, bool indented, bool relaxedEscaping)
    {
        var options = new JsonWriterOptions
        {
            Indented = indented,
            Encoder = relaxedEscaping ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : JavaScriptEncoder.Default,
            MaxDepth = 1000,
        };
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            WriteNode(writer, root);
        }

        return stream.ToArray();
    }

    /// <summary>Writes <paramref name="root"/> with the project's writer and returns the output bytes.</summary>
    public static byte[] WriteWithJsonWriter(JsonTestNode root, int capacityBytes = 1 << 20)
    {
        var writer = new JsonWriter(capacityBytes, 64);
        WriteNode(writer, root);
        Assert.True(writer.IsComplete);
        return writer.Buffer.AsSpan(0, writer.Length).ToArray();
    }

    public static void WriteNode(JsonWriter writer, JsonTestNode node)
    {
        switch (node)
        {
            case JsonTestObject obj:
                writer.WriteStartObject();
                foreach (var member in obj.Members)
                {
                    writer.WritePropertyName(member.Key);
                    WriteNode(writer, member.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonTestArray array:
                writer.WriteStartArray();
                foreach (var item in array.Items)
                {
                    WriteNode(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonTestString text:
                writer.WriteStringValue(text.Value);
                break;
            case JsonTestNumber number when number.Integer != null:
                writer.WriteNumberValue(number.Integer.Value);
                break;
            case JsonTestNumber number when number.Real != null:
                writer.WriteNumberValue(number.Real.Value);
                break;
            case JsonTestLiteral literal when literal.Kind == JsonValueKind.Null:
                writer.WriteNullValue();
                break;
            case JsonTestLiteral literal:
                writer.WriteBooleanValue(literal.Kind == JsonValueKind.True);
                break;
            default:
                throw new InvalidOperationException("JsonWriter cannot write node " + node);
        }
    }

    private static void WriteNode(Utf8JsonWriter writer, JsonTestNode node)
    {
        switch (node)
        {
            case JsonTestObject obj:
                writer.WriteStartObject();
                foreach (var member in obj.Members)
                {
                    writer.WritePropertyName(member.Key);
                    WriteNode(writer, member.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonTestArray array:
                writer.WriteStartArray();
                foreach (var item in array.Items)
                {
                    WriteNode(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonTestString text:
                writer.WriteStringValue(text.Value);
                break;
            case JsonTestNumber number:
                writer.WriteRawValue(number.Text);
                break;
            case JsonTestLiteral literal when literal.Kind == JsonValueKind.Null:
                writer.WriteNullValue();
                break;
            case JsonTestLiteral literal:
                writer.WriteBooleanValue(literal.Kind == JsonValueKind.True);
                break;
        }
    }

    private JsonTestNode CreateRoot()
    {
        // Mostly containers, as OCPP frames are, but scalar roots too.
        return _random.Next(10) == 0 ? CreateScalar() : CreateContainer(0);
    }

    private JsonTestNode CreateValue(int depth)
    {
        if (depth < 6 && _random.Next(4) == 0)
        {
            return CreateContainer(depth);
        }

        return CreateScalar();
    }

    private JsonTestNode CreateContainer(int depth)
    {
        int count = _random.Next(7);
        if (_random.Next(2) == 0)
        {
            var obj = new JsonTestObject();
            for (int i = 0; i < count; i++)
            {
                obj.Members.Add(new KeyValuePair<string, JsonTestNode>(CreateText(), CreateValue(depth + 1)));
            }

            return obj;
        }

        var array = new JsonTestArray();
        for (int i = 0; i < count; i++)
        {
            array.Items.Add(CreateValue(depth + 1));
        }

        return array;
    }

    private JsonTestNode CreateScalar()
    {
        switch (_random.Next(8))
        {
            case 0:
            case 1:
            case 2:
                return new JsonTestString(CreateText());
            case 3:
            case 4:
                return CreateNumber();
            case 5:
                return new JsonTestLiteral(JsonValueKind.True);
            case 6:
                return new JsonTestLiteral(JsonValueKind.False);
            default:
                return new JsonTestLiteral(JsonValueKind.Null);
        }
    }

    private string CreateText()
    {
        int pieces = _random.Next(6);
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < pieces; i++)
        {
            if (_asciiIntegersOnly)
            {
                text.Append((char)_random.Next(0x7F));
                continue;
            }

            if (_loneSurrogates && _random.Next(12) == 0)
            {
                text.Append(_random.Next(2) == 0 ? '\ud83d' : '\ude00');
                continue;
            }

            if (_random.Next(3) == 0)
            {
                // Any BMP character outside the surrogate range.
                int c = _random.Next(0x10000);
                text.Append(c >= 0xD800 && c <= 0xDFFF ? 'z' : (char)c);
                continue;
            }

            text.Append(Fragments[_random.Next(Fragments.Length)]);
        }

        return text.ToString();
    }

    private JsonTestNumber CreateNumber()
    {
        // Shapes 0 and 1 are longs, 2 to 5 doubles, 6 raw text.
        int shapeCount = 6;
        if (_asciiIntegersOnly)
        {
            shapeCount = 2;
        }
        else if (_rawNumbers)
        {
            shapeCount = 7;
        }

        int shape = _random.Next(shapeCount);
        switch (shape)
        {
            case 0:
            {
                long value = _random.Next(-1000, 1000);
                return new JsonTestNumber(value.ToString(CultureInfo.InvariantCulture), value, null);
            }

            case 1:
            {
                long value = _random.NextInt64(long.MinValue, long.MaxValue);
                if (_random.Next(8) == 0)
                {
                    value = _random.Next(2) == 0 ? long.MinValue : long.MaxValue;
                }

                return new JsonTestNumber(value.ToString(CultureInfo.InvariantCulture), value, null);
            }

            case 2:
            {
                // Decimal values of the kind OCPP carries (limits in A or W with one decimal).
                double value = _random.Next(-100000, 100000) / 10.0;
                return new JsonTestNumber(value.ToString("R", CultureInfo.InvariantCulture), null, value);
            }

            case 3:
            {
                double value = BitConverter.Int64BitsToDouble(_random.NextInt64());
                if (!double.IsFinite(value))
                {
                    value = 1.5;
                }

                return new JsonTestNumber(value.ToString("R", CultureInfo.InvariantCulture), null, value);
            }

            case 4:
            {
                double value = (_random.NextDouble() - 0.5) * Math.Pow(10, _random.Next(-30, 30));
                return new JsonTestNumber(value.ToString("R", CultureInfo.InvariantCulture), null, value);
            }

            case 5:
            {
                double[] specials = { 0.0, -0.0, double.Epsilon, double.MaxValue, -double.MaxValue, 1e21, 1e-7, 1e-6, 0.1, 9007199254740993.0 };
                double value = specials[_random.Next(specials.Length)];
                return new JsonTestNumber(value.ToString("R", CultureInfo.InvariantCulture), null, value);
            }

            default:
                return new JsonTestNumber(RawNumberShapes[_random.Next(RawNumberShapes.Length)], null, null);
        }
    }
}
