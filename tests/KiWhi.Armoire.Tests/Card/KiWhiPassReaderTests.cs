using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Protocol.Iso14443;
using Xunit;
using static KiWhi.Armoire.Tests.Card.CardTestSupport;

namespace KiWhi.Armoire.Tests.Card
{
    /// <summary>KiWhiPassReader over the simulated reader and Ultralight C.</summary>
    public class KiWhiPassReaderTests
    {
        private const uint CardNumber = 12345;
        private const uint IssuerId = 0x00C0FFEE;

        private readonly SimulatedCardReader _transceiver = new SimulatedCardReader();
        private readonly KiWhiPassReadResult _result = new KiWhiPassReadResult();

        [Fact]
        public void GenuineCardIsAccepted()
        {
            Read(PersonalizedCard(TestUid, CardNumber, IssuerId));

            Assert.True(_result.IsAccepted);
            Assert.Equal(KiWhiPassRejection.None, _result.Rejection);
            Assert.Equal("04782E21801D80", _result.IdTag);
            Assert.Equal(CardNumber, _result.CardNumber);
            Assert.Equal(IssuerId, _result.IssuerId);
        }

        [Fact]
        public void CardNumberRuleFormsIdTag()
        {
            Read(PersonalizedCard(TestUid, CardNumber, IssuerId), KiWhiIdTagRule.CardNumber);

            Assert.Equal("0000012345", _result.IdTag);
        }

        [Fact]
        public void AcceptedReadUsesThreeExchanges()
        {
            var card = PersonalizedCard(TestUid, CardNumber, IssuerId);
            CardIdentity identity = PresentAndDetect(_transceiver, card);
            _transceiver.ResetCounters();

            NewReader().Read(identity, _result);

            Assert.True(_result.IsAccepted);
            Assert.Equal(3, _transceiver.TransceiveCount);
        }

        [Fact]
        public void CardIsHaltedAfterRead()
        {
            var card = PersonalizedCard(TestUid, CardNumber, IssuerId);
            Read(card);

            Assert.False(card.IsAuthenticated);
            Assert.Equal(CardStatus.Timeout, _transceiver.Transceive(Hex("3000"), 2, new byte[16], 5, true));
        }

        [Fact]
        public void CloneWithSameUidIsRejected()
        {
            var genuine = PersonalizedCard(TestUid, CardNumber, IssuerId);

            Read(genuine.CloneWithKey(Hex("0F0E0D0C0B0A09080706050403020100")));

            Assert.False(_result.IsAccepted);
            Assert.Equal(KiWhiPassRejection.NotAuthenticated, _result.Rejection);
            Assert.Equal(UltralightCAuthResult.Nak, _result.AuthResult);
            Assert.Equal(2, _result.AuthFailedStep);
            Assert.Null(_result.IdTag);
        }

        [Fact]
        public void EmulatorAcceptingAnyTokenIsRejected()
        {
            var emulator = PersonalizedCard(TestUid, CardNumber, IssuerId).CloneWithKey(FactoryKey());
            emulator.ForgeAuthentication = true;

            Read(emulator);

            Assert.Equal(KiWhiPassRejection.NotAuthenticated, _result.Rejection);
            Assert.Equal(UltralightCAuthResult.WrongRndA, _result.AuthResult);
        }

        [Fact]
        public void ReplayedExchangeIsRejected()
        {
            var genuine = PersonalizedCard(TestUid, CardNumber, IssuerId);
            Read(genuine);
            Assert.True(_result.IsAccepted);

            var replayer = new UltralightCCard(TestUid);
            replayer.ReplayResponses(genuine.RecordedResponses);
            Read(replayer);

            Assert.Equal(KiWhiPassRejection.NotAuthenticated, _result.Rejection);
            Assert.Equal(UltralightCAuthResult.WrongRndA, _result.AuthResult);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        public void RemovalDuringAuthenticationIsReported(int frame)
        {
            var card = PersonalizedCard(TestUid, CardNumber, IssuerId);
            card.RemoveFromFieldAtFrame(frame, _transceiver.Remove, executeFrame: true);

            Read(card);

            Assert.Equal(KiWhiPassRejection.CardRemoved, _result.Rejection);
            Assert.Null(_result.IdTag);
        }

        [Fact]
        public void RemovalDuringReadIsReported()
        {
            var card = PersonalizedCard(TestUid, CardNumber, IssuerId);
            card.RemoveFromFieldAtFrame(3, _transceiver.Remove, executeFrame: false);

            Read(card);

            Assert.Equal(KiWhiPassRejection.CardRemoved, _result.Rejection);
        }

        [Fact]
        public void SlowCardIsNotAuthenticated()
        {
            var card = PersonalizedCard(TestUid, CardNumber, IssuerId);
            card.ResponseDelayMs = 50;

            Read(card);

            Assert.Equal(KiWhiPassRejection.NotAuthenticated, _result.Rejection);
            Assert.Equal(UltralightCAuthResult.Timeout, _result.AuthResult);
        }

        [Fact]
        public void BlankCardIsNotAuthenticated()
        {
            Read(new UltralightCCard(TestUid));

            Assert.Equal(KiWhiPassRejection.NotAuthenticated, _result.Rejection);
            Assert.Equal(UltralightCAuthResult.Nak, _result.AuthResult);
        }

        [Fact]
        public void CardOfAnotherUidIsNotAuthenticated()
        {
            // The data and key of TestUid copied onto a card with another UID: the key no longer matches.
            var genuine = PersonalizedCard(TestUid, CardNumber, IssuerId);
            var other = new UltralightCCard(Hex("04112233445566"));
            for (int page = 4; page < 0x2C; page++)
            {
                other.SetPage(page, genuine.GetPage(page));
            }

            other.ProgramKey(DiversifiedKey(TestUid));
            Read(other);

            Assert.Equal(KiWhiPassRejection.NotAuthenticated, _result.Rejection);
        }

        [Fact]
        public void FourByteUidCardIsNotUltralightC()
        {
            Read(new UidCard(Hex("DEADBEEF")));

            Assert.Equal(KiWhiPassRejection.NotUltralightC, _result.Rejection);
            Assert.Equal("DEADBEEF", _result.UidHex);
        }

        [Fact]
        public void CardWithoutAuthenticateIsNotUltralightC()
        {
            // Same ATQA, SAK and UID form as an Ultralight C, but the card NAKs AUTHENTICATE, as a
            // plain Ultralight or an NTAG does.
            Read(new UidCard(TestUid));

            Assert.Equal(KiWhiPassRejection.NotUltralightC, _result.Rejection);
            Assert.Equal(UltralightCAuthResult.Nak, _result.AuthResult);
            Assert.Equal(1, _result.AuthFailedStep);
        }

        [Theory]
        [InlineData(0, 0x4C)]
        [InlineData(1, 0x51)]
        [InlineData(2, 0x02)]
        public void UnknownLayoutIsRejected(int index, int value)
        {
            var card = PersonalizedCard(TestUid, CardNumber, IssuerId);
            CorruptDataByte(card, index, (byte)value);

            Read(card);

            Assert.Equal(KiWhiPassRejection.UnknownLayout, _result.Rejection);
        }

        [Theory]
        [InlineData(4)]
        [InlineData(11)]
        [InlineData(15)]
        public void CorruptedDataIsBadChecksum(int index)
        {
            var card = PersonalizedCard(TestUid, CardNumber, IssuerId);
            byte[] page = card.GetPage(4 + index / 4);
            CorruptDataByte(card, index, (byte)(page[index % 4] ^ 0x01));

            Read(card);

            Assert.Equal(KiWhiPassRejection.BadChecksum, _result.Rejection);
        }

        [Fact]
        public void ReadNakIsReadFailed()
        {
            // The card authenticates, then NAKs the READ of the data pages.
            var card = new ReadNakCard(PersonalizedCard(TestUid, CardNumber, IssuerId));

            Read(card);

            Assert.Equal(KiWhiPassRejection.ReadFailed, _result.Rejection);
        }

        [Fact]
        public void ResultIsResetBetweenReads()
        {
            Read(PersonalizedCard(TestUid, CardNumber, IssuerId));
            Assert.True(_result.IsAccepted);

            Read(new UltralightCCard(TestUid));

            Assert.False(_result.IsAccepted);
            Assert.Null(_result.IdTag);
            Assert.Equal(0u, _result.CardNumber);
        }

        // Cards that send any response at all: the reader must neither throw nor accept them.
        [Fact]
        public void RandomAnswersNeverCrashOrPass()
        {
            var random = new Random(14443);
            var reader = NewReader();

            for (int i = 0; i < 2000; i++)
            {
                _transceiver.Present(new ChaosCard(TestUid, random));
                var identity = new CardIdentity();
                if (!_transceiver.TryDetectCard(identity))
                {
                    continue;
                }

                reader.Read(identity, _result);

                Assert.False(_result.IsAccepted);
            }
        }

        [Fact]
        public void DescribeNamesEveryRejection()
        {
            foreach (KiWhiPassRejection rejection in Enum.GetValues<KiWhiPassRejection>())
            {
                Assert.DoesNotContain("unknown rejection", KiWhiPassReadResult.Describe(rejection));
            }
        }

        private KiWhiPassReader NewReader(KiWhiIdTagRule rule = KiWhiIdTagRule.Uid)
        {
            return new KiWhiPassReader(_transceiver, new SystemRandomSource(), TestMasterKey, 0, rule);
        }

        private void Read(SimulatedCard card, KiWhiIdTagRule rule = KiWhiIdTagRule.Uid)
        {
            CardIdentity identity = PresentAndDetect(_transceiver, card);
            NewReader(rule).Read(identity, _result);
        }

        private static void CorruptDataByte(UltralightCCard card, int index, byte value)
        {
            int page = 4 + index / 4;
            byte[] bytes = card.GetPage(page);
            bytes[index % 4] = value;
            card.SetPage(page, bytes);
        }

        /// <summary>An Ultralight C that NAKs every READ, even after authentication.</summary>
        private sealed class ReadNakCard : SimulatedCard
        {
            private readonly UltralightCCard _inner;

            public ReadNakCard(UltralightCCard inner)
            {
                _inner = inner;
            }

            public override byte[] Uid => _inner.Uid;

            public override ushort Atqa => _inner.Atqa;

            public override byte Sak => _inner.Sak;

            public override int Respond(byte[] command, int commandLength, byte[] response)
            {
                return command[0] == UltralightCommands.Read ? CardStatus.Nak : _inner.Respond(command, commandLength, response);
            }

            public override void OnActivated() => _inner.OnActivated();

            public override void OnHalted() => _inner.OnHalted();

            public override void OnRemoved() => _inner.OnRemoved();
        }

        /// <summary>Responds to every frame with a random length, random bytes or a random negative status.</summary>
        private sealed class ChaosCard : SimulatedCard
        {
            private readonly byte[] _uid;
            private readonly Random _random;

            public ChaosCard(byte[] uid, Random random)
            {
                _uid = uid;
                _random = random;
            }

            public override byte[] Uid => (byte[])_uid.Clone();

            public override ushort Atqa => 0x0044;

            public override byte Sak => 0x00;

            public override int Respond(byte[] command, int commandLength, byte[] response)
            {
                int choice = _random.Next(10);
                if (choice == 0)
                {
                    return -_random.Next(1, 7);
                }

                int length = choice < 5 ? 9 : _random.Next(0, 40);
                byte[] bytes = new byte[length];
                _random.NextBytes(bytes);
                if (length > 0 && _random.Next(2) == 0)
                {
                    bytes[0] = command[0] == UltralightCommands.Authenticate ? (byte)0xAF : (byte)0x00;
                }

                Array.Copy(bytes, response, length);
                return length;
            }
        }
    }
}
