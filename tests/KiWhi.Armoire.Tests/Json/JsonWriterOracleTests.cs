using System.Globalization;
using System.Text.Json;
using KiWhi.Armoire.Protocol.Json;
using Xunit;

namespace KiWhi.Armoire.Tests.Json;

/// <summary>
/// JsonWriter output parsed by System.Text.Json's JsonDocument as the oracle, and compared byte for
/// byte with Utf8JsonWriter where both must agree.
/// </summary>
public class JsonWriterOracleTests
{
    [Fact]
    public void GeneratedDocumentsParseBackWithJsonDocument()
    {
        for (int seed = 0; seed < 600; seed++)
        {
            JsonTestNode root = JsonTestDocument.CreateForJsonWriter(seed, loneSurrogates: seed % 4 == 0);
            byte[] json = JsonTestDocument.WriteWithJsonWriter(root);

            using JsonDocument document = JsonDocument.Parse(json);
            AssertSameNode(root, document.RootElement, "$");
        }
    }

    [Fact]
    public void GeneratedDocumentsReadBackWithJsonReader()
    {
        for (int seed = 0; seed < 200; seed++)
        {
            JsonTestNode root = JsonTestDocument.CreateForJsonWriter(seed, loneSurrogates: false);
            byte[] json = JsonTestDocument.WriteWithJsonWriter(root);

            JsonOracle.AssertSameTokens(json);
        }
    }

    [Fact]
    public void AsciiDocumentsMatchUtf8JsonWriterBytes()
    {
        for (int seed = 0; seed < 300; seed++)
        {
            JsonTestNode root = JsonTestDocument.CreateAsciiWithIntegers(seed);

            byte[] expected = JsonTestDocument.WriteWithUtf8JsonWriter(root, indented: false, relaxedEscaping: true);
            byte[] actual = JsonTestDocument.WriteWithJsonWriter(root);

            Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(actual));
        }
    }

    [Fact]
    public void GeneratedDocumentsFitExactCapacity()
    {
        for (int seed = 0; seed < 300; seed++)
        {
            JsonTestNode root = JsonTestDocument.CreateForJsonWriter(seed, loneSurrogates: seed % 3 == 0);
            byte[] expected = JsonTestDocument.WriteWithJsonWriter(root);
            if (expected.Length == 1)
            {
                continue;
            }

            // Near the capacity the writer measures each string exactly instead of bounding it.
            byte[] exact = JsonTestDocument.WriteWithJsonWriter(root, capacityBytes: expected.Length);
            var tooSmall = new JsonWriter(expected.Length - 1, 64);
            var error = Assert.Throws<InvalidOperationException>(() => JsonTestDocument.WriteNode(tooSmall, root));

            Assert.Equal(expected, exact);
            Assert.Contains("capacity of " + (expected.Length - 1) + " bytes", error.Message);
            Assert.Equal(expected.AsSpan(0, tooSmall.Length).ToArray(), tooSmall.Buffer.AsSpan(0, tooSmall.Length).ToArray());
        }
    }

    private static void AssertSameNode(JsonTestNode expected, JsonElement actual, string path)
    {
        switch (expected)
        {
            case JsonTestObject obj:
                Assert.Equal(JsonValueKind.Object, actual.ValueKind);
                var properties = actual.EnumerateObject().ToList();
                Assert.Equal(obj.Members.Count, properties.Count);
                for (int i = 0; i < properties.Count; i++)
                {
                    Assert.Equal(ReplaceLoneSurrogates(obj.Members[i].Key), properties[i].Name);
                    AssertSameNode(obj.Members[i].Value, properties[i].Value, path + "." + properties[i].Name);
                }

                break;

            case JsonTestArray array:
                Assert.Equal(JsonValueKind.Array, actual.ValueKind);
                Assert.Equal(array.Items.Count, actual.GetArrayLength());
                int index = 0;
                foreach (JsonElement item in actual.EnumerateArray())
                {
                    AssertSameNode(array.Items[index], item, path + "[" + index + "]");
                    index++;
                }

                break;

            case JsonTestString text:
                Assert.Equal(JsonValueKind.String, actual.ValueKind);
                Assert.Equal(ReplaceLoneSurrogates(text.Value), actual.GetString());
                break;

            case JsonTestNumber number when number.Integer != null:
                Assert.Equal(JsonValueKind.Number, actual.ValueKind);
                Assert.Equal(number.Integer.Value.ToString(CultureInfo.InvariantCulture), actual.GetRawText());
                break;

            case JsonTestNumber number:
                Assert.Equal(JsonValueKind.Number, actual.ValueKind);
                double value = number.Real!.Value;
                double parsed = actual.GetDouble();
                Assert.True(
                    value == parsed && (value != 0 || !double.IsNegative(parsed)),
                    path + ": " + value.ToString("R", CultureInfo.InvariantCulture) + " written as " + actual.GetRawText());
                break;

            case JsonTestLiteral literal:
                Assert.Equal(literal.Kind, actual.ValueKind);
                break;
        }
    }

    /// <summary>Returns the text JsonWriter must produce: every unpaired surrogate becomes U+FFFD.</summary>
    private static string ReplaceLoneSurrogates(string text)
    {
        var result = new char[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result[i] = c;
                result[i + 1] = text[i + 1];
                i++;
            }
            else
            {
                result[i] = char.IsSurrogate(c) ? '\uFFFD' : c;
            }
        }

        return new string(result);
    }
}
