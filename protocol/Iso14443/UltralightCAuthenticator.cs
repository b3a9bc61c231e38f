using System;
using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Protocol.Crypto;

namespace KiWhi.Armoire.Protocol.Iso14443
{
    /// <summary>
    /// Reader side of the MIFARE Ultralight C mutual authentication (MF0ICU2 datasheet Rev 3.3, §7.5.5,
    /// §7.5.6 and §9.5) over <see cref="ICardTransceiver.Transceive"/>, with CRC_A added by the reader:
    /// <code>
    /// reader → card: 1Ah 00h
    /// card → reader: AFh ‖ ek(RndB)
    /// reader → card: AFh ‖ ek(RndA ‖ RndB′)
    /// card → reader: 00h ‖ ek(RndA′)
    /// </code>
    /// ek is two-key 3DES in CBC mode and X′ is X rotated left by one byte. The IV is zero for the first
    /// block of the exchange and then always the last ciphertext block sent on the air: ek(RndB) for the
    /// token, and the second token block for ek(RndA′). RndA comes from <see cref="IRandomSource"/>.
    /// </summary>
    /// <remarks>
    /// Authentication sets up no session key: later READ and WRITE frames travel in plain text. A HALT or
    /// a NAK ends the authenticated state. Buffers are preallocated, so an authentication allocates
    /// nothing. Not thread-safe.
    /// </remarks>
    public sealed class UltralightCAuthenticator
    {
        /// <summary>Key length in bytes (DES order, see <see cref="UltralightCKeyFormat"/>).</summary>
        public const int KeyLength = UltralightCKeyFormat.KeyLength;

        /// <summary>Response timeout of both steps: TTimeOut is 5 ms in datasheet Tables 24 and 27.</summary>
        public const int ResponseTimeoutMs = 5;

        private const int NonceLength = 8;
        private const int AnswerLength = 1 + NonceLength;
        private const int TokenFrameLength = 1 + 2 * NonceLength;

        private readonly ICardTransceiver _transceiver;
        private readonly IRandomSource _random;
        private readonly TwoKeyTripleDes _cipher = new TwoKeyTripleDes();
        private readonly byte[] _command = new byte[TokenFrameLength];

        // Longer than any valid response, so that a long frame is seen as long and not as an overflow.
        private readonly byte[] _response = new byte[AnswerLength + 8];
        private readonly byte[] _iv = new byte[NonceLength];
        private readonly byte[] _rndA = new byte[NonceLength];
        private readonly byte[] _rndB = new byte[NonceLength];
        private readonly byte[] _rndAPrime = new byte[NonceLength];
        private int _failedStep;
        private int _frameCount;

        /// <summary>Creates an authenticator that talks through <paramref name="transceiver"/> and draws RndA from <paramref name="random"/>.</summary>
        public UltralightCAuthenticator(ICardTransceiver transceiver, IRandomSource random)
        {
            if (transceiver == null)
            {
                throw new ArgumentNullException(nameof(transceiver));
            }

            if (random == null)
            {
                throw new ArgumentNullException(nameof(random));
            }

            _transceiver = transceiver;
            _random = random;
        }

        /// <summary>Step of the last failed authentication: 1 (1Ah 00h) or 2 (the token), 0 after a success.</summary>
        public int FailedStep
        {
            get { return _failedStep; }
        }

        /// <summary>Frames sent to the card by the last <see cref="Authenticate"/>: 2 for a complete exchange.</summary>
        public int FrameCount
        {
            get { return _frameCount; }
        }

        /// <summary>
        /// Runs the mutual authentication with the selected card and the 16-byte key at
        /// <paramref name="keyOffset"/>, in DES order. Never throws for card behaviour: a missing,
        /// slow, cloned or misbehaving card yields a reason other than <see cref="UltralightCAuthResult.Authenticated"/>.
        /// The key schedule and both nonces are wiped before returning.
        /// </summary>
        public UltralightCAuthResult Authenticate(byte[] key, int keyOffset)
        {
            _cipher.SetKey(key, keyOffset);
            try
            {
                return RunExchange();
            }
            finally
            {
                _cipher.Clear();
                Array.Clear(_rndA, 0, NonceLength);
                Array.Clear(_rndB, 0, NonceLength);
                Array.Clear(_rndAPrime, 0, NonceLength);
                Array.Clear(_command, 0, TokenFrameLength);
            }
        }

        /// <summary>Returns an English text for the log that explains <paramref name="result"/>.</summary>
        public static string Describe(UltralightCAuthResult result)
        {
            switch (result)
            {
                case UltralightCAuthResult.Authenticated:
                    return "authenticated";
                case UltralightCAuthResult.Timeout:
                    return "no answer in time (card removed or too slow)";
                case UltralightCAuthResult.Nak:
                    return "card answered NAK (AUTHENTICATE not supported, or another key)";
                case UltralightCAuthResult.TransmissionError:
                    return "CRC_A, parity or collision error in the answer";
                case UltralightCAuthResult.ShortFrame:
                    return "answer shorter than 9 bytes";
                case UltralightCAuthResult.LongFrame:
                    return "answer longer than 9 bytes";
                case UltralightCAuthResult.UnexpectedCode:
                    return "answer starts with an unexpected code";
                case UltralightCAuthResult.WrongRndA:
                    return "card's ek(RndA') does not match RndA (replayed answer or wrong key)";
                case UltralightCAuthResult.ReaderError:
                    return "reader failure";
                default:
                    return "unknown result " + (int)result;
            }
        }

        private UltralightCAuthResult RunExchange()
        {
            _frameCount = 0;
            _failedStep = 1;

            _command[0] = UltralightCommands.Authenticate;
            _command[1] = UltralightCommands.AuthenticateArgument;
            UltralightCAuthResult result = Exchange(2, UltralightCommands.AuthenticateContinue);
            if (result != UltralightCAuthResult.Authenticated)
            {
                return result;
            }

            // Step 1: the first block of the protocol uses IV = 0. Afterwards the IV is ek(RndB).
            Array.Clear(_iv, 0, NonceLength);
            _cipher.DecryptCbc(_iv, _response, 1, NonceLength, _rndB, 0);

            // Step 2: the token RndA ‖ RndB′ is built and encrypted in the command buffer. The IV then
            // contains the second token block, which the card uses as IV to encrypt RndA′.
            _random.NextBytes(_rndA, 0, NonceLength);
            _command[0] = UltralightCommands.AuthenticateContinue;
            Array.Copy(_rndA, 0, _command, 1, NonceLength);
            for (int i = 0; i < NonceLength; i++)
            {
                _command[1 + NonceLength + i] = _rndB[(i + 1) % NonceLength];
            }

            _cipher.EncryptCbc(_iv, _command, 1, 2 * NonceLength, _command, 1);

            _failedStep = 2;
            result = Exchange(TokenFrameLength, UltralightCommands.AuthenticateAccepted);
            if (result != UltralightCAuthResult.Authenticated)
            {
                return result;
            }

            _cipher.DecryptCbc(_iv, _response, 1, NonceLength, _rndAPrime, 0);
            int difference = 0;
            for (int i = 0; i < NonceLength; i++)
            {
                difference |= _rndAPrime[i] ^ _rndA[(i + 1) % NonceLength];
            }

            if (difference != 0)
            {
                return UltralightCAuthResult.WrongRndA;
            }

            _failedStep = 0;
            return UltralightCAuthResult.Authenticated;
        }

        /// <summary>
        /// Sends the command and returns Authenticated when the response is <paramref name="expectedCode"/>
        /// and 8 bytes, otherwise the reason it is not.
        /// </summary>
        private UltralightCAuthResult Exchange(int commandLength, byte expectedCode)
        {
            _frameCount++;
            int received = _transceiver.Transceive(_command, commandLength, _response, ResponseTimeoutMs, true);
            if (received < 0)
            {
                return FromStatus(received);
            }

            if (received < AnswerLength)
            {
                return UltralightCAuthResult.ShortFrame;
            }

            if (received > AnswerLength)
            {
                return UltralightCAuthResult.LongFrame;
            }

            if (_response[0] != expectedCode)
            {
                return UltralightCAuthResult.UnexpectedCode;
            }

            return UltralightCAuthResult.Authenticated;
        }

        private static UltralightCAuthResult FromStatus(int status)
        {
            switch (status)
            {
                case CardStatus.Timeout:
                    return UltralightCAuthResult.Timeout;
                case CardStatus.Nak:
                    return UltralightCAuthResult.Nak;
                case CardStatus.TransmissionError:
                    return UltralightCAuthResult.TransmissionError;
                case CardStatus.Overflow:
                    return UltralightCAuthResult.LongFrame;
                default:
                    return UltralightCAuthResult.ReaderError;
            }
        }
    }
}
