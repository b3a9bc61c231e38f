using KiWhi.Armoire.Protocol.Iso14443;
using Xunit;
using static KiWhi.Armoire.Tests.Card.CardTestSupport;

namespace KiWhi.Armoire.Tests.Card
{
    public class UltralightCKeyFormatTests
    {
        // MF0ICU2 datasheet §7.5.7, Table 11: Key1 = 0001020304050607h, Key2 = 08090A0B0C0D0E0Fh are
        // written as A2 2C 07 06 05 04, A2 2D 03 02 01 00, A2 2E 0F 0E 0D 0C, A2 2F 0B 0A 09 08.
        [Fact]
        public void DatasheetKeyWrittenReversedPerHalf()
        {
            byte[] pages = new byte[16];

            UltralightCKeyFormat.ToPageBytes(Hex("000102030405060708090A0B0C0D0E0F"), 0, pages, 0);

            Assert.Equal("07060504" + "03020100" + "0F0E0D0C" + "0B0A0908", ToHex(pages));
        }

        // Datasheet Table 13: the factory key pages read "BREAKMEIFYOUCAN!".
        [Fact]
        public void FactoryKeyPagesSpellBreakMe()
        {
            byte[] pages = new byte[16];

            UltralightCKeyFormat.ToPageBytes(FactoryKey(), 0, pages, 0);

            Assert.Equal("BREAKMEIFYOUCAN!", System.Text.Encoding.ASCII.GetString(pages));
        }

        [Fact]
        public void FactoryKeyInDesOrder()
        {
            Assert.Equal("49454D4B41455242214E4143554F5946", ToHex(FactoryKey()));
        }

        [Fact]
        public void ConversionWorksInPlace()
        {
            byte[] buffer = Hex("000102030405060708090A0B0C0D0E0F");

            UltralightCKeyFormat.ToPageBytes(buffer, 0, buffer, 0);
            Assert.Equal("07060504030201000F0E0D0C0B0A0908", ToHex(buffer));

            UltralightCKeyFormat.FromPageBytes(buffer, 0, buffer, 0);
            Assert.Equal("000102030405060708090A0B0C0D0E0F", ToHex(buffer));
        }
    }
}
