using KiWhi.Armoire.Protocol.Iso14443;
using Xunit;
using static KiWhi.Armoire.Tests.Card.CardTestSupport;

namespace KiWhi.Armoire.Tests.Card
{
    public class CrcATests
    {
        // ISO/IEC 14443-3 Annex B examples (00 00 and 12 34) and the HLTA frame 50 00; the last two are
        // frames of Ultralight traces (READ 00h, AUTHENTICATE part 1).
        [Theory]
        [InlineData("0000", "A01E")]
        [InlineData("1234", "26CF")]
        [InlineData("5000", "57CD")]
        [InlineData("3000", "02A8")]
        [InlineData("1A00", "4176")]
        public void KnownFrames(string frame, string crcOnAir)
        {
            byte[] buffer = new byte[frame.Length / 2 + 2];
            Hex(frame).CopyTo(buffer, 0);

            CrcA.Append(buffer, 0, frame.Length / 2);

            Assert.Equal(frame + crcOnAir, ToHex(buffer));
        }

        [Fact]
        public void ComputeReturnsLowByteFirstValue()
        {
            Assert.Equal(0xCD57, CrcA.Compute(Hex("5000"), 0, 2));
        }

        [Fact]
        public void ValidFrameIsAccepted()
        {
            Assert.True(CrcA.IsValid(Hex("500057CD"), 0, 4));
        }

        [Fact]
        public void CorruptedFrameIsRejected()
        {
            Assert.False(CrcA.IsValid(Hex("510057CD"), 0, 4));
        }

        [Theory]
        [InlineData(2)]
        [InlineData(5)]
        public void WrongLengthIsRejected(int count)
        {
            Assert.False(CrcA.IsValid(Hex("500057CD"), 0, count));
        }

        [Fact]
        public void Bcc0IncludesCascadeTag()
        {
            byte[] levelOne = Hex("8804782E");

            Assert.Equal(0x88 ^ 0x04 ^ 0x78 ^ 0x2E, Iso14443Commands.ComputeBcc(levelOne, 0, 4));
        }
    }
}
