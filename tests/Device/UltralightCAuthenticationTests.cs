using System;
using System.Collections;
using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Protocol.Iso14443;
using nanoFramework.TestFramework;

namespace KiWhi.Armoire.Tests.Device
{
    /// <summary>
    /// The reader side of the Ultralight C mutual authentication on nanoCLR, against the worked example
    /// of the MF0ICU2 datasheet (Rev 3.3, §7.5.6), the exchange the host tests use
    /// (tests/KiWhi.Armoire.Tests/Card/UltralightCAuthenticatorTests.cs). The simulated card of the host
    /// runs its 3DES on .NET, so here a scripted card responds with the datasheet's frames and sends a
    /// NAK for any other token, as a real card does when RndB′ does not match.
    /// </summary>
    [TestClass]
    public class UltralightCAuthenticationTests
    {
        private const string DatasheetKey = "49454D4B41455242214E4143554F5946";
        private const string DatasheetRndA = "A8AF3B256C75ED40";
        private const string DatasheetStep1Response = "AF" + "577293FD2F34CA51";
        private const string DatasheetToken = "AF" + "0A638559FC7737F9F15D7862EBBE967A";
        private const string DatasheetStep2Response = "00" + "3B884FA07C137CE1";

        [TestMethod]
        public void DatasheetExampleAuthenticates()
        {
            ScriptedDatasheetCard card = new ScriptedDatasheetCard(DatasheetStep2Response);
            UltralightCAuthenticator authenticator = new UltralightCAuthenticator(card, new FixedRandomSource(DatasheetRndA));

            UltralightCAuthResult result = authenticator.Authenticate(HexText.Parse(DatasheetKey), 0);

            Assert.AreEqual((int)UltralightCAuthResult.Authenticated, (int)result, UltralightCAuthenticator.Describe(result));
            Assert.AreEqual(2, authenticator.FrameCount);
            Assert.AreEqual(0, authenticator.FailedStep);
        }

        [TestMethod]
        public void DatasheetExampleSendsDatasheetFrames()
        {
            ScriptedDatasheetCard card = new ScriptedDatasheetCard(DatasheetStep2Response);
            UltralightCAuthenticator authenticator = new UltralightCAuthenticator(card, new FixedRandomSource(DatasheetRndA));

            authenticator.Authenticate(HexText.Parse(DatasheetKey), 0);

            Assert.AreEqual(2, card.SentFrames.Count);
            Assert.AreEqual("1A00", (string)card.SentFrames[0]);
            Assert.AreEqual(DatasheetToken, (string)card.SentFrames[1]);
        }

        // The key pages of a factory card read 42 52 45 41 and so on. A key given in that page order
        // instead of DES order yields another token, which the card rejects with a NAK.
        [TestMethod]
        public void KeyInPageOrderIsRejected()
        {
            ScriptedDatasheetCard card = new ScriptedDatasheetCard(DatasheetStep2Response);
            UltralightCAuthenticator authenticator = new UltralightCAuthenticator(card, new FixedRandomSource(DatasheetRndA));

            UltralightCAuthResult result = authenticator.Authenticate(HexText.Parse("425245414B4D4549" + "46594F5543414E21"), 0);

            Assert.AreEqual((int)UltralightCAuthResult.Nak, (int)result, UltralightCAuthenticator.Describe(result));
            Assert.AreEqual(2, authenticator.FailedStep);
        }

        // A card that accepts the token but returns a wrong ek(RndA′), as a replayed response would, is rejected.
        [TestMethod]
        public void WrongRndAPrimeIsRejected()
        {
            ScriptedDatasheetCard card = new ScriptedDatasheetCard("00" + "0000000000000000");
            UltralightCAuthenticator authenticator = new UltralightCAuthenticator(card, new FixedRandomSource(DatasheetRndA));

            UltralightCAuthResult result = authenticator.Authenticate(HexText.Parse(DatasheetKey), 0);

            Assert.AreEqual((int)UltralightCAuthResult.WrongRndA, (int)result, UltralightCAuthenticator.Describe(result));
        }

        /// <summary>
        /// Responds to 1Ah 00h with the datasheet's AFh ‖ ek(RndB), to the datasheet token with a given
        /// step-2 response, and to any other frame with a NAK. Records every frame sent as hexadecimal text.
        /// </summary>
        private sealed class ScriptedDatasheetCard : ICardTransceiver
        {
            private readonly byte[] _step1Response = HexText.Parse(DatasheetStep1Response);
            private readonly byte[] _expectedToken = HexText.Parse(DatasheetToken);
            private readonly byte[] _step2Response;

            public ScriptedDatasheetCard(string step2ResponseHex)
            {
                _step2Response = HexText.Parse(step2ResponseHex);
            }

            public ArrayList SentFrames { get; } = new ArrayList();

            public bool TryDetectCard(CardIdentity card)
            {
                return true;
            }

            public int Transceive(byte[] command, int commandLength, byte[] response, int timeoutMs, bool withCrc)
            {
                SentFrames.Add(HexText.Format(command, 0, commandLength));
                if (!withCrc)
                {
                    return CardStatus.TransmissionError;
                }

                if (command[0] == UltralightCommands.Authenticate)
                {
                    return Respond(_step1Response, response);
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

                return Respond(_step2Response, response);
            }

            public void Halt()
            {
            }

            private static int Respond(byte[] frame, byte[] response)
            {
                if (frame.Length > response.Length)
                {
                    return CardStatus.Overflow;
                }

                Array.Copy(frame, response, frame.Length);
                return frame.Length;
            }
        }

        /// <summary>Returns the bytes of one fixed RndA, repeated when more are requested.</summary>
        private sealed class FixedRandomSource : IRandomSource
        {
            private readonly byte[] _bytes;

            public FixedRandomSource(string hex)
            {
                _bytes = HexText.Parse(hex);
            }

            public void NextBytes(byte[] buffer, int offset, int count)
            {
                for (int i = 0; i < count; i++)
                {
                    buffer[offset + i] = _bytes[i % _bytes.Length];
                }
            }
        }
    }
}
