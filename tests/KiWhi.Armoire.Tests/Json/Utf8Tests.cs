using System.Buffers;
using System.Text;
using KiWhi.Armoire.Protocol.Json;
using Xunit;

namespace KiWhi.Armoire.Tests.Json;

/// <summary>Utf8 against the .NET runtime: Rune.DecodeFromUtf8 for validity, Encoding.UTF8 for encoding.</summary>
public class Utf8Tests
{
    [Fact]
    public void DecodeScalarAcceptsExactlyWellFormedSequences()
    {
        var random = new Random(99);
        var sequence = new byte[4];
        for (int i = 0; i < 200000; i++)
        {
            int length = 1 + (i % 4);
            sequence[0] = (byte)random.Next(0x80, 0x100);
            for (int j = 1; j < length; j++)
            {
                // Mostly continuation bytes, so that long sequences are often well-formed.
                sequence[j] = random.Next(4) == 0 ? (byte)random.Next(256) : (byte)random.Next(0x80, 0xC0);
            }

            int decodedLength = Utf8.DecodeScalar(sequence, 0, length, out int scalar);

            bool expectedValid = TryDecodeOneScalar(sequence, length, out int expectedScalar);
            Assert.True(expectedValid == (decodedLength == length), Convert.ToHexString(sequence, 0, length));
            if (expectedValid)
            {
                Assert.Equal(expectedScalar, scalar);
            }
        }
    }

    [Theory]
    [InlineData("C0AF")]
    [InlineData("E08080")]
    [InlineData("F0808080")]
    [InlineData("EDA080")]
    [InlineData("EDBFBF")]
    [InlineData("F4908080")]
    [InlineData("F5808080")]
    [InlineData("80")]
    [InlineData("C3")]
    [InlineData("E282")]
    [InlineData("FF")]
    public void DecodeScalarRejectsIllFormed(string hex)
    {
        byte[] bytes = Convert.FromHexString(hex);

        Assert.Equal(0, Utf8.DecodeScalar(bytes, 0, bytes.Length, out _));
    }

    [Fact]
    public void GetStringReplacesIllFormedBytes()
    {
        byte[] bytes = Convert.FromHexString("41C3A9FF42F09F9880C3");

        Assert.Equal("Aé\uFFFDB😀\uFFFD", Utf8.GetString(bytes, 0, bytes.Length));
    }

    [Fact]
    public void EncodingMatchesUtf8Encoding()
    {
        var random = new Random(12);
        var buffer = new byte[256];
        for (int i = 0; i < 5000; i++)
        {
            var text = new StringBuilder();
            int length = random.Next(20);
            for (int j = 0; j < length; j++)
            {
                // All of UTF-16, unpaired surrogates included: both encoders write them as U+FFFD.
                text.Append(random.Next(8) == 0 ? "😀" : ((char)random.Next(0x10000)).ToString());
            }

            string value = text.ToString();
            byte[] expected = Encoding.UTF8.GetBytes(value);

            Assert.Equal(expected.Length, Utf8.GetByteCount(value));
            int written = Utf8.GetBytes(value, buffer, 3);
            Assert.Equal(expected, buffer.AsSpan(3, written).ToArray());
            Assert.Equal(Encoding.UTF8.GetString(expected), Utf8.GetString(buffer, 3, written));
        }
    }

    [Fact]
    public void GetBytesRejectsTooSmallDestination()
    {
        var destination = new byte[4];

        Assert.Throws<ArgumentException>(() => Utf8.GetBytes("é€", destination, 0));
        Assert.Equal(new byte[4], destination);
    }

    private static bool TryDecodeOneScalar(byte[] sequence, int length, out int scalar)
    {
        OperationStatus status = Rune.DecodeFromUtf8(sequence.AsSpan(0, length), out Rune rune, out int consumed);
        scalar = rune.Value;
        return status == OperationStatus.Done && consumed == length;
    }
}
