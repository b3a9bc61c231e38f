using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Protocol.Iso14443;
using Xunit;
using static KiWhi.Armoire.Tests.Card.CardTestSupport;

namespace KiWhi.Armoire.Tests.Card
{
    /// <summary>KiWhiPassPersonalizer over the simulated reader and Ultralight C.</summary>
    public class KiWhiPassPersonalizerTests
    {
        private const uint CardNumber = 4711;
        private const uint IssuerId = 42;

        private readonly SimulatedCardReader _transceiver = new SimulatedCardReader();

        [Fact]
        public void BlankCardBecomesKiWhiPass()
        {
            var card = new UltralightCCard(TestUid);

            Assert.Equal(KiWhiPassPersonalizationResult.Personalized, Personalize(card));

            Assert.True(ReadBack(card).IsAccepted);
            Assert.Equal(CardNumber, ReadBack(card).CardNumber);
        }

        [Fact]
        public void KeyPagesHoldDiversifiedKeyInCardOrder()
        {
            var card = new UltralightCCard(TestUid);

            Personalize(card);

            byte[] expected = new byte[16];
            UltralightCKeyFormat.ToPageBytes(DiversifiedKey(TestUid), 0, expected, 0);
            string stored = ToHex(card.GetPage(0x2C)) + ToHex(card.GetPage(0x2D)) + ToHex(card.GetPage(0x2E)) + ToHex(card.GetPage(0x2F));
            Assert.Equal(ToHex(expected), stored);
        }

        [Fact]
        public void AccessConfigurationProtectsData()
        {
            var card = new UltralightCCard(TestUid);

            Personalize(card);

            Assert.Equal("04000000", ToHex(card.GetPage(UltralightCommands.Auth0Page)));
            Assert.Equal("00000000", ToHex(card.GetPage(UltralightCommands.Auth1Page)));
        }

        [Fact]
        public void FactoryKeyNoLongerWorks()
        {
            var card = new UltralightCCard(TestUid);
            Personalize(card);

            PresentAndDetect(_transceiver, card);

            Assert.Equal(UltralightCAuthResult.Nak, AuthenticateFresh(_transceiver, FactoryKey()));
        }

        [Fact]
        public void NothingIsLockedUnlessRequested()
        {
            var card = new UltralightCCard(TestUid);

            Personalize(card);

            Assert.Equal("00000000", ToHex(card.GetPage(UltralightCommands.DynamicLockPage)));
        }

        [Fact]
        public void LockSetsConfigurationLockBits()
        {
            var card = new UltralightCCard(TestUid);

            Assert.Equal(KiWhiPassPersonalizationResult.Personalized, Personalize(card, lockConfiguration: true));

            Assert.Equal("00E00000", ToHex(card.GetPage(UltralightCommands.DynamicLockPage)));
            Assert.True(ReadBack(card).IsAccepted);
        }

        [Fact]
        public void LockedKeyPagesRejectWrites()
        {
            var card = new UltralightCCard(TestUid);
            Personalize(card, lockConfiguration: true);

            PresentAndDetect(_transceiver, card);
            Assert.Equal(UltralightCAuthResult.Authenticated, AuthenticateFresh(_transceiver, DiversifiedKey(TestUid)));

            Assert.Equal(CardStatus.Nak, _transceiver.Transceive(Hex("A22C00000000"), 6, new byte[4], 10, true));
        }

        [Fact]
        public void PersonalizedCardIsPersonalizedAgain()
        {
            var card = new UltralightCCard(TestUid);
            Personalize(card);

            Assert.Equal(KiWhiPassPersonalizationResult.Personalized, Personalize(card, cardNumber: 4712));

            Assert.Equal(4712u, ReadBack(card).CardNumber);
        }

        [Fact]
        public void ForeignCardIsLeftUntouched()
        {
            var card = new UltralightCCard(TestUid);
            card.SetPage(UltralightCommands.Auth0Page, Hex("04000000"));
            card.ProgramKey(Hex("00112233445566770011223344556677"));
            byte[][] before = Snapshot(card);

            Assert.Equal(KiWhiPassPersonalizationResult.UnknownKey, Personalize(card));

            Assert.Equal(before, Snapshot(card));
        }

        [Fact]
        public void OtherCardTypeIsRejected()
        {
            Assert.Equal(KiWhiPassPersonalizationResult.NotUltralightC, Personalize(new UidCard(Hex("DEADBEEF"))));
        }

        [Fact]
        public void CardWithoutAuthenticateIsRejected()
        {
            Assert.Equal(KiWhiPassPersonalizationResult.NotUltralightC, Personalize(new UidCard(TestUid)));
        }

        [Fact]
        public void UnverifiedKeyIsNeverProtectedOrLocked()
        {
            // Key pages locked at the factory: the key write is NAKed, so the new key never authenticates.
            var card = new UltralightCCard(TestUid);
            card.SetPage(UltralightCommands.DynamicLockPage, Hex("00800000"));

            var personalizer = NewPersonalizer();
            CardIdentity identity = PresentAndDetect(_transceiver, card);
            KiWhiPassPersonalizationResult result = personalizer.Personalize(identity, CardNumber, IssuerId, true);

            Assert.Equal(KiWhiPassPersonalizationResult.VerificationFailed, result);
            Assert.Equal(KiWhiPassPersonalizationStep.VerifyKey, personalizer.LastStep);
            Assert.Equal("30000000", ToHex(card.GetPage(UltralightCommands.Auth0Page)));
            Assert.Equal("00800000", ToHex(card.GetPage(UltralightCommands.DynamicLockPage)));
            Assert.Equal(UltralightCAuthResult.Authenticated, AuthenticateFresh(_transceiver, FactoryKey()));
        }

        [Fact]
        public void TornKeyWriteIsRecovered()
        {
            var card = new UltralightCCard(TestUid);

            // Frames: 1A, AF (factory key), 4 data WRITEs, READ, then the key WRITEs from frame 8. The
            // removal comes after page 2Dh is written, so half the card key is new.
            card.RemoveFromFieldAtFrame(9, _transceiver.Remove, executeFrame: true);
            Assert.Equal(KiWhiPassPersonalizationResult.CardRemoved, Personalize(card));

            PresentAndDetect(_transceiver, card);
            Assert.Equal(UltralightCAuthResult.Nak, AuthenticateFresh(_transceiver, FactoryKey()));
            Assert.Equal(UltralightCAuthResult.Nak, AuthenticateFresh(_transceiver, DiversifiedKey(TestUid)));

            Assert.Equal(KiWhiPassPersonalizationResult.Personalized, Personalize(card));
            Assert.True(ReadBack(card).IsAccepted);
        }

        // The card is pulled out at every frame of a personalization, executing the frame or not. Each
        // time a second run on the same card must finish the job, so no removal leaves a card that
        // no key opens.
        [Fact]
        public void RemovalAtAnyFrameIsRecoverable()
        {
            var reference = new UltralightCCard(TestUid);
            Personalize(reference, lockConfiguration: true);
            int frames = reference.FrameCount;
            Assert.True(frames > 20, "A full personalization takes " + frames + " frames.");

            for (int frame = 1; frame <= frames; frame++)
            {
                foreach (bool executeFrame in new[] { false, true })
                {
                    var card = new UltralightCCard(TestUid);
                    card.RemoveFromFieldAtFrame(frame, _transceiver.Remove, executeFrame);

                    KiWhiPassPersonalizationResult first = Personalize(card, lockConfiguration: true);
                    KiWhiPassPersonalizationResult second = Personalize(card, lockConfiguration: true);

                    string context = "removal at frame " + frame + (executeFrame ? " after" : " before") + " executing it, first run " + first;
                    Assert.True(second == KiWhiPassPersonalizationResult.Personalized, context + ", second run " + second);
                    Assert.True(ReadBack(card).IsAccepted, context);
                }
            }
        }

        // A card that responds to anything with random bytes or statuses: personalization must neither
        // throw nor report success.
        [Fact]
        public void RandomResponsesNeverCrashOrSucceed()
        {
            var random = new Random(2024);
            var personalizer = NewPersonalizer();

            for (int i = 0; i < 300; i++)
            {
                CardIdentity identity = PresentAndDetect(_transceiver, new RandomResponseCard(TestUid, random));

                KiWhiPassPersonalizationResult result = personalizer.Personalize(identity, CardNumber, IssuerId, true);

                Assert.NotEqual(KiWhiPassPersonalizationResult.Personalized, result);
            }
        }

        [Fact]
        public void SucceededRunEndsWithDone()
        {
            var personalizer = NewPersonalizer();
            CardIdentity identity = PresentAndDetect(_transceiver, new UltralightCCard(TestUid));

            personalizer.Personalize(identity, CardNumber, IssuerId, false);

            Assert.Equal(KiWhiPassPersonalizationStep.Done, personalizer.LastStep);
        }

        private KiWhiPassPersonalizer NewPersonalizer()
        {
            return new KiWhiPassPersonalizer(_transceiver, new SystemRandomSource(), TestMasterKey, 0);
        }

        private KiWhiPassPersonalizationResult Personalize(SimulatedCard card, uint cardNumber = CardNumber, bool lockConfiguration = false)
        {
            CardIdentity identity = PresentAndDetect(_transceiver, card);
            return NewPersonalizer().Personalize(identity, cardNumber, IssuerId, lockConfiguration);
        }

        private KiWhiPassReadResult ReadBack(SimulatedCard card)
        {
            var result = new KiWhiPassReadResult();
            CardIdentity identity = PresentAndDetect(_transceiver, card);
            new KiWhiPassReader(_transceiver, new SystemRandomSource(), TestMasterKey, 0, KiWhiIdTagRule.Uid).Read(identity, result);
            return result;
        }

        /// <summary>Responds to every frame with a random length, random bytes or a random negative status.</summary>
        private sealed class RandomResponseCard : SimulatedCard
        {
            private readonly byte[] _uid;
            private readonly Random _random;

            public RandomResponseCard(byte[] uid, Random random)
            {
                _uid = uid;
                _random = random;
            }

            public override byte[] Uid => (byte[])_uid.Clone();

            public override ushort Atqa => 0x0044;

            public override byte Sak => 0x00;

            public override int Respond(byte[] command, int commandLength, byte[] response)
            {
                if (_random.Next(8) == 0)
                {
                    return -_random.Next(1, 7);
                }

                int length = _random.Next(3) == 0 ? 9 : _random.Next(0, 24);
                byte[] bytes = new byte[length];
                _random.NextBytes(bytes);
                Array.Copy(bytes, response, length);
                return length;
            }
        }

        private static byte[][] Snapshot(UltralightCCard card)
        {
            byte[][] pages = new byte[UltralightCCard.PageCount][];
            for (int page = 0; page < pages.Length; page++)
            {
                pages[page] = card.GetPage(page);
            }

            return pages;
        }
    }
}
