using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Protocol.Crypto;
using KiWhi.Armoire.Protocol.Iso14443;
using Xunit;
using static KiWhi.Armoire.Tests.Card.CardTestSupport;

namespace KiWhi.Armoire.Tests.Card
{
    /// <summary>
    /// The reader side of the Ultralight C authentication against the worked example of the MF0ICU2
    /// datasheet (Rev 3.3, §7.5.6): a card that responds exactly as the datasheet prints and NAKs any
    /// other token, as a real card does when RndB′ does not match.
    /// </summary>
    public class UltralightCAuthenticatorTests
    {
        private const string DatasheetKey = "49454D4B41455242214E4143554F5946";
        private const string DatasheetRndA = "A8AF3B256C75ED40";
        private const string DatasheetStep1Answer = "AF" + "577293FD2F34CA51";
        private const string DatasheetToken = "AF" + "0A638559FC7737F9F15D7862EBBE967A";
        private const string DatasheetStep2Answer = "00" + "3B884FA07C137CE1";

        [Fact]
        public void DatasheetExampleAuthenticates()
        {
            var card = DatasheetCard();
            var authenticator = new UltralightCAuthenticator(card, new FixedRandomSource(DatasheetRndA));

            UltralightCAuthResult result = authenticator.Authenticate(Hex(DatasheetKey), 0);

            Assert.Equal(UltralightCAuthResult.Authenticated, result);
            Assert.Equal(2, authenticator.FrameCount);
            Assert.Equal(0, authenticator.FailedStep);
        }

        [Fact]
        public void DatasheetExampleSendsDatasheetFrames()
        {
            var card = DatasheetCard();
            var authenticator = new UltralightCAuthenticator(card, new FixedRandomSource(DatasheetRndA));

            authenticator.Authenticate(Hex(DatasheetKey), 0);

            Assert.Equal(2, card.SentFrames.Count);
            Assert.Equal("1A00", card.SentFrames[0]);
            Assert.Equal(DatasheetToken, card.SentFrames[1]);
        }

        // A token built with IV = 0 instead of ek(RndB) (the IV reset mistake) would not match the
        // datasheet token; decrypting the sent token with IV = ek(RndB) must give RndA ‖ RndB′.
        [Fact]
        public void TokenChainsFromEncryptedRndB()
        {
            var card = DatasheetCard();
            var authenticator = new UltralightCAuthenticator(card, new FixedRandomSource(DatasheetRndA));
            authenticator.Authenticate(Hex(DatasheetKey), 0);

            byte[] token = Hex(card.SentFrames[1]).AsSpan(1).ToArray();
            var cipher = new TwoKeyTripleDes();
            cipher.SetKey(Hex(DatasheetKey), 0);
            cipher.DecryptCbc(Hex("577293FD2F34CA51"), token, 0, 16, token, 0);

            Assert.Equal(DatasheetRndA, ToHex(token).Substring(0, 16));
        }

        // RndB = 51E764602678DF2B: rotated left it is E764602678DF2B51, rotated right 2B51E764602678DF.
        [Fact]
        public void TokenRotatesRndBLeft()
        {
            var card = DatasheetCard();
            var authenticator = new UltralightCAuthenticator(card, new FixedRandomSource(DatasheetRndA));
            authenticator.Authenticate(Hex(DatasheetKey), 0);

            byte[] token = Hex(card.SentFrames[1]).AsSpan(1).ToArray();
            var cipher = new TwoKeyTripleDes();
            cipher.SetKey(Hex(DatasheetKey), 0);
            cipher.DecryptCbc(Hex("577293FD2F34CA51"), token, 0, 16, token, 0);

            Assert.Equal("E764602678DF2B51", ToHex(token).Substring(16));
        }

        // The card encrypts RndA′ with IV = last token block. A response encrypted with IV = 0 (what a
        // reader that resets the IV would expect) must be rejected.
        [Fact]
        public void RndAPrimeWithResetIvIsRejected()
        {
            var cipher = new TwoKeyTripleDes();
            cipher.SetKey(Hex(DatasheetKey), 0);
            byte[] rndAPrime = Hex("AF3B256C75ED40A8");
            cipher.EncryptCbc(new byte[8], rndAPrime, 0, 8, rndAPrime, 0);
            var card = DatasheetCard(step2Answer: "00" + ToHex(rndAPrime));
            var authenticator = new UltralightCAuthenticator(card, new FixedRandomSource(DatasheetRndA));

            Assert.Equal(UltralightCAuthResult.WrongRndA, authenticator.Authenticate(Hex(DatasheetKey), 0));
        }

        // The key pages of a factory card read 42 52 45 41 and so on. A key given in that order instead of
        // DES order gives a wrong token, and the card sends a NAK.
        [Fact]
        public void KeyInPageOrderIsRejected()
        {
            var card = DatasheetCard();
            var authenticator = new UltralightCAuthenticator(card, new FixedRandomSource(DatasheetRndA));

            UltralightCAuthResult result = authenticator.Authenticate(Hex("425245414B4D4549" + "46594F5543414E21"), 0);

            Assert.Equal(UltralightCAuthResult.Nak, result);
            Assert.Equal(2, authenticator.FailedStep);
        }

        // Parity bits are ignored by DES: flipping the low bit of every key byte changes nothing.
        [Fact]
        public void ParityBitsOfKeyAreIgnored()
        {
            var card = DatasheetCard();
            var authenticator = new UltralightCAuthenticator(card, new FixedRandomSource(DatasheetRndA));

            Assert.Equal(UltralightCAuthResult.Authenticated, authenticator.Authenticate(Hex("48444C4A40445343204F4042544E5847"), 0));
        }

        [Fact]
        public void WrongRndAIsRejected()
        {
            var card = DatasheetCard(step2Answer: "00" + "0000000000000000");
            var authenticator = new UltralightCAuthenticator(card, new FixedRandomSource(DatasheetRndA));

            Assert.Equal(UltralightCAuthResult.WrongRndA, authenticator.Authenticate(Hex(DatasheetKey), 0));
        }

        [Theory]
        [InlineData(1, CardStatus.Nak, UltralightCAuthResult.Nak)]
        [InlineData(1, CardStatus.Timeout, UltralightCAuthResult.Timeout)]
        [InlineData(1, CardStatus.TransmissionError, UltralightCAuthResult.TransmissionError)]
        [InlineData(1, CardStatus.Overflow, UltralightCAuthResult.LongFrame)]
        [InlineData(1, CardStatus.ReaderError, UltralightCAuthResult.ReaderError)]
        [InlineData(2, CardStatus.Timeout, UltralightCAuthResult.Timeout)]
        [InlineData(2, CardStatus.Nak, UltralightCAuthResult.Nak)]
        [InlineData(2, -99, UltralightCAuthResult.ReaderError)]
        public void NegativeStatusGivesReason(int step, int status, UltralightCAuthResult expected)
        {
            var card = DatasheetCard();
            card.FailAtStep(step, status);
            var authenticator = new UltralightCAuthenticator(card, new FixedRandomSource(DatasheetRndA));

            Assert.Equal(expected, authenticator.Authenticate(Hex(DatasheetKey), 0));
            Assert.Equal(step, authenticator.FailedStep);
        }

        [Theory]
        [InlineData("AF577293FD2F34CA", null, UltralightCAuthResult.ShortFrame, 1)]
        [InlineData("AF577293FD2F34CA5100", null, UltralightCAuthResult.LongFrame, 1)]
        [InlineData("00577293FD2F34CA51", null, UltralightCAuthResult.UnexpectedCode, 1)]
        [InlineData(DatasheetStep1Answer, "003B884FA07C137C", UltralightCAuthResult.ShortFrame, 2)]
        [InlineData(DatasheetStep1Answer, "AF3B884FA07C137CE1", UltralightCAuthResult.UnexpectedCode, 2)]
        [InlineData(DatasheetStep1Answer, "", UltralightCAuthResult.ShortFrame, 2)]
        public void MalformedAnswerGivesReason(string step1Answer, string? step2Answer, UltralightCAuthResult expected, int step)
        {
            var card = DatasheetCard(step1Answer, step2Answer ?? DatasheetStep2Answer);
            var authenticator = new UltralightCAuthenticator(card, new FixedRandomSource(DatasheetRndA));

            Assert.Equal(expected, authenticator.Authenticate(Hex(DatasheetKey), 0));
            Assert.Equal(step, authenticator.FailedStep);
        }

        [Fact]
        public void AuthenticationAllocatesNothing()
        {
            var card = DatasheetCard();
            var authenticator = new UltralightCAuthenticator(card, new FixedRandomSource(DatasheetRndA));
            byte[] key = Hex(DatasheetKey);
            authenticator.Authenticate(key, 0);
            card.RecordFrames = false;

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10; i++)
            {
                authenticator.Authenticate(key, 0);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [Fact]
        public void DescribeNamesEveryResult()
        {
            foreach (UltralightCAuthResult result in Enum.GetValues<UltralightCAuthResult>())
            {
                Assert.DoesNotContain("unknown result", UltralightCAuthenticator.Describe(result));
            }
        }

        private static ScriptedDatasheetCard DatasheetCard(string step1Answer = DatasheetStep1Answer, string step2Answer = DatasheetStep2Answer)
        {
            return new ScriptedDatasheetCard(Hex(step1Answer), Hex(DatasheetToken), Hex(step2Answer));
        }

        /// <summary>
        /// Responds to 1Ah 00h with the datasheet's AFh ‖ ek(RndB), then to the datasheet token, and to
        /// no other token, with the datasheet's 00h ‖ ek(RndA′). Any other frame gets a NAK.
        /// </summary>
        private sealed class ScriptedDatasheetCard : ICardTransceiver
        {
            private readonly byte[] _step1Answer;
            private readonly byte[] _expectedToken;
            private readonly byte[] _step2Answer;
            private int _failStep;
            private int _failStatus;

            public ScriptedDatasheetCard(byte[] step1Answer, byte[] expectedToken, byte[] step2Answer)
            {
                _step1Answer = step1Answer;
                _expectedToken = expectedToken;
                _step2Answer = step2Answer;
            }

            public List<string> SentFrames { get; } = new List<string>();

            public bool RecordFrames { get; set; } = true;

            public void FailAtStep(int step, int status)
            {
                _failStep = step;
                _failStatus = status;
            }

            public bool TryDetectCard(CardIdentity card)
            {
                return true;
            }

            public int Transceive(byte[] command, int commandLength, byte[] response, int timeoutMs, bool withCrc)
            {
                if (RecordFrames)
                {
                    SentFrames.Add(Convert.ToHexString(command, 0, commandLength));
                }

                Assert.True(withCrc);
                int step = command[0] == UltralightCommands.Authenticate ? 1 : 2;
                if (step == _failStep)
                {
                    return _failStatus;
                }

                if (step == 1)
                {
                    return Answer(_step1Answer, response);
                }

                if (commandLength != _expectedToken.Length)
                {
                    return CardStatus.Nak;
                }

                for (int i = 0; i < commandLength; i++)
                {
                    if (command[i] != _expectedToken[i])
                    {
                        return CardStatus.Nak;
                    }
                }

                return Answer(_step2Answer, response);
            }

            public void Halt()
            {
            }

            private static int Answer(byte[] answer, byte[] response)
            {
                if (answer.Length > response.Length)
                {
                    return CardStatus.Overflow;
                }

                Array.Copy(answer, response, answer.Length);
                return answer.Length;
            }
        }
    }
}
