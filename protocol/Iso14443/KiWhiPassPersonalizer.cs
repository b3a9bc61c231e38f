using System;
using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Protocol.Crypto;

namespace KiWhi.Armoire.Protocol.Iso14443
{
    /// <summary>
    /// Turns a blank Ultralight C into a KiWhi Pass: writes the data pages, replaces the factory key with
    /// the card's diversified key, protects pages 04h and above (AUTH0 = 04h, AUTH1 = 00h) and, on request,
    /// sets the lock bits of the key and access configuration pages.
    /// </summary>
    /// <remarks>
    /// Every step is verified before the next one starts, in an order that keeps a working key:
    /// <list type="number">
    /// <item>The current key is found first: factory key, diversified key (a card personalized before,
    /// so the run resumes), or a mix of both page by page (a key write torn by a removal). A card whose
    /// key pages are still unprotected (AUTH0 = 30h) is accepted even when no key works, because its key
    /// can be rewritten without authentication.</item>
    /// <item>The key pages are written while AUTH0 is still as found. The new key takes effect only after
    /// a re-activation (datasheet §7.5.7), so the card is re-activated and must authenticate with the new
    /// key. Otherwise the run finds the key that works and writes again.</item>
    /// <item>AUTH0 and AUTH1 are written only after the new key has authenticated. Then an
    /// unauthenticated READ must fail and a READ after authentication must return the written data.</item>
    /// <item>Lock bits are written last, only after all of the above. They are irreversible.</item>
    /// </list>
    /// Runs on the device or on a host tool. Not thread-safe.
    /// </remarks>
    public sealed class KiWhiPassPersonalizer
    {
        /// <summary>
        /// WRITE response timeout. NOTE: an estimate (the 5 ms TTimeOut of AUTHENTICATE plus the EEPROM
        /// programming time), not a value read in the datasheet.
        /// </summary>
        public const int WriteTimeoutMs = 10;

        /// <summary>Key writes tried before giving up with <see cref="KiWhiPassPersonalizationResult.VerificationFailed"/>.</summary>
        public const int MaxKeyWriteAttempts = 2;

        // Lock byte 3 (page 28h, byte 1): bit 5 locks AUTH0 (2Ah), bit 6 AUTH1 (2Bh), bit 7 the key pages.
        // NOTE: bit positions come from a third-party library's mapping and were not checked against the
        // datasheet text.
        private const byte ConfigurationLockBits = 0xE0;
        private const int KeyPageCount = 4;
        private const int DataPageCount = KiWhiPassLayout.DataLength / UltralightCommands.PageSize;

        // Offsets in the 16 bytes returned by READ 28h (pages 28h, 29h, 2Ah, 2Bh).
        private const int LockByte3Offset = 1;
        private const int Auth0Offset = 8;
        private const int Auth1Offset = 12;

        private readonly ICardTransceiver _transceiver;
        private readonly UltralightCAuthenticator _authenticator;
        private readonly An10922KeyDiversifier _diversifier;
        private readonly CardIdentity _card = new CardIdentity();
        private readonly CardIdentity _probe = new CardIdentity();
        private readonly byte[] _diversificationInput = new byte[KiWhiPassLayout.DiversificationInputLength];
        private readonly byte[] _newKey = new byte[UltralightCKeyFormat.KeyLength];
        private readonly byte[] _factoryKey = new byte[UltralightCKeyFormat.KeyLength];
        private readonly byte[] _candidateKey = new byte[UltralightCKeyFormat.KeyLength];
        private readonly byte[] _oldPages = new byte[UltralightCKeyFormat.KeyLength];
        private readonly byte[] _newPages = new byte[UltralightCKeyFormat.KeyLength];
        private readonly byte[] _mixedPages = new byte[UltralightCKeyFormat.KeyLength];
        private readonly byte[] _data = new byte[KiWhiPassLayout.DataLength];
        private readonly byte[] _page = new byte[UltralightCommands.PageSize];
        private readonly byte[] _command = new byte[2 + UltralightCommands.PageSize];
        private readonly byte[] _response = new byte[UltralightCommands.ReadLength + 8];
        private KiWhiPassPersonalizationStep _lastStep;

        private enum KeyAttempt
        {
            Authenticated,
            Rejected,
            Removed,
        }

        private enum KeyState
        {
            Factory,
            Diversified,
            Mixed,
            UnprotectedKeyPages,
            Unknown,
            NotUltralightC,
            Removed,
        }

        /// <summary>
        /// Creates a personalizer for the 16-byte 2TDEA cabinet master key at <paramref name="masterKeyOffset"/>.
        /// Only key schedules are kept.
        /// </summary>
        public KiWhiPassPersonalizer(ICardTransceiver transceiver, IRandomSource random, byte[] masterKey, int masterKeyOffset)
        {
            if (transceiver == null)
            {
                throw new ArgumentNullException(nameof(transceiver));
            }

            _transceiver = transceiver;
            _authenticator = new UltralightCAuthenticator(transceiver, random);
            _diversifier = new An10922KeyDiversifier(masterKey, masterKeyOffset);
        }

        /// <summary>Step reached by the last <see cref="Personalize"/>: the failed step, or Done.</summary>
        public KiWhiPassPersonalizationStep LastStep
        {
            get { return _lastStep; }
        }

        /// <summary>
        /// Personalizes the card that <see cref="ICardTransceiver.TryDetectCard"/> has just selected into
        /// <paramref name="card"/>. <paramref name="lockConfiguration"/> also sets the irreversible lock
        /// bits of AUTH0, AUTH1 and the key pages once everything else is verified. Never throws for card
        /// behaviour. The card is halted at the end of a successful run.
        /// </summary>
        public KiWhiPassPersonalizationResult Personalize(CardIdentity card, uint cardNumber, uint issuerId, bool lockConfiguration)
        {
            if (card == null)
            {
                throw new ArgumentNullException(nameof(card));
            }

            _lastStep = KiWhiPassPersonalizationStep.Identify;
            if (!UltralightCIdentification.Matches(card.Atqa, card.Sak, card.Uid, card.UidLength))
            {
                return KiWhiPassPersonalizationResult.NotUltralightC;
            }

            _card.CopyFrom(card);
            int inputLength = KiWhiPassLayout.WriteDiversificationInput(card.Uid, 0, _diversificationInput, 0);
            _diversifier.DiversifyKey(_diversificationInput, 0, inputLength, _newKey, 0);
            UltralightCKeyFormat.CopyFactoryKey(_factoryKey, 0);
            try
            {
                KiWhiPassPersonalizationResult result = Run(cardNumber, issuerId, lockConfiguration);
                if (result == KiWhiPassPersonalizationResult.Personalized)
                {
                    _lastStep = KiWhiPassPersonalizationStep.Done;
                    _transceiver.Halt();
                }

                return result;
            }
            finally
            {
                Array.Clear(_newKey, 0, _newKey.Length);
                Array.Clear(_candidateKey, 0, _candidateKey.Length);
                Array.Clear(_newPages, 0, _newPages.Length);
                Array.Clear(_mixedPages, 0, _mixedPages.Length);
                Array.Clear(_command, 0, _command.Length);
            }
        }

        private KiWhiPassPersonalizationResult Run(uint cardNumber, uint issuerId, bool lockConfiguration)
        {
            _lastStep = KiWhiPassPersonalizationStep.FindCurrentKey;
            KeyState keyState = FindCurrentKey(true);
            KiWhiPassPersonalizationResult result = FromKeyState(keyState, KiWhiPassPersonalizationResult.UnknownKey);
            if (result != KiWhiPassPersonalizationResult.Personalized)
            {
                return result;
            }

            _lastStep = KiWhiPassPersonalizationStep.WriteData;
            KiWhiPassLayout.Encode(cardNumber, issuerId, _data, 0);
            result = WritePagesAndReadBack(KiWhiPassLayout.FirstDataPage, _data, DataPageCount);
            if (result != KiWhiPassPersonalizationResult.Personalized)
            {
                return result;
            }

            if (keyState != KeyState.Diversified)
            {
                result = ReplaceKey();
                if (result != KiWhiPassPersonalizationResult.Personalized)
                {
                    return result;
                }
            }

            _lastStep = KiWhiPassPersonalizationStep.WriteAccessConfiguration;
            result = WriteAccessConfiguration();
            if (result != KiWhiPassPersonalizationResult.Personalized)
            {
                return result;
            }

            _lastStep = KiWhiPassPersonalizationStep.VerifyProtection;
            result = VerifyProtection(cardNumber, issuerId);
            if (result != KiWhiPassPersonalizationResult.Personalized || !lockConfiguration)
            {
                return result;
            }

            _lastStep = KiWhiPassPersonalizationStep.Lock;
            result = LockConfiguration();
            if (result != KiWhiPassPersonalizationResult.Personalized)
            {
                return result;
            }

            _lastStep = KiWhiPassPersonalizationStep.VerifyProtection;
            return VerifyProtection(cardNumber, issuerId);
        }

        /// <summary>
        /// Finds the key of the card and leaves the card authenticated with it, or selected with
        /// unprotected key pages. <paramref name="alreadySelected"/> skips the first re-activation.
        /// </summary>
        private KeyState FindCurrentKey(bool alreadySelected)
        {
            if (!alreadySelected && !Reactivate())
            {
                return KeyState.Removed;
            }

            UltralightCAuthResult auth = _authenticator.Authenticate(_factoryKey, 0);
            if (auth == UltralightCAuthResult.Authenticated)
            {
                return KeyState.Factory;
            }

            if (auth == UltralightCAuthResult.Nak && _authenticator.FailedStep == 1)
            {
                return KeyState.NotUltralightC;
            }

            KeyAttempt attempt = TryKey(_newKey);
            if (attempt != KeyAttempt.Rejected)
            {
                return attempt == KeyAttempt.Authenticated ? KeyState.Diversified : KeyState.Removed;
            }

            // A removal while writing pages 2Ch to 2Fh leaves some pages old and some new. Assuming each
            // page write is atomic, one of the 14 mixes is then the key.
            UltralightCKeyFormat.ToPageBytes(_factoryKey, 0, _oldPages, 0);
            UltralightCKeyFormat.ToPageBytes(_newKey, 0, _newPages, 0);
            for (int mask = 1; mask < (1 << KeyPageCount) - 1; mask++)
            {
                for (int page = 0; page < KeyPageCount; page++)
                {
                    byte[] source = ((mask >> page) & 1) != 0 ? _newPages : _oldPages;
                    Array.Copy(source, page * UltralightCommands.PageSize, _mixedPages, page * UltralightCommands.PageSize, UltralightCommands.PageSize);
                }

                UltralightCKeyFormat.FromPageBytes(_mixedPages, 0, _candidateKey, 0);
                attempt = TryKey(_candidateKey);
                if (attempt != KeyAttempt.Rejected)
                {
                    return attempt == KeyAttempt.Authenticated ? KeyState.Mixed : KeyState.Removed;
                }
            }

            if (!Reactivate())
            {
                return KeyState.Removed;
            }

            // READ 28h returns pages 28h to 2Bh unless AUTH0 protects them. AUTH0 = 30h leaves the key pages writable.
            int received = ReadPages(UltralightCommands.DynamicLockPage);
            if (received == UltralightCommands.ReadLength && _response[Auth0Offset] >= UltralightCommands.Auth0Unprotected)
            {
                return KeyState.UnprotectedKeyPages;
            }

            return KeyState.Unknown;
        }

        /// <summary>Re-activates the card and authenticates with <paramref name="key"/>.</summary>
        private KeyAttempt TryKey(byte[] key)
        {
            if (!Reactivate())
            {
                return KeyAttempt.Removed;
            }

            return _authenticator.Authenticate(key, 0) == UltralightCAuthResult.Authenticated ? KeyAttempt.Authenticated : KeyAttempt.Rejected;
        }

        /// <summary>Writes the diversified key until it authenticates after a re-activation, at most <see cref="MaxKeyWriteAttempts"/> times.</summary>
        private KiWhiPassPersonalizationResult ReplaceKey()
        {
            UltralightCKeyFormat.ToPageBytes(_newKey, 0, _newPages, 0);
            for (int attempt = 0; attempt < MaxKeyWriteAttempts; attempt++)
            {
                _lastStep = KiWhiPassPersonalizationStep.WriteKey;
                for (int page = 0; page < KeyPageCount; page++)
                {
                    Array.Copy(_newPages, page * UltralightCommands.PageSize, _page, 0, UltralightCommands.PageSize);
                    if (WritePage((byte)(UltralightCommands.FirstKeyPage + page), _page) != KiWhiPassPersonalizationResult.Personalized)
                    {
                        break;
                    }
                }

                // The key pages cannot be read back, so the new key must authenticate after a re-activation.
                _lastStep = KiWhiPassPersonalizationStep.VerifyKey;
                if (!Reactivate())
                {
                    return KiWhiPassPersonalizationResult.CardRemoved;
                }

                if (_authenticator.Authenticate(_newKey, 0) == UltralightCAuthResult.Authenticated)
                {
                    return KiWhiPassPersonalizationResult.Personalized;
                }

                _lastStep = KiWhiPassPersonalizationStep.FindCurrentKey;
                KeyState keyState = FindCurrentKey(false);
                if (keyState == KeyState.Diversified)
                {
                    return KiWhiPassPersonalizationResult.Personalized;
                }

                KiWhiPassPersonalizationResult result = FromKeyState(keyState, KiWhiPassPersonalizationResult.VerificationFailed);
                if (result != KiWhiPassPersonalizationResult.Personalized)
                {
                    return result;
                }
            }

            _lastStep = KiWhiPassPersonalizationStep.VerifyKey;
            return KiWhiPassPersonalizationResult.VerificationFailed;
        }

        /// <summary>Sets AUTH1 to 00h and AUTH0 to 04h where they differ, then reads them back. Needs an authenticated card.</summary>
        private KiWhiPassPersonalizationResult WriteAccessConfiguration()
        {
            int received = ReadPages(UltralightCommands.DynamicLockPage);
            if (received != UltralightCommands.ReadLength)
            {
                return FailureAfterExchange(received, KiWhiPassPersonalizationResult.WriteFailed);
            }

            // AUTH1 first, so that AUTH0 never protects the data pages against writes only.
            KiWhiPassPersonalizationResult result;
            if ((_response[Auth1Offset] & 1) != KiWhiPassLayout.Auth1ReadAndWriteProtected)
            {
                result = WriteConfigurationByte(UltralightCommands.Auth1Page, KiWhiPassLayout.Auth1ReadAndWriteProtected);
                if (result != KiWhiPassPersonalizationResult.Personalized)
                {
                    return result;
                }
            }

            if (_response[Auth0Offset] != KiWhiPassLayout.ProtectedFromPage)
            {
                result = WriteConfigurationByte(UltralightCommands.Auth0Page, KiWhiPassLayout.ProtectedFromPage);
                if (result != KiWhiPassPersonalizationResult.Personalized)
                {
                    return result;
                }
            }

            received = ReadPages(UltralightCommands.DynamicLockPage);
            if (received != UltralightCommands.ReadLength)
            {
                return FailureAfterExchange(received, KiWhiPassPersonalizationResult.WriteFailed);
            }

            bool written = _response[Auth0Offset] == KiWhiPassLayout.ProtectedFromPage
                && (_response[Auth1Offset] & 1) == KiWhiPassLayout.Auth1ReadAndWriteProtected;
            return written ? KiWhiPassPersonalizationResult.Personalized : KiWhiPassPersonalizationResult.WriteFailed;
        }

        /// <summary>
        /// Checks from a fresh activation that an unauthenticated READ of the data is rejected, then that
        /// the data read after authentication with the new key decodes to the written card number and issuer.
        /// </summary>
        private KiWhiPassPersonalizationResult VerifyProtection(uint cardNumber, uint issuerId)
        {
            if (!Reactivate())
            {
                return KiWhiPassPersonalizationResult.CardRemoved;
            }

            // Any failure of the READ counts as a rejection, because some reader drivers report a NAK as a
            // transmission error. Data, or silence from a card that is still there, proves nothing.
            int received = ReadPages(KiWhiPassLayout.FirstDataPage);
            if (received >= 0)
            {
                return KiWhiPassPersonalizationResult.VerificationFailed;
            }

            if (received == CardStatus.Timeout)
            {
                return FailureAfterExchange(received, KiWhiPassPersonalizationResult.VerificationFailed);
            }

            // The NAK sent the card back to IDLE, so it must be activated again before the real read.
            KiWhiPassPersonalizationResult result = FromKeyAttempt(TryKey(_newKey));
            if (result != KiWhiPassPersonalizationResult.Personalized)
            {
                return result;
            }

            received = ReadPages(KiWhiPassLayout.FirstDataPage);
            if (received != UltralightCommands.ReadLength)
            {
                return FailureAfterExchange(received, KiWhiPassPersonalizationResult.VerificationFailed);
            }

            uint storedCardNumber;
            uint storedIssuerId;
            KiWhiPassRejection layout = KiWhiPassLayout.Decode(_response, 0, out storedCardNumber, out storedIssuerId);
            bool matches = layout == KiWhiPassRejection.None && storedCardNumber == cardNumber && storedIssuerId == issuerId;
            return matches ? KiWhiPassPersonalizationResult.Personalized : KiWhiPassPersonalizationResult.VerificationFailed;
        }

        /// <summary>Sets the lock bits of AUTH0, AUTH1 and the key pages, then checks them from a fresh activation.</summary>
        private KiWhiPassPersonalizationResult LockConfiguration()
        {
            KiWhiPassPersonalizationResult result = FromKeyAttempt(TryKey(_newKey));
            if (result != KiWhiPassPersonalizationResult.Personalized)
            {
                return result;
            }

            int received = ReadPages(UltralightCommands.DynamicLockPage);
            if (received != UltralightCommands.ReadLength)
            {
                return FailureAfterExchange(received, KiWhiPassPersonalizationResult.WriteFailed);
            }

            if ((_response[LockByte3Offset] & ConfigurationLockBits) != ConfigurationLockBits)
            {
                // Lock bits are ORed into the stored ones, so only the new bits need sending.
                Array.Clear(_page, 0, _page.Length);
                _page[LockByte3Offset] = ConfigurationLockBits;
                result = WritePage(UltralightCommands.DynamicLockPage, _page);
                if (result != KiWhiPassPersonalizationResult.Personalized)
                {
                    return result;
                }
            }

            // New lock bits take effect at the next activation.
            result = FromKeyAttempt(TryKey(_newKey));
            if (result != KiWhiPassPersonalizationResult.Personalized)
            {
                return result;
            }

            received = ReadPages(UltralightCommands.DynamicLockPage);
            if (received != UltralightCommands.ReadLength)
            {
                return FailureAfterExchange(received, KiWhiPassPersonalizationResult.WriteFailed);
            }

            bool locked = (_response[LockByte3Offset] & ConfigurationLockBits) == ConfigurationLockBits;
            return locked ? KiWhiPassPersonalizationResult.Personalized : KiWhiPassPersonalizationResult.WriteFailed;
        }

        private KiWhiPassPersonalizationResult WriteConfigurationByte(byte page, byte value)
        {
            Array.Clear(_page, 0, _page.Length);
            _page[0] = value;
            return WritePage(page, _page);
        }

        /// <summary>Writes <paramref name="pageCount"/> pages (at most 4) from <paramref name="data"/>, then compares one READ with them.</summary>
        private KiWhiPassPersonalizationResult WritePagesAndReadBack(byte firstPage, byte[] data, int pageCount)
        {
            for (int page = 0; page < pageCount; page++)
            {
                Array.Copy(data, page * UltralightCommands.PageSize, _page, 0, UltralightCommands.PageSize);
                KiWhiPassPersonalizationResult result = WritePage((byte)(firstPage + page), _page);
                if (result != KiWhiPassPersonalizationResult.Personalized)
                {
                    return result;
                }
            }

            int received = ReadPages(firstPage);
            if (received != UltralightCommands.ReadLength)
            {
                return FailureAfterExchange(received, KiWhiPassPersonalizationResult.WriteFailed);
            }

            for (int i = 0; i < pageCount * UltralightCommands.PageSize; i++)
            {
                if (_response[i] != data[i])
                {
                    return KiWhiPassPersonalizationResult.WriteFailed;
                }
            }

            return KiWhiPassPersonalizationResult.Personalized;
        }

        /// <summary>
        /// Sends WRITE and checks the response. A 4-bit ACK arrives as one byte whose low nibble is Ah. An
        /// empty response is also accepted, because some reader drivers do not report the ACK, so every
        /// write is verified separately.
        /// </summary>
        private KiWhiPassPersonalizationResult WritePage(byte page, byte[] pageData)
        {
            _command[0] = UltralightCommands.Write;
            _command[1] = page;
            Array.Copy(pageData, 0, _command, 2, UltralightCommands.PageSize);
            int received = _transceiver.Transceive(_command, _command.Length, _response, WriteTimeoutMs, true);
            bool acknowledged = received == 0 || (received == 1 && (_response[0] & 0x0F) == UltralightCommands.Ack);
            return acknowledged ? KiWhiPassPersonalizationResult.Personalized : FailureAfterExchange(received, KiWhiPassPersonalizationResult.WriteFailed);
        }

        private int ReadPages(byte page)
        {
            _command[0] = UltralightCommands.Read;
            _command[1] = page;
            return _transceiver.Transceive(_command, 2, _response, KiWhiPassReader.ReadTimeoutMs, true);
        }

        /// <summary>
        /// Returns CardRemoved when a timeout or transmission error came from a card that left the field,
        /// otherwise <paramref name="failure"/>.
        /// </summary>
        private KiWhiPassPersonalizationResult FailureAfterExchange(int received, KiWhiPassPersonalizationResult failure)
        {
            bool silent = received == CardStatus.Timeout || received == CardStatus.TransmissionError;
            if (silent && !Reactivate())
            {
                return KiWhiPassPersonalizationResult.CardRemoved;
            }

            return failure;
        }

        /// <summary>
        /// Selects the card again and returns true when it has the same UID. A card still ACTIVE treats
        /// the first REQA or WUPA as an invalid frame and falls back to IDLE, so a second detection
        /// selects it. No HLTA is sent, because readers that poll with REQA cannot wake a halted card.
        /// Re-activation also makes a newly written key effective.
        /// </summary>
        private bool Reactivate()
        {
            bool detected = _transceiver.TryDetectCard(_probe) || _transceiver.TryDetectCard(_probe);
            return detected && _probe.SameUid(_card);
        }

        private static KiWhiPassPersonalizationResult FromKeyAttempt(KeyAttempt attempt)
        {
            switch (attempt)
            {
                case KeyAttempt.Authenticated:
                    return KiWhiPassPersonalizationResult.Personalized;
                case KeyAttempt.Removed:
                    return KiWhiPassPersonalizationResult.CardRemoved;
                default:
                    return KiWhiPassPersonalizationResult.VerificationFailed;
            }
        }

        private static KiWhiPassPersonalizationResult FromKeyState(KeyState keyState, KiWhiPassPersonalizationResult noKey)
        {
            switch (keyState)
            {
                case KeyState.NotUltralightC:
                    return KiWhiPassPersonalizationResult.NotUltralightC;
                case KeyState.Removed:
                    return KiWhiPassPersonalizationResult.CardRemoved;
                case KeyState.Unknown:
                    return noKey;
                default:
                    return KiWhiPassPersonalizationResult.Personalized;
            }
        }
    }
}
