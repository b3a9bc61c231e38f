using System;
using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Protocol.Crypto;

namespace KiWhi.Armoire.Protocol.Iso14443
{
    /// <summary>
    /// Reads a KiWhi Pass card that the transceiver has just detected: checks that it identifies as an
    /// Ultralight C, authenticates it with its key diversified from the cabinet master key (NXP
    /// AN10922, M = UID ‖ "KiWhi"), reads the data pages with one READ and checks their layout and
    /// checksum (<see cref="KiWhiPassLayout"/>). A card that fails any step never yields an idTag.
    /// </summary>
    /// <remarks>
    /// Frames after selection: AUTHENTICATE part 1 and part 2, READ 04h, then HLTA, which ends the
    /// authenticated state. The card then responds to WUPA only. Three command/response exchanges are
    /// the protocol minimum for authenticated data. A read allocates only the idTag and the UID text
    /// of the result (224 bytes on .NET 10 for an accepted card).
    /// Not thread-safe: use one instance from the cabinet loop.
    /// </remarks>
    public sealed class KiWhiPassReader
    {
        /// <summary>
        /// READ response timeout. The datasheet gives 5 ms (TTimeOut) for AUTHENTICATE, and READ is assumed
        /// to need no longer.
        /// </summary>
        public const int ReadTimeoutMs = 5;

        private const int CardNumberDigits = 10;

        private readonly ICardTransceiver _transceiver;
        private readonly UltralightCAuthenticator _authenticator;
        private readonly An10922KeyDiversifier _diversifier;
        private readonly KiWhiIdTagRule _idTagRule;
        private readonly CardIdentity _probe = new CardIdentity();
        private readonly byte[] _diversificationInput = new byte[KiWhiPassLayout.DiversificationInputLength];
        private readonly byte[] _cardKey = new byte[UltralightCKeyFormat.KeyLength];
        private readonly byte[] _command = new byte[2];

        // Longer than the 16 bytes of a READ response, so that a long frame is not taken for valid data.
        private readonly byte[] _response = new byte[UltralightCommands.ReadLength + 8];

        /// <summary>
        /// Creates a reader. <paramref name="masterKey"/> contains the 16-byte 2TDEA cabinet master key at
        /// <paramref name="masterKeyOffset"/>. Only its key schedule is kept, so the caller may wipe the bytes.
        /// </summary>
        public KiWhiPassReader(ICardTransceiver transceiver, IRandomSource random, byte[] masterKey, int masterKeyOffset, KiWhiIdTagRule idTagRule)
        {
            if (transceiver == null)
            {
                throw new ArgumentNullException(nameof(transceiver));
            }

            _transceiver = transceiver;
            _authenticator = new UltralightCAuthenticator(transceiver, random);
            _diversifier = new An10922KeyDiversifier(masterKey, masterKeyOffset);
            _idTagRule = idTagRule;
        }

        /// <summary>
        /// Reads the card that <see cref="ICardTransceiver.TryDetectCard"/> has just selected into
        /// <paramref name="card"/> and fills <paramref name="result"/>. Never throws for card behaviour,
        /// and ends with the card halted whenever it is still in the field.
        /// </summary>
        public void Read(CardIdentity card, KiWhiPassReadResult result)
        {
            if (card == null)
            {
                throw new ArgumentNullException(nameof(card));
            }

            if (result == null)
            {
                throw new ArgumentNullException(nameof(result));
            }

            result.Reset(FormatHex(card.Uid, card.UidLength));
            if (!UltralightCIdentification.Matches(card.Atqa, card.Sak, card.Uid, card.UidLength))
            {
                result.Reject(KiWhiPassRejection.NotUltralightC);
                _transceiver.Halt();
                return;
            }

            KiWhiPassRejection rejection = AuthenticateAndRead(card, result);
            if (rejection != KiWhiPassRejection.None)
            {
                result.Reject(rejection);
                if (rejection != KiWhiPassRejection.CardRemoved)
                {
                    _transceiver.Halt();
                }

                return;
            }

            _transceiver.Halt();
        }

        /// <summary>Overwrites the master key schedule with zeros. The reader is unusable afterwards.</summary>
        public void Clear()
        {
            _diversifier.Clear();
        }

        private KiWhiPassRejection AuthenticateAndRead(CardIdentity card, KiWhiPassReadResult result)
        {
            int inputLength = KiWhiPassLayout.WriteDiversificationInput(card.Uid, 0, _diversificationInput, 0);
            _diversifier.DiversifyKey(_diversificationInput, 0, inputLength, _cardKey, 0);
            UltralightCAuthResult auth = _authenticator.Authenticate(_cardKey, 0);
            Array.Clear(_cardKey, 0, _cardKey.Length);

            if (auth != UltralightCAuthResult.Authenticated)
            {
                result.SetAuthFailure(auth, _authenticator.FailedStep);
                return ClassifyAuthFailure(auth, _authenticator.FailedStep, card);
            }

            _command[0] = UltralightCommands.Read;
            _command[1] = KiWhiPassLayout.FirstDataPage;
            int received = _transceiver.Transceive(_command, 2, _response, ReadTimeoutMs, true);
            if ((received == CardStatus.Timeout || received == CardStatus.TransmissionError) && !IsStillInField(card))
            {
                return KiWhiPassRejection.CardRemoved;
            }

            if (received != UltralightCommands.ReadLength)
            {
                return KiWhiPassRejection.ReadFailed;
            }

            uint cardNumber;
            uint issuerId;
            KiWhiPassRejection layout = KiWhiPassLayout.Decode(_response, 0, out cardNumber, out issuerId);
            if (layout != KiWhiPassRejection.None)
            {
                return layout;
            }

            string idTag = _idTagRule == KiWhiIdTagRule.CardNumber
                ? FormatDecimal(cardNumber, CardNumberDigits)
                : FormatHex(card.Uid, UltralightCIdentification.UidLength);
            result.Accept(idTag, cardNumber, issuerId);
            return KiWhiPassRejection.None;
        }

        private KiWhiPassRejection ClassifyAuthFailure(UltralightCAuthResult auth, int failedStep, CardIdentity card)
        {
            // AUTHENTICATE part 1 is valid in the ACTIVE state of an Ultralight C, so a NAK to it comes from
            // another card type such as a plain Ultralight or an NTAG.
            if (auth == UltralightCAuthResult.Nak && failedStep == 1)
            {
                return KiWhiPassRejection.NotUltralightC;
            }

            if ((auth == UltralightCAuthResult.Timeout || auth == UltralightCAuthResult.TransmissionError) && !IsStillInField(card))
            {
                return KiWhiPassRejection.CardRemoved;
            }

            return KiWhiPassRejection.NotAuthenticated;
        }

        /// <summary>
        /// Re-activates the card and returns true when the same UID responds. A card still ACTIVE treats
        /// the first REQA or WUPA as an invalid frame and falls back to IDLE, so a second detection
        /// selects it. No HLTA is sent, because readers that poll with REQA cannot wake a halted card.
        /// </summary>
        private bool IsStillInField(CardIdentity card)
        {
            bool detected = _transceiver.TryDetectCard(_probe) || _transceiver.TryDetectCard(_probe);
            return detected && _probe.SameUid(card);
        }

        private static string FormatHex(byte[] bytes, int count)
        {
            if (bytes == null || count <= 0 || count > bytes.Length)
            {
                return string.Empty;
            }

            char[] chars = new char[2 * count];
            for (int i = 0; i < count; i++)
            {
                chars[2 * i] = HexDigit(bytes[i] >> 4);
                chars[2 * i + 1] = HexDigit(bytes[i] & 15);
            }

            return new string(chars);
        }

        private static string FormatDecimal(uint value, int digits)
        {
            char[] chars = new char[digits];
            for (int i = digits - 1; i >= 0; i--)
            {
                chars[i] = (char)('0' + (int)(value % 10));
                value /= 10;
            }

            return new string(chars);
        }

        private static char HexDigit(int value)
        {
            return (char)(value < 10 ? '0' + value : 'A' + value - 10);
        }
    }
}
