using KiWhi.Armoire.Protocol.Json;
using Xunit;

namespace KiWhi.Armoire.Tests.Json;

/// <summary>
/// JsonReader against System.Text.Json's Utf8JsonReader as the oracle: same tokens and values on
/// generated documents, and rejection of exactly the inputs the oracle rejects.
/// </summary>
public class JsonReaderOracleTests
{
    private const int GeneratedDocuments = 600;

    [Fact]
    public void GeneratedDocumentsMatchUtf8JsonReader()
    {
        for (int seed = 0; seed < GeneratedDocuments; seed++)
        {
            JsonTestNode root = JsonTestDocument.CreateForUtf8JsonWriter(seed);
            byte[] json = JsonTestDocument.WriteWithUtf8JsonWriter(root, indented: seed % 3 == 0, relaxedEscaping: seed % 2 == 0);
            JsonOracle.AssertSameTokens(json, offset: seed % 4);
        }
    }

    [Fact]
    public void MutatedDocumentsRejectedLikeUtf8JsonReader()
    {
        var random = new Random(20240611);
        int compared = 0;
        int rejected = 0;
        for (int seed = 0; seed < 400; seed++)
        {
            JsonTestNode root = JsonTestDocument.CreateForUtf8JsonWriter(seed);
            byte[] json = JsonTestDocument.WriteWithUtf8JsonWriter(root, indented: seed % 5 == 0, relaxedEscaping: true);
            for (int i = 0; i < 12; i++)
            {
                byte[] mutated = Mutate(json, random);
                bool expected = JsonOracle.SystemTextJsonRejects(mutated);
                bool actual = JsonOracle.JsonReaderRejects(mutated, out JsonFormatException? error);
                Assert.True(expected == actual, Describe(mutated, expected, error));
                compared++;
                rejected += actual ? 1 : 0;
            }
        }

        // The mutations must produce both outcomes, or the comparison proves little.
        Assert.InRange(rejected, compared / 4, compared - compared / 20);
    }

    [Fact]
    public void RandomBytesRejectedLikeUtf8JsonReader()
    {
        // Bytes biased towards JSON syntax, so that many inputs get past the first token.
        byte[] alphabet = JsonOracle.Latin1("{}[],:\"\\ \t\n0123456789-+.eEtrufalsn/bu\u00c3\u00a9\u00e2\u0082\u00ac\u00ed\u00a0\u0080\u00f0\u009f\u0098\u0080\u00ff\u0001");
        var random = new Random(7);
        for (int i = 0; i < 4000; i++)
        {
            var input = new byte[random.Next(0, 24)];
            for (int j = 0; j < input.Length; j++)
            {
                input[j] = random.Next(10) == 0 ? (byte)random.Next(256) : alphabet[random.Next(alphabet.Length)];
            }

            bool expected = JsonOracle.SystemTextJsonRejects(input);
            bool actual = JsonOracle.JsonReaderRejects(input, out JsonFormatException? error);
            Assert.True(expected == actual, Describe(input, expected, error));
        }
    }

    [Fact]
    public void EveryPrefixRejectedLikeUtf8JsonReader()
    {
        byte[] frame = JsonOracle.Latin1(
            "[2,\"19223201\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"04A2\\u00e9\\ud83d\\ude00\",\"meterStart\":-0.5e+3,\"timestamp\":\"2024-06-11T08:30:00Z\",\"x\":[true,false,null,{}]}]");
        for (int length = 0; length <= frame.Length; length++)
        {
            byte[] prefix = frame.AsSpan(0, length).ToArray();
            bool expected = JsonOracle.SystemTextJsonRejects(prefix);
            bool actual = JsonOracle.JsonReaderRejects(prefix, out JsonFormatException? error);
            Assert.True(expected == actual, Describe(prefix, expected, error));
        }
    }

    public static TheoryData<string, string> MalformedInputs => new()
    {
        { "empty input", "" },
        { "whitespace only", " \t\r\n" },
        { "byte order mark", "\u00ef\u00bb\u00bf{}" },
        { "trailing comma in array", "[1,]" },
        { "trailing comma in object", "{\"a\":1,}" },
        { "leading comma", "[,1]" },
        { "double comma", "[1,,2]" },
        { "missing comma", "[1 2]" },
        { "missing colon", "{\"a\" 1}" },
        { "missing value", "{\"a\":}" },
        { "unquoted name", "{a:1}" },
        { "single-quoted string", "['a']" },
        { "single-quoted name", "{'a':1}" },
        { "leading zero", "01" },
        { "negative leading zero", "-01" },
        { "leading plus", "+1" },
        { "bare minus", "-" },
        { "fraction without digits", "1." },
        { "fraction without integer", ".5" },
        { "exponent without digits", "1e" },
        { "exponent sign without digits", "1e+" },
        { "hexadecimal number", "0x10" },
        { "NaN", "NaN" },
        { "Infinity", "Infinity" },
        { "negative Infinity", "-Infinity" },
        { "line comment", "[1]//c" },
        { "block comment", "[/*c*/1]" },
        { "truncated true", "tru" },
        { "capitalized literal", "True" },
        { "unterminated string", "\"abc" },
        { "unterminated array", "[1" },
        { "unterminated object", "{\"a\":1" },
        { "unbalanced close", "[1]]" },
        { "mismatched close", "[1}" },
        { "close without open", "]" },
        { "second root value", "{} {}" },
        { "trailing garbage", "1 x" },
        { "raw tab in string", "\"a\tb\"" },
        { "raw line feed in string", "\"a\nb\"" },
        { "raw NUL in string", "\"\u0000\"" },
        { "invalid escape", "\"\\x41\"" },
        { "short \\u escape", "\"\\u12\"" },
        { "non-hex \\u escape", "\"\\u12G4\"" },
        { "lone high surrogate escape", "\"\\ud800\"" },
        { "lone low surrogate escape", "\"\\udc00\"" },
        { "high surrogate before non-surrogate escape", "\"\\ud800\\u0041\"" },
        { "reversed surrogate escapes", "\"\\ude00\\ud83d\"" },
        { "overlong slash", "\"\u00c0\u00af\"" },
        { "overlong three-byte", "\"\u00e0\u0080\u0080\"" },
        { "overlong four-byte", "\"\u00f0\u0080\u0080\u0080\"" },
        { "UTF-8 encoded surrogate", "\"\u00ed\u00a0\u0080\"" },
        { "above U+10FFFF", "\"\u00f4\u0090\u0080\u0080\"" },
        { "lone continuation byte", "\"\u0080\"" },
        { "truncated two-byte sequence", "\"\u00c3\"" },
        { "byte 0xFF", "\"\u00ff\"" },
        { "non-ASCII outside string", "[\u00c3\u00a9]" },
        { "number name", "{1:1}" },
    };

    [Theory]
    [MemberData(nameof(MalformedInputs))]
    public void MalformedInputRejectedByBoth(string name, string latin1)
    {
        byte[] input = JsonOracle.Latin1(latin1);

        Assert.True(JsonOracle.SystemTextJsonRejects(input), name + ": the oracle accepts it, so the case is wrong");
        Assert.True(JsonOracle.JsonReaderRejects(input, out _), name + ": JsonReader accepts it");
    }

    public static TheoryData<string, string> WellFormedEdgeInputs => new()
    {
        { "zero", "0" },
        { "negative zero", "-0" },
        { "exponent with plus", "1E+2" },
        { "beyond double range", "1e400" },
        { "below double range", "1e-400" },
        { "long digit string", "123456789012345678901234567890" },
        { "escaped NUL", "\"\\u0000\"" },
        { "escaped surrogate pair", "\"\\ud83d\\ude00\"" },
        { "raw DEL", "\"\u007f\"" },
        { "four-byte UTF-8", "\"\u00f0\u009f\u0098\u0080\"" },
        { "U+10FFFF", "\"\u00f4\u008f\u00bf\u00bf\"" },
        { "surrounding whitespace", " \r\n\t[ ] \r\n\t" },
        { "empty containers", "[{},[],{\"\":[]}]" },
        { "escaped slash", "\"\\/\"" },
        { "duplicate names", "{\"a\":1,\"a\":2}" },
    };

    [Theory]
    [MemberData(nameof(WellFormedEdgeInputs))]
    public void WellFormedEdgeInputMatchesOracle(string name, string latin1)
    {
        byte[] input = JsonOracle.Latin1(latin1);

        Assert.False(JsonOracle.SystemTextJsonRejects(input), name + ": the oracle rejects it, so the case is wrong");
        JsonOracle.AssertSameTokens(input);
    }

    [Fact]
    public void DepthLimitMatchesUtf8JsonReader()
    {
        string atLimit = new string('[', JsonOracle.MaxDepth) + new string(']', JsonOracle.MaxDepth);
        string overLimit = "[" + atLimit + "]";

        Assert.False(JsonOracle.SystemTextJsonRejects(JsonOracle.Latin1(atLimit)));
        Assert.False(JsonOracle.JsonReaderRejects(JsonOracle.Latin1(atLimit), out _));
        Assert.True(JsonOracle.SystemTextJsonRejects(JsonOracle.Latin1(overLimit)));
        Assert.True(JsonOracle.JsonReaderRejects(JsonOracle.Latin1(overLimit), out _));
    }

    private static byte[] Mutate(byte[] json, Random random)
    {
        byte[] junk = JsonOracle.Latin1(",:{}[]\"\\ 0-.eE\u0000\u00ff\u00c3");
        var bytes = new List<byte>(json);
        int position = random.Next(bytes.Count + 1);
        switch (random.Next(5))
        {
            case 0:
                bytes.RemoveRange(position, bytes.Count - position);
                break;
            case 1:
                if (position < bytes.Count)
                {
                    bytes[position] = (byte)(bytes[position] ^ (1 << random.Next(8)));
                }

                break;
            case 2:
                bytes.Insert(position, junk[random.Next(junk.Length)]);
                break;
            case 3:
                if (position < bytes.Count)
                {
                    bytes.RemoveAt(position);
                }

                break;
            default:
                if (position < bytes.Count)
                {
                    bytes[position] = junk[random.Next(junk.Length)];
                }

                break;
        }

        return bytes.ToArray();
    }

    private static string Describe(byte[] input, bool oracleRejects, JsonFormatException? error)
    {
        string verdict = oracleRejects ? "Utf8JsonReader rejects" : "Utf8JsonReader accepts";
        string ours = error == null ? "JsonReader accepts" : "JsonReader rejects: " + error.Message;
        return verdict + ", " + ours + ". Input: " + Convert.ToHexString(input) + " \"" + System.Text.Encoding.Latin1.GetString(input) + "\"";
    }
}
