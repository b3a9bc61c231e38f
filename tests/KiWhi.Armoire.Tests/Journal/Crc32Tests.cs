using System.Text;
using KiWhi.Armoire.Firmware.Journal;

namespace KiWhi.Armoire.Tests.Journal;

public sealed class Crc32Tests
{
    // "123456789" → 0xCBF43926 is the check value of CRC-32/ISO-HDLC in the catalogue of parametrised
    // CRC algorithms (reveng.sourceforge.io/crc-catalogue); all three values agree with zlib's crc32.
    [Theory]
    [InlineData("123456789", 0xCBF43926u)]
    [InlineData("", 0x00000000u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
    public void Crc32_MatchesCatalogueCheckValues(string text, uint expected)
    {
        byte[] bytes = Encoding.ASCII.GetBytes(text);

        Assert.Equal(expected, Crc32.Compute(bytes, 0, bytes.Length));
    }

    [Fact]
    public void Crc32_CoversOnlyTheGivenRange()
    {
        byte[] bytes = Encoding.ASCII.GetBytes("xx123456789yy");

        Assert.Equal(0xCBF43926u, Crc32.Compute(bytes, 2, 9));
    }

    [Fact]
    public void Crc32_DetectsEverySingleBitFlip()
    {
        byte[] bytes = Encoding.ASCII.GetBytes("StartTransaction record");
        uint reference = Crc32.Compute(bytes, 0, bytes.Length);

        for (int bit = 0; bit < bytes.Length * 8; bit++)
        {
            bytes[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.NotEqual(reference, Crc32.Compute(bytes, 0, bytes.Length));
            bytes[bit / 8] ^= (byte)(1 << (bit % 8));
        }
    }
}
