using System;

namespace KiWhi.Armoire.Hal.Simulation
{
    /// <summary>
    /// ISO/IEC 14443-A reader with at most one <see cref="SimulatedCard"/> in its field. Thread-safe, so a
    /// tool thread may present or remove cards while the cabinet loop polls.
    /// </summary>
    /// <remarks>
    /// The card follows the PICC state machine of ISO/IEC 14443-3, reduced to IDLE, ACTIVE and HALT:
    /// <list type="bullet">
    /// <item><see cref="TryDetectCard"/> models WUPA, anticollision and SELECT at every cascade level. WUPA
    /// wakes an IDLE or a HALT card, so a card halted by <see cref="Halt"/> that is still in the field is
    /// detected again, and <see cref="SimulatedCard.OnActivated"/> is called on every successful selection.</item>
    /// <item>A card that is already ACTIVE treats WUPA as an invalid frame: it stays silent and falls
    /// back to IDLE (or HALT when it was woken from HALT). Polling a selected card without halting it
    /// therefore alternates between detected and not detected, as MFRC522 readers do with real cards.</item>
    /// <item>A NAK from the card, or a frame sent without CRC_A, also sends it back to IDLE or HALT.
    /// Until the next detection, <see cref="Transceive"/> returns <see cref="CardStatus.Timeout"/>.</item>
    /// </list>
    /// Bit timing, collisions and the reader's timeout are not modelled: the card answers at once or
    /// returns a negative <see cref="CardStatus"/> itself.
    /// </remarks>
    public sealed class SimulatedCardReader : ICardTransceiver, IReaderDiagnostics
    {
        /// <summary>Largest response a simulated card may write; ISO/IEC 14443-4 allows frames of up to 256 bytes.</summary>
        private const int MaxAnswerLength = 256;

        private readonly object _lock = new object();
        private readonly byte[] _answer = new byte[MaxAnswerLength];
        private SimulatedCard _card;
        private PiccState _state;
        private bool _wokenFromHalt;
        private bool _readerFailed;
        private int _chipVersion = ReaderChipVersion.Mfrc522Version2;
        private long _frameCount;
        private long _transceiveCount;
        private long _detectionCount;

        private enum PiccState
        {
            Idle,
            Active,
            Halt,
        }

        /// <summary>True while a card is in the field, selected or not.</summary>
        public bool CardInField
        {
            get
            {
                lock (_lock)
                {
                    return _card != null;
                }
            }
        }

        /// <summary>The card in the field, or null.</summary>
        public SimulatedCard Card
        {
            get
            {
                lock (_lock)
                {
                    return _card;
                }
            }
        }

        /// <summary>
        /// When true, the reader chip behaves as failed: detection finds nothing and every exchange
        /// returns <see cref="CardStatus.ReaderError"/>.
        /// </summary>
        public bool ReaderFailed
        {
            get
            {
                lock (_lock)
                {
                    return _readerFailed;
                }
            }

            set
            {
                lock (_lock)
                {
                    _readerFailed = value;
                }
            }
        }

        /// <summary>
        /// VersionReg value that <see cref="ReadChipVersion"/> returns while the reader works: 92h (MFRC522
        /// version 2.0) unless set, for example to 88h for a clone or 00h for a reader missing from the bus.
        /// </summary>
        public int ChipVersion
        {
            get
            {
                lock (_lock)
                {
                    return _chipVersion;
                }
            }

            set
            {
                lock (_lock)
                {
                    _chipVersion = value;
                }
            }
        }

        /// <summary>
        /// Frames sent by the reader since creation or <see cref="ResetCounters"/>: WUPA, one ANTICOLLISION
        /// and one SELECT per cascade level, HLTA and every <see cref="Transceive"/> command.
        /// </summary>
        public long FrameCount
        {
            get
            {
                lock (_lock)
                {
                    return _frameCount;
                }
            }
        }

        /// <summary>Calls of <see cref="Transceive"/> since creation or <see cref="ResetCounters"/>.</summary>
        public long TransceiveCount
        {
            get
            {
                lock (_lock)
                {
                    return _transceiveCount;
                }
            }
        }

        /// <summary>Successful detections (a card selected) since creation or <see cref="ResetCounters"/>.</summary>
        public long DetectionCount
        {
            get
            {
                lock (_lock)
                {
                    return _detectionCount;
                }
            }
        }

        /// <summary>
        /// Places <paramref name="card"/> in the field in the IDLE state. A card already in the field is
        /// removed first.
        /// </summary>
        public void Present(SimulatedCard card)
        {
            if (card == null)
            {
                throw new ArgumentNullException(nameof(card));
            }

            lock (_lock)
            {
                RemoveLocked();
                _card = card;
                _state = PiccState.Idle;
                _wokenFromHalt = false;
            }
        }

        /// <summary>Takes the card out of the field and calls its <see cref="SimulatedCard.OnRemoved"/>; does nothing when the field is empty.</summary>
        public void Remove()
        {
            lock (_lock)
            {
                RemoveLocked();
            }
        }

        /// <summary>Sets every counter to zero.</summary>
        public void ResetCounters()
        {
            lock (_lock)
            {
                _frameCount = 0;
                _transceiveCount = 0;
                _detectionCount = 0;
            }
        }

        public bool TryDetectCard(CardIdentity card)
        {
            if (card == null)
            {
                throw new ArgumentNullException(nameof(card));
            }

            lock (_lock)
            {
                _frameCount++;
                if (_readerFailed || _card == null)
                {
                    return false;
                }

                if (_state == PiccState.Active)
                {
                    // WUPA is not a valid command in the ACTIVE state: the card drops back silently.
                    FallBackLocked();
                    return false;
                }

                byte[] uid = _card.Uid;
                if (uid == null || (uid.Length != 4 && uid.Length != 7 && uid.Length != 10))
                {
                    // A card model with a malformed UID cannot complete anticollision.
                    return false;
                }

                int cascadeLevels = uid.Length == 4 ? 1 : (uid.Length == 7 ? 2 : 3);
                _frameCount += 2 * cascadeLevels;

                Array.Clear(card.Uid, 0, CardIdentity.MaxUidLength);
                Array.Copy(uid, card.Uid, uid.Length);
                card.UidLength = uid.Length;
                card.Atqa = _card.Atqa;
                card.Sak = _card.Sak;

                _wokenFromHalt = _state == PiccState.Halt;
                _state = PiccState.Active;
                _detectionCount++;
                _card.OnActivated();
                return true;
            }
        }

        public int Transceive(byte[] command, int commandLength, byte[] response, int timeoutMs, bool withCrc)
        {
            if (command == null)
            {
                throw new ArgumentNullException(nameof(command));
            }

            if (response == null)
            {
                throw new ArgumentNullException(nameof(response));
            }

            if (commandLength < 0 || commandLength > command.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(commandLength), commandLength, "The command length must fit in the command buffer.");
            }

            lock (_lock)
            {
                _frameCount++;
                _transceiveCount++;
                if (_readerFailed)
                {
                    return CardStatus.ReaderError;
                }

                if (_card == null || _state != PiccState.Active)
                {
                    return CardStatus.Timeout;
                }

                if (!withCrc)
                {
                    // Every command of an ACTIVE card carries CRC_A; a frame without it is a transmission error for the card.
                    FallBackLocked();
                    return CardStatus.Timeout;
                }

                int answerLength = _card.Respond(command, commandLength, _answer);
                if (answerLength == CardStatus.Nak)
                {
                    FallBackLocked();
                    return CardStatus.Nak;
                }

                if (answerLength < 0)
                {
                    return answerLength;
                }

                if (answerLength > response.Length)
                {
                    return CardStatus.Overflow;
                }

                Array.Copy(_answer, response, answerLength);
                return answerLength;
            }
        }

        /// <summary>Returns <see cref="ChipVersion"/>, or 00h, the value of a bus without a chip, while <see cref="ReaderFailed"/> is true.</summary>
        public int ReadChipVersion()
        {
            lock (_lock)
            {
                return _readerFailed ? 0x00 : _chipVersion;
            }
        }

        public void Halt()
        {
            lock (_lock)
            {
                _frameCount++;
                if (_readerFailed || _card == null || _state != PiccState.Active)
                {
                    return;
                }

                _state = PiccState.Halt;
                _card.OnHalted();
            }
        }

        private void FallBackLocked()
        {
            _state = _wokenFromHalt ? PiccState.Halt : PiccState.Idle;
        }

        private void RemoveLocked()
        {
            SimulatedCard card = _card;
            if (card == null)
            {
                return;
            }

            _card = null;
            _state = PiccState.Idle;
            _wokenFromHalt = false;
            card.OnRemoved();
        }
    }
}
