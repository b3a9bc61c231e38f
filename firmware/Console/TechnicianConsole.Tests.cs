using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Protocol.Iso14443;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>test relay, test reader and test keypad.</summary>
    public sealed partial class TechnicianConsole
    {
        /// <summary>Relay test duration when none is given, in seconds.</summary>
        public const int DefaultRelayTestSeconds = 5;

        private long _testDeadlineMs;
        private int _testKeyCount;
        private int _relayTestConnectorId;

        /// <summary>Shows a key pressed during a keypad test.</summary>
        public void OnKeyPressed(char key, long nowMs)
        {
            if (_mode != ConsoleMode.KeypadTest)
            {
                return;
            }

            _lastInputMs = nowMs;
            _testKeyCount++;
            WriteLine(Text(ConsoleTextId.KeypadKey, key.ToString()));
        }

        /// <summary>
        /// Shows the card detected during a reader test and ends the test. <paramref name="result"/> is
        /// the KiWhi Pass read of the card, or null when the cabinet does not authenticate cards.
        /// </summary>
        public void OnCardForTest(CardIdentity card, KiWhiPassReadResult result, long nowMs)
        {
            if (_mode != ConsoleMode.ReaderTest)
            {
                return;
            }

            _nowMs = nowMs;
            string uid = SettingText.ToHex(Slice(card.Uid, card.UidLength));
            WriteLine(Text(ConsoleTextId.ReaderCard, new string[]
            {
                uid, card.UidLength.ToString(), SettingText.ToHex(new byte[] { (byte)(card.Atqa >> 8), (byte)card.Atqa }), SettingText.ToHex(new byte[] { card.Sak }),
            }));

            if (result == null)
            {
                WriteLine(Text(ConsoleTextId.ReaderNotChecked));
            }
            else if (result.IsAccepted)
            {
                WriteLine(Text(ConsoleTextId.ReaderAccepted, result.IdTag));
            }
            else
            {
                WriteLine(Text(ConsoleTextId.ReaderRejected, Text(RejectionText(result.Rejection))));
            }

            _log.Info(Component, "reader test: card UID " + FrontPanel.Mask(uid) + (result == null ? ", not authenticated" : result.IsAccepted ? ", accepted" : ", rejected"));
            BackToPrompt();
        }

        /// <summary>
        /// Reports the outcome of personalising the card the cabinet detected, and ends the wait.
        /// <paramref name="uidHex"/> is the card's UID in hexadecimal.
        /// </summary>
        public void OnCardPersonalized(string uidHex, KiWhiPassPersonalizationResult result, KiWhiPassPersonalizationStep lastStep, long nowMs)
        {
            if (_mode != ConsoleMode.CardPersonalization)
            {
                return;
            }

            _nowMs = nowMs;
            if (result == KiWhiPassPersonalizationResult.Personalized)
            {
                WriteLine(Text(ConsoleTextId.CardPersonalized, new string[] { uidHex, _cardNumber.ToString(), _cardIssuer.ToString() }));
                _log.Info(Component, "card " + FrontPanel.Mask(uidHex) + " personalised as number " + _cardNumber.ToString());
            }
            else
            {
                WriteLine(Text(ConsoleTextId.CardPersonalizationFailed, new string[] { uidHex, StepName(lastStep), ResultName(result) }));
                _log.Warning(Component, "personalisation of card " + FrontPanel.Mask(uidHex) + " failed: " + ResultName(result)
                    + " at step " + StepName(lastStep));
            }

            BackToPrompt();
        }

        /// <summary>Card number and issuer of the card being personalised.</summary>
        public uint PendingCardNumber
        {
            get { return _cardNumber; }
        }

        /// <summary>Issuer of the card being personalised.</summary>
        public uint PendingCardIssuer
        {
            get { return _cardIssuer; }
        }

        private uint _cardNumber;
        private uint _cardIssuer;

        private void BeginCardPersonalization(string[] words)
        {
            string action = words.Length >= 2 ? SettingText.ToLowerAscii(words[1]) : "";
            if ((action != "personalise" && action != "personalize") || words.Length < 3 || words.Length > 4)
            {
                WriteLine(Text(ConsoleTextId.Usage, Text(ConsoleTextId.UsageCard)));
                return;
            }

            uint number;
            uint issuer = 1;
            if (!TryParseCardNumber(words[2], out number) || (words.Length == 4 && !TryParseCardNumber(words[3], out issuer)))
            {
                WriteLine(Text(ConsoleTextId.CardNumberInvalid, SettingText.Printable(words[words.Length == 4 && TryParseCardNumber(words[2], out number) ? 3 : 2])));
                return;
            }

            if (_configuration.CardMasterKey == null || _configuration.CardMasterKey.Length != 16)
            {
                WriteLine(Text(ConsoleTextId.CardNoMasterKey));
                return;
            }

            _cardNumber = number;
            _cardIssuer = issuer;
            _mode = ConsoleMode.CardPersonalization;
            _testDeadlineMs = _nowMs + TestSeconds * 1000L;
            WriteLine(Text(ConsoleTextId.CardWaiting, TestSeconds.ToString()));
        }

        private static string StepName(KiWhiPassPersonalizationStep step)
        {
            switch (step)
            {
                case KiWhiPassPersonalizationStep.Identify:
                    return "Identify";
                case KiWhiPassPersonalizationStep.FindCurrentKey:
                    return "FindCurrentKey";
                case KiWhiPassPersonalizationStep.WriteData:
                    return "WriteData";
                case KiWhiPassPersonalizationStep.WriteKey:
                    return "WriteKey";
                case KiWhiPassPersonalizationStep.VerifyKey:
                    return "VerifyKey";
                case KiWhiPassPersonalizationStep.WriteAccessConfiguration:
                    return "WriteAccessConfiguration";
                case KiWhiPassPersonalizationStep.VerifyProtection:
                    return "VerifyProtection";
                case KiWhiPassPersonalizationStep.Lock:
                    return "Lock";
                default:
                    return "Done";
            }
        }

        private static string ResultName(KiWhiPassPersonalizationResult result)
        {
            switch (result)
            {
                case KiWhiPassPersonalizationResult.NotUltralightC:
                    return "NotUltralightC";
                case KiWhiPassPersonalizationResult.UnknownKey:
                    return "UnknownKey";
                case KiWhiPassPersonalizationResult.CardRemoved:
                    return "CardRemoved";
                case KiWhiPassPersonalizationResult.WriteFailed:
                    return "WriteFailed";
                case KiWhiPassPersonalizationResult.VerificationFailed:
                    return "VerificationFailed";
                default:
                    return "Personalized";
            }
        }

        // Accepts 1..4294967295 in decimal; the card layout stores a 32-bit number.
        private static bool TryParseCardNumber(string text, out uint value)
        {
            value = 0;
            if (text == null || text.Length == 0 || text.Length > 10)
            {
                return false;
            }

            ulong total = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                total = total * 10 + (ulong)(c - '0');
            }

            if (total == 0 || total > uint.MaxValue)
            {
                return false;
            }

            value = (uint)total;
            return true;
        }

        private void RunTest(string[] words)
        {
            string target = words.Length >= 2 ? SettingText.ToLowerAscii(words[1]) : "";
            if (target == "relay" && (words.Length == 3 || words.Length == 4))
            {
                StartRelayTest(words);
            }
            else if (target == "reader" && words.Length == 2)
            {
                StartReaderTest();
            }
            else if (target == "keypad" && words.Length == 2)
            {
                _mode = ConsoleMode.KeypadTest;
                _testDeadlineMs = _nowMs + TestSeconds * 1000L;
                _testKeyCount = 0;
                WriteLine(Text(ConsoleTextId.KeypadWaiting, TestSeconds.ToString()));
            }
            else
            {
                WriteLine(Text(ConsoleTextId.Usage, Text(ConsoleTextId.UsageTest)));
            }
        }

        // Shows the reader chip first, when the reader reports it. A reader that does not respond on its
        // bus cannot read a card, so the test ends there.
        private void StartReaderTest()
        {
            IReaderDiagnostics diagnostics = _hardware.CardReader as IReaderDiagnostics;
            if (diagnostics != null && !ShowReaderChip(diagnostics.ReadChipVersion()))
            {
                return;
            }

            _mode = ConsoleMode.ReaderTest;
            _testDeadlineMs = _nowMs + TestSeconds * 1000L;
            WriteLine(Text(ConsoleTextId.ReaderWaiting, TestSeconds.ToString()));
        }

        // Prints the chip type that VersionReg indicates, and returns false when no chip responded.
        private bool ShowReaderChip(int versionReg)
        {
            ReaderChipKind kind = ReaderChipVersion.Classify(versionReg);
            string value = ReaderChipVersion.FormatValue(versionReg);
            if (kind == ReaderChipKind.Mfrc522)
            {
                WriteLine(Text(ConsoleTextId.ReaderChipMfrc522, ReaderChipVersion.Mfrc522Version(versionReg), value));
                _log.Info(Component, "reader test: " + ReaderChipVersion.Describe(versionReg));
                return true;
            }

            _log.Warning(Component, "reader test: " + ReaderChipVersion.Describe(versionReg));
            if (kind == ReaderChipKind.NoAnswer)
            {
                WriteLine(Text(ConsoleTextId.ReaderChipNoAnswer, value));
                return false;
            }

            WriteLine(Text(kind == ReaderChipKind.KnownClone ? ConsoleTextId.ReaderChipClone : ConsoleTextId.ReaderChipUnknown, value));
            return true;
        }

        private void StartRelayTest(string[] words)
        {
            int connectorId;
            if (!SettingText.TryParseInteger(words[2], out connectorId) || connectorId < 1 || connectorId > _cabinet.BayCount)
            {
                WriteLine(Text(ConsoleTextId.RelayBayInvalid, SettingText.Printable(words[2]), _cabinet.BayCount.ToString()));
                return;
            }

            int seconds = DefaultRelayTestSeconds;
            if (words.Length == 4 && (!SettingText.TryParseInteger(words[3], out seconds) || seconds < 1 || seconds > Cabinet.MaxRelayTestSeconds))
            {
                WriteLine(Text(ConsoleTextId.RelaySecondsInvalid, SettingText.Printable(words[3]), Cabinet.MaxRelayTestSeconds.ToString()));
                return;
            }

            Bay bay = _cabinet.GetBay(connectorId);
            switch (_cabinet.StartRelayTest(connectorId, seconds))
            {
                case RelayTestResult.Started:
                    _relayTestConnectorId = connectorId;
                    _mode = ConsoleMode.RelayTest;
                    WriteLine(Text(ConsoleTextId.RelayStarted, new string[] { connectorId.ToString(), bay.SpotNumber.ToString(), seconds.ToString() }));
                    return;
                case RelayTestResult.SessionActive:
                    WriteLine(Text(ConsoleTextId.RelayBusy, connectorId.ToString()));
                    return;
                case RelayTestResult.AlreadyRunning:
                    WriteLine(Text(ConsoleTextId.RelayAlreadyRunning, _cabinet.RelayTestConnectorId.ToString()));
                    return;
                default:
                    WriteLine(Text(ConsoleTextId.RelayOutOfService, connectorId.ToString(), BayStatusText(bay.Status)));
                    return;
            }
        }

        // Ends the running test early (a line or Ctrl+C) or at its deadline (keypad).
        private void EndTest()
        {
            switch (_mode)
            {
                case ConsoleMode.RelayTest:
                    _cabinet.StopRelayTest();
                    WriteLine(Text(ConsoleTextId.RelayEnded, _relayTestConnectorId.ToString()));
                    break;
                case ConsoleMode.ReaderTest:
                case ConsoleMode.CardPersonalization:
                    WriteLine(Text(ConsoleTextId.Cancelled));
                    break;
                case ConsoleMode.KeypadTest:
                    WriteLine(Text(ConsoleTextId.KeypadEnded, _testKeyCount.ToString()));
                    break;
            }

            BackToPrompt();
        }

        private static ConsoleTextId RejectionText(KiWhiPassRejection rejection)
        {
            switch (rejection)
            {
                case KiWhiPassRejection.NotUltralightC:
                    return ConsoleTextId.RejectionNotUltralightC;
                case KiWhiPassRejection.NotAuthenticated:
                    return ConsoleTextId.RejectionNotAuthenticated;
                case KiWhiPassRejection.UnknownLayout:
                    return ConsoleTextId.RejectionUnknownLayout;
                case KiWhiPassRejection.BadChecksum:
                    return ConsoleTextId.RejectionBadChecksum;
                case KiWhiPassRejection.CardRemoved:
                    return ConsoleTextId.RejectionCardRemoved;
                default:
                    return ConsoleTextId.RejectionReadFailed;
            }
        }

        private static byte[] Slice(byte[] bytes, int length)
        {
            byte[] slice = new byte[length];
            System.Array.Copy(bytes, slice, length);
            return slice;
        }
    }
}
