using KiWhi.Armoire.Protocol.Iso14443;
using Xunit;
using static KiWhi.Armoire.Tests.Card.CardTestSupport;

namespace KiWhi.Armoire.Tests.Card
{
    public class UltralightCIdentificationTests
    {
        [Fact]
        public void UltralightCMatches()
        {
            Assert.True(UltralightCIdentification.Matches(0x0044, 0x00, TestUid, 7));
        }

        [Theory]
        [InlineData(0x0004, 0x00, "04782E21801D80", 7)]
        [InlineData(0x4400, 0x00, "04782E21801D80", 7)]
        [InlineData(0x0044, 0x08, "04782E21801D80", 7)]
        [InlineData(0x0044, 0x00, "05782E21801D80", 7)]
        [InlineData(0x0044, 0x00, "04782E21", 4)]
        [InlineData(0x0044, 0x00, "04782E21801D80", 4)]
        public void OtherCardsDoNotMatch(int atqa, int sak, string uid, int uidLength)
        {
            Assert.False(UltralightCIdentification.Matches((ushort)atqa, (byte)sak, Hex(uid), uidLength));
        }

        [Fact]
        public void NullUidDoesNotMatch()
        {
            Assert.False(UltralightCIdentification.Matches(0x0044, 0x00, null, 7));
        }
    }
}
