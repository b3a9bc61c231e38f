using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using KiWhi.Armoire.Protocol.Crypto;
using KiWhi.Armoire.Protocol.Iso14443;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>
    /// A MIFARE Ultralight C (NXP MF0ICU2, datasheet Rev 3.3) for the simulated reader: 48 pages with the
    /// datasheet's access rules, the card side of the 3DES mutual authentication, and knobs for the
    /// attacks and failures the cabinet must survive.
    /// </summary>
    /// <remarks>
    /// Modelled behaviour:
    /// <list type="bullet">
    /// <item>Pages 00h-01h (UID) are read-only. The lock bytes (page 02h bytes 2-3, page 28h bytes 0-1) and
    /// the OTP page 03h are ORed with what is written. Lock bits take effect at the next activation.</item>
    /// <item>AUTH0 (page 2Ah byte 0) is the first protected page and AUTH1 (page 2Bh) bit 0 chooses
    /// write-only protection. READ below AUTH0 rolls over just before AUTH0 when reads are protected,
    /// and after page 2Bh otherwise. Key pages 2Ch-2Fh are write-only.</item>
    /// <item>A written key takes effect at the next activation (datasheet §7.5.7), as on the chip.</item>
    /// <item>The 16-bit counter (page 29h): the first write sets it, later writes add the low nibble of
    /// byte 0 at the next removal from the field (the RF reset).</item>
    /// <item>A NAK, HALT, removal or re-activation ends the authenticated state. After a NAK the
    /// <see cref="SimulatedCardReader"/> puts the card back in IDLE or HALT, so the reader side must
    /// wake it again with WUPA.</item>
    /// </list>
    /// The card's 3DES uses the .NET runtime's TripleDES, so it is independent of the code under test,
    /// except for keys with equal halves, which .NET rejects; those use <see cref="TwoKeyTripleDes"/>.
    /// Frame timing is not modelled beyond <see cref="ResponseDelayMs"/>.
    /// </remarks>
    public sealed class UltralightCCard : SimulatedCard
    {
        /// <summary>Pages 00h to 2Fh.</summary>
        public const int PageCount = UltralightCommands.PageCount;

        /// <summary>
        /// Frame waiting time of the reader side: TTimeOut is 5 ms in datasheet Tables 24 and 27. A response
        /// slower than this is lost.
        /// </summary>
        public const int TimeoutMs = 5;

        private const int PageSize = UltralightCommands.PageSize;
        private const int NonceLength = 8;

        // Datasheet Table 13: the key pages of a new card contain "BREAKMEIFYOUCAN!".
        private static readonly byte[] FactoryKeyPages = new byte[]
        {
            0x42, 0x52, 0x45, 0x41, 0x4B, 0x4D, 0x45, 0x49, 0x46, 0x59, 0x4F, 0x55, 0x43, 0x41, 0x4E, 0x21,
        };

        private readonly object _lock = new object();
        private readonly byte[] _uid;
        private readonly IRandomSource _random;
        private readonly byte[] _memory = new byte[PageCount * PageSize];
        private readonly byte[] _activeKey = new byte[UltralightCKeyFormat.KeyLength];
        private readonly byte[] _effectiveLockBytes = new byte[4];
        private readonly byte[] _rndB = new byte[NonceLength];
        private readonly byte[] _chainIv = new byte[NonceLength];
        private readonly List<byte[]> _recordedResponses = new List<byte[]>();
        private Queue<byte[]> _replayedResponses;
        private AuthenticationState _authenticationState;
        private int _compatibilityWritePage = -1;
        private int _pendingCounterIncrement;
        private int _frameCount;
        private int _removalFrame = -1;
        private bool _removalExecutesFrame;
        private Action _removeFromField;
        private byte _lastNakCode = UltralightCommands.Ack;

        private enum AuthenticationState
        {
            None,
            WaitingForToken,
            Authenticated,
        }

        /// <summary>
        /// Creates a card in its factory state (datasheet Table 13): no protection (AUTH0 = 30h), the
        /// factory key, empty user pages. RndB comes from <paramref name="rndBSource"/>, or from the host's
        /// cryptographic generator when null.
        /// </summary>
        public UltralightCCard(byte[] uid, IRandomSource rndBSource = null)
        {
            if (uid == null)
            {
                throw new ArgumentNullException(nameof(uid));
            }

            if (uid.Length != UltralightCIdentification.UidLength)
            {
                throw new ArgumentException("An Ultralight C has a 7-byte UID, not " + uid.Length + " bytes.", nameof(uid));
            }

            _uid = (byte[])uid.Clone();
            _random = rndBSource ?? new SystemRandomSource();

            // Page 00h: UID0-UID2 and BCC0 = 88h ⊕ UID0 ⊕ UID1 ⊕ UID2; page 01h: UID3-UID6;
            // page 02h byte 0: BCC1 = UID3 ⊕ ... ⊕ UID6 (datasheet §7.5.1). Byte 1 of page 02h is an
            // internal byte whose value is not modelled.
            Array.Copy(_uid, 0, _memory, 0, 3);
            _memory[3] = (byte)(Iso14443Commands.CascadeTag ^ Iso14443Commands.ComputeBcc(_uid, 0, 3));
            Array.Copy(_uid, 3, _memory, 4, 4);
            _memory[8] = Iso14443Commands.ComputeBcc(_uid, 3, 4);
            _memory[UltralightCommands.Auth0Page * PageSize] = UltralightCommands.Auth0Unprotected;
            Array.Copy(FactoryKeyPages, 0, _memory, UltralightCommands.FirstKeyPage * PageSize, FactoryKeyPages.Length);
            LoadKeyAndLocks();
        }

        public override byte[] Uid
        {
            get { return (byte[])_uid.Clone(); }
        }

        public override ushort Atqa
        {
            get { return UltralightCIdentification.Atqa; }
        }

        public override byte Sak
        {
            get { return UltralightCIdentification.Sak; }
        }

        /// <summary>Frames received since creation, counted before any knob acts on them.</summary>
        public int FrameCount
        {
            get
            {
                lock (_lock)
                {
                    return _frameCount;
                }
            }
        }

        /// <summary>True between a successful AUTHENTICATE part 2 and the next NAK, HALT, removal or activation.</summary>
        public bool IsAuthenticated
        {
            get
            {
                lock (_lock)
                {
                    return _authenticationState == AuthenticationState.Authenticated;
                }
            }
        }

        /// <summary>Code of the last NAK sent (datasheet Table 15), or ACK (Ah) when none was sent yet.</summary>
        public byte LastNakCode
        {
            get
            {
                lock (_lock)
                {
                    return _lastNakCode;
                }
            }
        }

        /// <summary>
        /// When true, the card accepts any token at AUTHENTICATE part 2 without checking RndB′, as an
        /// emulator that does not hold the key would. It still encrypts RndA′ with its own key.
        /// </summary>
        public bool ForgeAuthentication { get; set; }

        /// <summary>
        /// Time the card takes to respond, in ms. Above <see cref="TimeoutMs"/> the card still executes each
        /// command but the response is lost (the reader sees a timeout).
        /// </summary>
        public int ResponseDelayMs { get; set; }

        /// <summary>Every response sent since creation, in order, with null for a NAK. Used to build replay attacks.</summary>
        public IReadOnlyList<byte[]> RecordedResponses
        {
            get
            {
                lock (_lock)
                {
                    return _recordedResponses.ToArray();
                }
            }
        }

        /// <summary>Writes a key in DES order to pages 2Ch-2Fh. It takes effect at the next activation, as on the chip.</summary>
        public void WriteKeyPages(byte[] key)
        {
            CheckKey(key);
            lock (_lock)
            {
                UltralightCKeyFormat.ToPageBytes(key, 0, _memory, UltralightCommands.FirstKeyPage * PageSize);
            }
        }

        /// <summary>Sets a key in DES order as if it had been written and the card re-activated since.</summary>
        public void ProgramKey(byte[] key)
        {
            WriteKeyPages(key);
            lock (_lock)
            {
                LoadKeyAndLocks();
            }
        }

        /// <summary>Returns a copy of the 4 bytes of <paramref name="page"/> (00h-2Fh), key pages included.</summary>
        public byte[] GetPage(int page)
        {
            CheckPage(page);
            lock (_lock)
            {
                byte[] bytes = new byte[PageSize];
                Array.Copy(_memory, page * PageSize, bytes, 0, PageSize);
                return bytes;
            }
        }

        /// <summary>
        /// Overwrites <paramref name="page"/> with 4 bytes regardless of access rules, as a fixture would.
        /// Locks and keys set this way take effect at the next activation.
        /// </summary>
        public void SetPage(int page, byte[] bytes)
        {
            CheckPage(page);
            if (bytes == null || bytes.Length != PageSize)
            {
                throw new ArgumentException("A page has 4 bytes; pass exactly 4.", nameof(bytes));
            }

            lock (_lock)
            {
                Array.Copy(bytes, 0, _memory, page * PageSize, PageSize);
            }
        }

        /// <summary>
        /// Returns a card with the same UID and a copy of every page, but the key <paramref name="key"/>
        /// (DES order): a clone made by someone who could read the card but not its key.
        /// </summary>
        public UltralightCCard CloneWithKey(byte[] key)
        {
            CheckKey(key);
            var clone = new UltralightCCard(_uid);
            lock (_lock)
            {
                Array.Copy(_memory, clone._memory, _memory.Length);
            }

            clone.ProgramKey(key);
            return clone;
        }

        /// <summary>
        /// Makes the card respond to every following frame with the next of <paramref name="responses"/>,
        /// whatever the frame contains, as a replay device would. A null entry is sent as a NAK. Once the
        /// responses are used up, the card stays silent.
        /// </summary>
        public void ReplayResponses(IEnumerable<byte[]> responses)
        {
            if (responses == null)
            {
                throw new ArgumentNullException(nameof(responses));
            }

            lock (_lock)
            {
                _replayedResponses = new Queue<byte[]>(responses);
            }
        }

        /// <summary>
        /// Takes the card out of the field when it receives frame number <paramref name="frameNumber"/>
        /// (1-based, counted by <see cref="FrameCount"/>), by calling <paramref name="removeFromField"/>, for
        /// example <c>reader.Remove</c>. With <paramref name="executeFrame"/> the card executes that frame
        /// before leaving (a write that happened but whose ACK was lost); otherwise the frame is lost.
        /// </summary>
        public void RemoveFromFieldAtFrame(int frameNumber, Action removeFromField, bool executeFrame)
        {
            if (removeFromField == null)
            {
                throw new ArgumentNullException(nameof(removeFromField));
            }

            lock (_lock)
            {
                _removalFrame = frameNumber;
                _removeFromField = removeFromField;
                _removalExecutesFrame = executeFrame;
            }
        }

        public override int Respond(byte[] command, int commandLength, byte[] response)
        {
            lock (_lock)
            {
                _frameCount++;
                if (_frameCount == _removalFrame)
                {
                    if (_removalExecutesFrame)
                    {
                        Execute(command, commandLength, response);
                    }

                    Action remove = _removeFromField;
                    _removalFrame = -1;
                    _removeFromField = null;
                    remove();
                    return CardStatus.Timeout;
                }

                if (_replayedResponses != null)
                {
                    return Replay(response);
                }

                int length = Execute(command, commandLength, response);
                _recordedResponses.Add(length >= 0 ? response.AsSpan(0, length).ToArray() : null);
                if (ResponseDelayMs > TimeoutMs)
                {
                    return CardStatus.Timeout;
                }

                return length;
            }
        }

        public override void OnActivated()
        {
            lock (_lock)
            {
                EndSession();
                LoadKeyAndLocks();
            }
        }

        public override void OnHalted()
        {
            lock (_lock)
            {
                EndSession();
            }
        }

        public override void OnRemoved()
        {
            lock (_lock)
            {
                EndSession();
                ApplyPendingCounterIncrement();
            }
        }

        private int Replay(byte[] response)
        {
            if (_replayedResponses.Count == 0)
            {
                return CardStatus.Timeout;
            }

            byte[] recorded = _replayedResponses.Dequeue();
            if (recorded == null)
            {
                return CardStatus.Nak;
            }

            Array.Copy(recorded, response, recorded.Length);
            return recorded.Length;
        }

        private int Execute(byte[] command, int length, byte[] response)
        {
            if (length < 1)
            {
                return Nak(UltralightCommands.NakInvalidArgument);
            }

            if (_compatibilityWritePage >= 0)
            {
                return CompleteCompatibilityWrite(command, length, response);
            }

            if (_authenticationState == AuthenticationState.WaitingForToken)
            {
                // Datasheet Fig. 4: any other command than part 2 is unexpected and ends the exchange.
                if (command[0] != UltralightCommands.AuthenticateContinue || length != 1 + 2 * NonceLength)
                {
                    return Nak(UltralightCommands.NakInvalidArgument);
                }

                return AuthenticatePart2(command, response);
            }

            switch (command[0])
            {
                case UltralightCommands.Read:
                    return length == 2 ? Read(command[1], response) : Nak(UltralightCommands.NakInvalidArgument);
                case UltralightCommands.Write:
                    return length == 2 + PageSize ? Write(command[1], command, 2, response) : Nak(UltralightCommands.NakInvalidArgument);
                case UltralightCommands.CompatibilityWrite:
                    return length == 2 ? StartCompatibilityWrite(command[1], response) : Nak(UltralightCommands.NakInvalidArgument);
                case UltralightCommands.Authenticate:
                    bool valid = length == 2 && command[1] == UltralightCommands.AuthenticateArgument;
                    return valid ? AuthenticatePart1(response) : Nak(UltralightCommands.NakInvalidArgument);
                default:
                    // GET_VERSION, READ_SIG, FAST_READ and the rest are not in the MF0ICU2 command set.
                    return Nak(UltralightCommands.NakInvalidArgument);
            }
        }

        private int Read(int startPage, byte[] response)
        {
            if (startPage >= UltralightCommands.FirstUnreadablePage)
            {
                return Nak(UltralightCommands.NakInvalidArgument);
            }

            int auth0 = _memory[UltralightCommands.Auth0Page * PageSize];
            bool readsRestricted = _authenticationState != AuthenticationState.Authenticated
                && (_memory[UltralightCommands.Auth1Page * PageSize] & 1) == 0;
            int rollOverPage = UltralightCommands.FirstUnreadablePage;
            if (readsRestricted && auth0 < rollOverPage)
            {
                if (startPage >= auth0)
                {
                    return Nak(UltralightCommands.NakInvalidArgument);
                }

                rollOverPage = auth0;
            }

            int page = startPage;
            for (int i = 0; i < UltralightCommands.ReadLength / PageSize; i++)
            {
                if (page >= rollOverPage)
                {
                    page = 0;
                }

                Array.Copy(_memory, page * PageSize, response, i * PageSize, PageSize);
                page++;
            }

            return UltralightCommands.ReadLength;
        }

        private int Write(int page, byte[] data, int offset, byte[] response)
        {
            int status = CheckWritable(page);
            if (status != UltralightCommands.Ack)
            {
                return Nak((byte)status);
            }

            int address = page * PageSize;
            switch (page)
            {
                case UltralightCommands.StaticLockPage:
                    WriteStaticLockBytes(data[offset + 2], data[offset + 3]);
                    break;
                case UltralightCommands.OtpPage:
                case UltralightCommands.DynamicLockPage:
                    // OTP bits and lock bits can only be set. Bytes 2-3 of page 28h are RFU.
                    int count = page == UltralightCommands.OtpPage ? PageSize : 2;
                    for (int i = 0; i < count; i++)
                    {
                        _memory[address + i] |= data[offset + i];
                    }

                    break;
                case UltralightCommands.CounterPage:
                    if (!WriteCounter(data[offset], data[offset + 1]))
                    {
                        return Nak(UltralightCommands.NakInvalidArgument);
                    }

                    break;
                default:
                    Array.Copy(data, offset, _memory, address, PageSize);
                    break;
            }

            return Ack(response);
        }

        private int StartCompatibilityWrite(int page, byte[] response)
        {
            int status = CheckWritable(page);
            if (status != UltralightCommands.Ack)
            {
                return Nak((byte)status);
            }

            _compatibilityWritePage = page;
            return Ack(response);
        }

        private int CompleteCompatibilityWrite(byte[] command, int length, byte[] response)
        {
            int page = _compatibilityWritePage;
            _compatibilityWritePage = -1;
            if (length != 16)
            {
                return Nak(UltralightCommands.NakInvalidArgument);
            }

            // The card writes the first 4 of the 16 bytes.
            return Write(page, command, 0, response);
        }

        /// <summary>Returns ACK (Ah) when <paramref name="page"/> may be written now, otherwise the NAK code.</summary>
        private int CheckWritable(int page)
        {
            if (page < UltralightCommands.StaticLockPage || page >= PageCount)
            {
                return UltralightCommands.NakInvalidArgument;
            }

            int auth0 = _memory[UltralightCommands.Auth0Page * PageSize];
            if (page >= auth0 && _authenticationState != AuthenticationState.Authenticated)
            {
                return UltralightCommands.NakInvalidArgument;
            }

            return IsLocked(page) ? UltralightCommands.NakInvalidArgument : UltralightCommands.Ack;
        }

        /// <summary>Returns true when the lock bits in force since the last activation lock <paramref name="page"/>.</summary>
        private bool IsLocked(int page)
        {
            byte lock0 = _effectiveLockBytes[0];
            byte lock1 = _effectiveLockBytes[1];
            byte lock2 = _effectiveLockBytes[2];
            byte lock3 = _effectiveLockBytes[3];

            // Page 02h lock bytes (datasheet §7.5.2): lock byte 0 bit 3 locks page 03h and bits 4-7 lock
            // pages 04h-07h. Lock byte 1 bits 0-7 lock pages 08h-0Fh.
            if (page == UltralightCommands.OtpPage)
            {
                return (lock0 & 0x08) != 0;
            }

            if (page >= 0x04 && page <= 0x07)
            {
                return (lock0 & (0x10 << (page - 0x04))) != 0;
            }

            if (page >= 0x08 && page <= 0x0F)
            {
                return (lock1 & (1 << (page - 0x08))) != 0;
            }

            // Page 28h lock bytes: pages 10h-27h lock in groups of four, then the counter, AUTH0, AUTH1
            // and the key pages. NOTE: bit positions come from a third-party library's mapping and were
            // not checked against the datasheet text.
            if (page >= 0x10 && page <= 0x1B)
            {
                return (lock2 & (0x02 << ((page - 0x10) / 4))) != 0;
            }

            if (page >= 0x1C && page <= 0x27)
            {
                return (lock2 & (0x20 << ((page - 0x1C) / 4))) != 0;
            }

            switch (page)
            {
                case UltralightCommands.CounterPage:
                    return (lock3 & 0x10) != 0;
                case UltralightCommands.Auth0Page:
                    return (lock3 & 0x20) != 0;
                case UltralightCommands.Auth1Page:
                    return (lock3 & 0x40) != 0;
                default:
                    return page >= UltralightCommands.FirstKeyPage && (lock3 & 0x80) != 0;
            }
        }

        /// <summary>
        /// ORs lock bytes 0 and 1 into page 02h. Block-locking bits freeze groups of lock bits: bit 0
        /// freezes the OTP lock bit, bit 1 the lock bits of pages 04h-09h, bit 2 those of pages 0Ah-0Fh.
        /// </summary>
        private void WriteStaticLockBytes(byte lockByte0, byte lockByte1)
        {
            int address = UltralightCommands.StaticLockPage * PageSize;
            byte current0 = _memory[address + 2];
            int frozen = 0;
            if ((current0 & 0x01) != 0)
            {
                frozen |= 0x0008;
            }

            if ((current0 & 0x02) != 0)
            {
                frozen |= 0x03F0;
            }

            if ((current0 & 0x04) != 0)
            {
                frozen |= 0xFC00;
            }

            int requested = lockByte0 | (lockByte1 << 8);
            int allowed = requested & ~frozen;
            _memory[address + 2] |= (byte)allowed;
            _memory[address + 3] |= (byte)(allowed >> 8);
        }

        /// <summary>
        /// Applies a WRITE to page 29h. The first write sets the initial value (0001h-FFFFh, byte 0 is the
        /// low byte). Later writes add the low nibble of byte 0 at the next RF reset.
        /// </summary>
        private bool WriteCounter(byte lowByte, byte highByte)
        {
            int address = UltralightCommands.CounterPage * PageSize;
            int value = _memory[address] | (_memory[address + 1] << 8);
            if (value == 0 && _pendingCounterIncrement == 0)
            {
                int initial = lowByte | (highByte << 8);
                if (initial == 0)
                {
                    return false;
                }

                // NOTE: the datasheet requires an RF reset before an increment counts. It does not say whether
                // the initial value also waits for one, so it is applied at once.
                _memory[address] = lowByte;
                _memory[address + 1] = highByte;
                return true;
            }

            // NOTE: a zero increment, a second increment before the RF reset and an overflow past FFFFh
            // are rejected here. The datasheet text read for this model does not describe these cases.
            int increment = lowByte & 0x0F;
            if (increment == 0 || _pendingCounterIncrement != 0 || value + increment > 0xFFFF)
            {
                return false;
            }

            _pendingCounterIncrement = increment;
            return true;
        }

        private void ApplyPendingCounterIncrement()
        {
            if (_pendingCounterIncrement == 0)
            {
                return;
            }

            int address = UltralightCommands.CounterPage * PageSize;
            int value = (_memory[address] | (_memory[address + 1] << 8)) + _pendingCounterIncrement;
            _memory[address] = (byte)value;
            _memory[address + 1] = (byte)(value >> 8);
            _pendingCounterIncrement = 0;
        }

        private int AuthenticatePart1(byte[] response)
        {
            _random.NextBytes(_rndB, 0, NonceLength);
            byte[] encryptedRndB = Crypt(true, new byte[NonceLength], _rndB);

            Array.Copy(encryptedRndB, _chainIv, NonceLength);
            response[0] = UltralightCommands.AuthenticateContinue;
            Array.Copy(encryptedRndB, 0, response, 1, NonceLength);
            _authenticationState = AuthenticationState.WaitingForToken;
            return 1 + NonceLength;
        }

        private int AuthenticatePart2(byte[] command, byte[] response)
        {
            byte[] token = command.AsSpan(1, 2 * NonceLength).ToArray();
            byte[] plain = Crypt(false, _chainIv, token);

            if (!ForgeAuthentication)
            {
                for (int i = 0; i < NonceLength; i++)
                {
                    if (plain[NonceLength + i] != _rndB[(i + 1) % NonceLength])
                    {
                        return Nak(UltralightCommands.NakInvalidArgument);
                    }
                }
            }

            // ek(RndA′) continues the chain from the last token block the reader sent.
            byte[] rndAPrime = new byte[NonceLength];
            for (int i = 0; i < NonceLength; i++)
            {
                rndAPrime[i] = plain[(i + 1) % NonceLength];
            }

            byte[] iv = token.AsSpan(NonceLength, NonceLength).ToArray();
            byte[] encryptedRndAPrime = Crypt(true, iv, rndAPrime);

            response[0] = UltralightCommands.AuthenticateAccepted;
            Array.Copy(encryptedRndAPrime, 0, response, 1, NonceLength);
            _authenticationState = AuthenticationState.Authenticated;
            return 1 + NonceLength;
        }

        /// <summary>Runs 2TDEA CBC over <paramref name="data"/> with the active key.</summary>
        private byte[] Crypt(bool encrypt, byte[] iv, byte[] data)
        {
            // The runtime gets the 24-byte form K1‖K2‖K1: on .NET 10.0.12 with OpenSSL 3.0.19 a 16-byte
            // key is accepted by the Key setter but every encryption with it fails.
            byte[] threeKeyForm = new byte[24];
            Array.Copy(_activeKey, 0, threeKeyForm, 0, 16);
            Array.Copy(_activeKey, 0, threeKeyForm, 16, 8);
            if (!TripleDES.IsWeakKey(threeKeyForm))
            {
                using TripleDES tripleDes = TripleDES.Create();
                tripleDes.Key = threeKeyForm;
                return encrypt ? tripleDes.EncryptCbc(data, iv, PaddingMode.None) : tripleDes.DecryptCbc(data, iv, PaddingMode.None);
            }

            // .NET rejects keys whose halves are equal as weak, but the chip accepts them.
            var fallback = new TwoKeyTripleDes();
            fallback.SetKey(_activeKey, 0);
            byte[] output = new byte[data.Length];
            byte[] chain = (byte[])iv.Clone();
            if (encrypt)
            {
                fallback.EncryptCbc(chain, data, 0, data.Length, output, 0);
            }
            else
            {
                fallback.DecryptCbc(chain, data, 0, data.Length, output, 0);
            }

            return output;
        }

        private int Ack(byte[] response)
        {
            response[0] = UltralightCommands.Ack;
            return 1;
        }

        /// <summary>Sends a NAK, which ends the session: the reader puts the card back in IDLE or HALT.</summary>
        private int Nak(byte code)
        {
            _lastNakCode = code;
            EndSession();
            return CardStatus.Nak;
        }

        private void EndSession()
        {
            _authenticationState = AuthenticationState.None;
            _compatibilityWritePage = -1;
        }

        private void LoadKeyAndLocks()
        {
            UltralightCKeyFormat.FromPageBytes(_memory, UltralightCommands.FirstKeyPage * PageSize, _activeKey, 0);
            _effectiveLockBytes[0] = _memory[UltralightCommands.StaticLockPage * PageSize + 2];
            _effectiveLockBytes[1] = _memory[UltralightCommands.StaticLockPage * PageSize + 3];
            _effectiveLockBytes[2] = _memory[UltralightCommands.DynamicLockPage * PageSize];
            _effectiveLockBytes[3] = _memory[UltralightCommands.DynamicLockPage * PageSize + 1];
        }

        private static void CheckKey(byte[] key)
        {
            if (key == null || key.Length != UltralightCKeyFormat.KeyLength)
            {
                throw new ArgumentException("An Ultralight C key has 16 bytes (K1‖K2 in DES order).", nameof(key));
            }
        }

        private static void CheckPage(int page)
        {
            if (page < 0 || page >= PageCount)
            {
                throw new ArgumentOutOfRangeException(nameof(page), page, "Pages are 00h to 2Fh.");
            }
        }
    }
}
