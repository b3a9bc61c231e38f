using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Protocol.Iso14443;
using Xunit;
using static KiWhi.Armoire.Tests.Card.CardTestSupport;

namespace KiWhi.Armoire.Tests.Card
{
    /// <summary>The simulated Ultralight C against the MF0ICU2 datasheet (Rev 3.3).</summary>
    public class UltralightCCardTests
    {
        private readonly SimulatedCardReader _reader = new SimulatedCardReader();
        private readonly byte[] _response = new byte[32];

        // Datasheet §7.5.6 worked example, card side: factory key, RndB = 51E764602678DF2B.
        [Fact]
        public void DatasheetExampleCardSide()
        {
            var card = new UltralightCCard(TestUid, new FixedRandomSource("51E764602678DF2B"));
            PresentAndDetect(_reader, card);

            int step1 = Send("1A00");
            Assert.Equal("AF577293FD2F34CA51", Answer(step1));

            int step2 = Send("AF0A638559FC7737F9F15D7862EBBE967A");
            Assert.Equal("003B884FA07C137CE1", Answer(step2));
            Assert.True(card.IsAuthenticated);
        }

        [Fact]
        public void WrongTokenIsNakedAndCardGoesIdle()
        {
            var card = new UltralightCCard(TestUid, new FixedRandomSource("51E764602678DF2B"));
            PresentAndDetect(_reader, card);
            Send("1A00");

            Assert.Equal(CardStatus.Nak, Send("AF" + new string('0', 32)));
            Assert.Equal(CardStatus.Timeout, Send("3000"));
            Assert.False(card.IsAuthenticated);
        }

        [Fact]
        public void UnsupportedCommandIsNaked()
        {
            PresentAndDetect(_reader, new UltralightCCard(TestUid));

            // GET_VERSION is not in the MF0ICU2 command set.
            Assert.Equal(CardStatus.Nak, Send("60"));
        }

        [Fact]
        public void FactoryPagesHoldUidAndBcc()
        {
            PresentAndDetect(_reader, new UltralightCCard(TestUid));

            int length = Send("3000");

            // BCC0 = 88h ⊕ 04h ⊕ 78h ⊕ 2Eh = DAh, BCC1 = 21h ⊕ 80h ⊕ 1Dh ⊕ 80h = 3Ch.
            Assert.Equal("04782EDA" + "21801D80" + "3C000000" + "00000000", Answer(length));
        }

        [Fact]
        public void FactoryConfigurationPages()
        {
            PresentAndDetect(_reader, new UltralightCCard(TestUid));

            int length = Send("3028");

            Assert.Equal("00000000" + "00000000" + "30000000" + "00000000", Answer(length));
        }

        [Fact]
        public void KeyPagesCannotBeRead()
        {
            PresentAndDetect(_reader, new UltralightCCard(TestUid));

            Assert.Equal(CardStatus.Nak, Send("302C"));
        }

        [Fact]
        public void ReadRollsOverAfterPage2B()
        {
            var card = new UltralightCCard(TestUid);
            card.SetPage(0x29, Hex("11111111"));
            PresentAndDetect(_reader, card);

            int length = Send("3029");

            Assert.Equal("11111111" + "30000000" + "00000000" + "04782EDA", Answer(length));
        }

        [Fact]
        public void ProtectedReadNeedsAuthentication()
        {
            var card = PersonalizedCard(TestUid, 1, 2);
            PresentAndDetect(_reader, card);

            Assert.Equal(CardStatus.Nak, Send("3004"));
        }

        [Fact]
        public void ProtectedReadRollsOverBeforeAuth0()
        {
            var card = PersonalizedCard(TestUid, 1, 2);
            PresentAndDetect(_reader, card);

            int length = Send("3002");

            Assert.Equal("3C000000" + "00000000" + "04782EDA" + "21801D80", Answer(length));
        }

        [Fact]
        public void ProtectedWriteNeedsAuthentication()
        {
            var card = PersonalizedCard(TestUid, 1, 2);
            card.SetPage(UltralightCommands.Auth1Page, Hex("01000000"));
            PresentAndDetect(_reader, card);

            Assert.Equal(16, Send("3004"));
            Assert.Equal(CardStatus.Nak, Send("A20401020304"));
        }

        [Fact]
        public void AuthenticatedCardReadsAndWritesProtectedPages()
        {
            var card = PersonalizedCard(TestUid, 1, 2);
            PresentAndDetect(_reader, card);
            var authenticator = new UltralightCAuthenticator(_reader, new SystemRandomSource());
            Assert.Equal(UltralightCAuthResult.Authenticated, authenticator.Authenticate(DiversifiedKey(TestUid), 0));

            Assert.Equal(1, Send("A20801020304"));
            Assert.Equal(16, Send("3008"));
            Assert.Equal("01020304", Answer(16).Substring(0, 8));
        }

        [Fact]
        public void UidPagesAreReadOnly()
        {
            PresentAndDetect(_reader, new UltralightCCard(TestUid));

            Assert.Equal(CardStatus.Nak, Send("A20100000000"));
        }

        [Fact]
        public void WriteIsAcknowledged()
        {
            PresentAndDetect(_reader, new UltralightCCard(TestUid));

            Assert.Equal(1, Send("A204CAFEBABE"));
            Assert.Equal("0A", Answer(1));
        }

        [Fact]
        public void OtpBitsAreOred()
        {
            var card = new UltralightCCard(TestUid);
            PresentAndDetect(_reader, card);

            Send("A20301000000");
            Send("A20302000000");

            Assert.Equal("03000000", ToHex(card.GetPage(3)));
        }

        [Fact]
        public void LockBitsTakeEffectAtNextActivation()
        {
            var card = new UltralightCCard(TestUid);
            PresentAndDetect(_reader, card);

            Assert.Equal(1, Send("A20200001000"));
            Assert.Equal(1, Send("A20411111111"));

            _reader.Halt();
            Detect(_reader);
            Assert.Equal(CardStatus.Nak, Send("A20422222222"));
        }

        [Fact]
        public void LockBitsCannotBeCleared()
        {
            var card = new UltralightCCard(TestUid);
            PresentAndDetect(_reader, card);

            Send("A20200001001");
            Send("A20200000000");

            Assert.Equal("3C001001", ToHex(card.GetPage(2)));
        }

        [Fact]
        public void BlockLockBitFreezesLockBits()
        {
            var card = new UltralightCCard(TestUid);
            PresentAndDetect(_reader, card);

            // BL 9-4 (lock byte 0 bit 1) set first, then an attempt to lock page 04h (bit 4).
            Send("A20200000200");
            Send("A20200001000");

            Assert.Equal("3C000200", ToHex(card.GetPage(2)));
        }

        [Fact]
        public void KeyTakesEffectAfterReactivation()
        {
            var card = new UltralightCCard(TestUid);
            PresentAndDetect(_reader, card);
            byte[] newKey = DiversifiedKey(TestUid);
            byte[] pages = new byte[16];
            UltralightCKeyFormat.ToPageBytes(newKey, 0, pages, 0);
            for (int page = 0; page < 4; page++)
            {
                Assert.Equal(1, Send("A2" + (0x2C + page).ToString("X2") + ToHex(pages).Substring(8 * page, 8)));
            }

            var authenticator = new UltralightCAuthenticator(_reader, new SystemRandomSource());
            Assert.Equal(UltralightCAuthResult.Nak, authenticator.Authenticate(newKey, 0));
            Assert.Equal(UltralightCAuthResult.Authenticated, AuthenticateFresh(_reader, newKey));
            Assert.Equal(UltralightCAuthResult.Nak, AuthenticateFresh(_reader, FactoryKey()));
        }

        [Fact]
        public void WrittenKeyIsStoredReversedPerHalf()
        {
            var card = new UltralightCCard(TestUid);

            card.WriteKeyPages(Hex("000102030405060708090A0B0C0D0E0F"));

            Assert.Equal("07060504", ToHex(card.GetPage(0x2C)));
            Assert.Equal("0B0A0908", ToHex(card.GetPage(0x2F)));
        }

        [Fact]
        public void HaltEndsAuthentication()
        {
            var card = new UltralightCCard(TestUid);
            PresentAndDetect(_reader, card);
            Assert.Equal(UltralightCAuthResult.Authenticated, new UltralightCAuthenticator(_reader, new SystemRandomSource()).Authenticate(FactoryKey(), 0));

            _reader.Halt();

            Assert.False(card.IsAuthenticated);
        }

        [Fact]
        public void CounterFirstWriteSetsValue()
        {
            var card = new UltralightCCard(TestUid);
            PresentAndDetect(_reader, card);

            Assert.Equal(1, Send("A22934120000"));

            Assert.Equal("34120000", ToHex(card.GetPage(0x29)));
        }

        [Fact]
        public void CounterIncrementWaitsForRfReset()
        {
            var card = new UltralightCCard(TestUid);
            card.SetPage(0x29, Hex("FE000000"));
            PresentAndDetect(_reader, card);

            Assert.Equal(1, Send("A22903000000"));
            Assert.Equal("FE000000", ToHex(card.GetPage(0x29)));

            _reader.Remove();
            Assert.Equal("01010000", ToHex(card.GetPage(0x29)));
        }

        [Fact]
        public void CounterOverflowIsNaked()
        {
            var card = new UltralightCCard(TestUid);
            card.SetPage(0x29, Hex("FFFF0000"));
            PresentAndDetect(_reader, card);

            Assert.Equal(CardStatus.Nak, Send("A22901000000"));
        }

        [Fact]
        public void CompatibilityWriteStoresFirstFourBytes()
        {
            var card = new UltralightCCard(TestUid);
            PresentAndDetect(_reader, card);

            Assert.Equal(1, Send("A005"));
            Assert.Equal(1, Send("0102030405060708090A0B0C0D0E0F10"));

            Assert.Equal("01020304", ToHex(card.GetPage(5)));
        }

        [Fact]
        public void SlowCardLosesAnswers()
        {
            var card = new UltralightCCard(TestUid) { ResponseDelayMs = UltralightCCard.TimeoutMs + 1 };
            PresentAndDetect(_reader, card);

            Assert.Equal(CardStatus.Timeout, Send("3000"));
        }

        [Fact]
        public void RemovalAtFrameEmptiesField()
        {
            var card = new UltralightCCard(TestUid);
            card.RemoveFromFieldAtFrame(2, _reader.Remove, executeFrame: false);
            PresentAndDetect(_reader, card);

            Assert.Equal(16, Send("3000"));
            Assert.Equal(CardStatus.Timeout, Send("A20401020304"));
            Assert.False(_reader.CardInField);
            Assert.Equal("00000000", ToHex(card.GetPage(4)));
        }

        private int Send(string frameHex)
        {
            byte[] frame = Hex(frameHex);
            return _reader.Transceive(frame, frame.Length, _response, 5, true);
        }

        private string Answer(int length)
        {
            Assert.True(length >= 0, "The card did not answer: status " + length);
            return ToHex(_response.AsSpan(0, length).ToArray());
        }
    }
}
