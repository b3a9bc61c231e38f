using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Protocol.Iso14443;
using Xunit;
using static KiWhi.Armoire.Tests.Card.CardTestSupport;

namespace KiWhi.Armoire.Tests.Card
{
    /// <summary>
    /// Reader and personalizer on a transceiver that behaves like the nanoFramework MFRC522 binding, as
    /// hal/Nano/Mfrc522CardTransceiver documents it. Detection sends REQA only, so a halted card stays
    /// asleep. Every failure, NAK included, comes back as a transmission error. WRITE returns 0 bytes,
    /// because the 4-bit ACK is not reported.
    /// </summary>
    public class ReqaOnlyReaderTests
    {
        private const uint CardNumber = 77;
        private const uint IssuerId = 5;

        private readonly ReqaOnlyTransceiver _transceiver = new ReqaOnlyTransceiver();

        [Fact]
        public void BlankCardIsPersonalizedAndAccepted()
        {
            var card = new UltralightCCard(TestUid);

            Assert.Equal(KiWhiPassPersonalizationResult.Personalized, Personalize(card, lockConfiguration: true));

            KiWhiPassReadResult result = Read(card);
            Assert.True(result.IsAccepted);
            Assert.Equal(CardNumber, result.CardNumber);
        }

        [Fact]
        public void CloneIsNotAuthenticated()
        {
            var clone = PersonalizedCard(TestUid, CardNumber, IssuerId).CloneWithKey(FactoryKey());

            KiWhiPassReadResult result = Read(clone);

            Assert.Equal(KiWhiPassRejection.NotAuthenticated, result.Rejection);
            Assert.Equal(UltralightCAuthResult.TransmissionError, result.AuthResult);
        }

        [Fact]
        public void RemovalDuringAuthenticationIsReported()
        {
            var card = PersonalizedCard(TestUid, CardNumber, IssuerId);
            card.RemoveFromFieldAtFrame(2, _transceiver.Remove, executeFrame: false);

            Assert.Equal(KiWhiPassRejection.CardRemoved, Read(card).Rejection);
        }

        [Fact]
        public void HaltedCardStaysAsleep()
        {
            var card = PersonalizedCard(TestUid, CardNumber, IssuerId);
            Read(card);

            Assert.False(_transceiver.TryDetectCard(new CardIdentity()));
        }

        [Fact]
        public void RemovalAtAnyFrameIsRecoverable()
        {
            var reference = new UltralightCCard(TestUid);
            Personalize(reference, lockConfiguration: true);
            int frames = reference.FrameCount;

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
                    Assert.True(Read(card).IsAccepted, context);
                }
            }
        }

        private KiWhiPassPersonalizationResult Personalize(UltralightCCard card, bool lockConfiguration)
        {
            CardIdentity identity = _transceiver.PresentAndDetect(card);
            return new KiWhiPassPersonalizer(_transceiver, new SystemRandomSource(), TestMasterKey, 0).Personalize(identity, CardNumber, IssuerId, lockConfiguration);
        }

        private KiWhiPassReadResult Read(UltralightCCard card)
        {
            var result = new KiWhiPassReadResult();
            CardIdentity identity = _transceiver.PresentAndDetect(card);
            new KiWhiPassReader(_transceiver, new SystemRandomSource(), TestMasterKey, 0, KiWhiIdTagRule.Uid).Read(identity, result);
            return result;
        }

        /// <summary>The simulated reader seen through the behaviour of the MFRC522 binding.</summary>
        private sealed class ReqaOnlyTransceiver : ICardTransceiver
        {
            private readonly SimulatedCardReader _inner = new SimulatedCardReader();
            private bool _active;
            private bool _halted;

            public CardIdentity PresentAndDetect(SimulatedCard card)
            {
                _inner.Present(card);
                _active = false;
                _halted = false;
                var identity = new CardIdentity();
                Assert.True(TryDetectCard(identity), "The card was not detected after being presented.");
                return identity;
            }

            public void Remove()
            {
                _inner.Remove();
            }

            public bool TryDetectCard(CardIdentity card)
            {
                // REQA does not wake a card in the HALT state.
                if (_halted)
                {
                    return false;
                }

                _active = _inner.TryDetectCard(card);
                return _active;
            }

            public int Transceive(byte[] command, int commandLength, byte[] response, int timeoutMs, bool withCrc)
            {
                int received = _inner.Transceive(command, commandLength, response, timeoutMs, withCrc);
                if (received < 0)
                {
                    if (received == CardStatus.Nak)
                    {
                        _active = false;
                    }

                    return CardStatus.TransmissionError;
                }

                bool isWrite = command[0] == UltralightCommands.Write || command[0] == UltralightCommands.CompatibilityWrite;
                return isWrite ? 0 : received;
            }

            public void Halt()
            {
                _inner.Halt();
                if (_active)
                {
                    _halted = true;
                    _active = false;
                }
            }
        }
    }
}
