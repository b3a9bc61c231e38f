using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Protocol.Iso14443;
using KiWhi.Armoire.Protocol.Ocpp;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// The cabinet: one loop that owns all state. Hardware and network events reach it through a
    /// bounded <see cref="EventQueue"/>; time only through <see cref="IClock"/>.
    /// </summary>
    /// <remarks>
    /// Safety invariants kept here: every contactor is open from <see cref="Start"/> until a session
    /// closes it; a contactor is closed only while its bay has an authorized session; an
    /// out-of-service bay never closes; any unhandled error in the loop opens every contactor before
    /// anything else.
    /// A session whose idTag the central system rejects in StartTransaction.conf loses power at once,
    /// except when the operator sets StopTransactionOnInvalidId to false and MaxEnergyOnInvalidId above
    /// 0: it then keeps charging until its energy reaches that limit.
    /// </remarks>
    public sealed partial class Cabinet
    {
        /// <summary>Maximum number of events waiting in the queue.</summary>
        public const int EventQueueCapacity = 16;

        /// <summary>Largest OCPP message accepted from the central system, in bytes.</summary>
        public const int MaxMessageBytes = 8192;

        /// <summary>Period of card polling, in ms.</summary>
        public const int CardPollIntervalMs = 100;

        /// <summary>
        /// A card not detected for this long has left the field. Seen again after that, it is a new
        /// presentation; seen again sooner, it is the same one. The rule works whether the reader
        /// re-detects a card that stays in the field (WUPA) or not (REQA after a halt).
        /// </summary>
        public const int CardRemovedAfterMs = 1000;

        private const string Component = "cabinet";

        private readonly CabinetHardware _hardware;
        private readonly CabinetConfiguration _configuration;
        private readonly Logger _log;
        private readonly EventQueue _events;
        private readonly CabinetEvent _event;
        private readonly Bay[] _bays;
        private readonly FrontPanel _panel;
        private readonly ChargePoint _chargePoint;
        private readonly SavedConfiguration _savedConfiguration;
        private readonly LocalAuthorizer _authorizer;
        private readonly CardIdentity _card = new CardIdentity();
        private readonly CardIdentity _lastCard = new CardIdentity();
        private readonly char[] _hex = new char[CardIdentity.MaxUidLength * 2];
        private readonly KiWhiPassReader _passReader;
        private readonly KiWhiPassReadResult _passResult = new KiWhiPassReadResult();

        private bool _started;
        private long _nextCardPollMs;
        private long _lastCardSeenMs = long.MinValue;
        private int _reportedOversized;
        private int _reportedDropped;

        public Cabinet(CabinetHardware hardware, CabinetConfiguration configuration, ILogSink logSink)
        {
            _hardware = hardware;
            _configuration = configuration;
            _log = new Logger(logSink, hardware.Clock);
            _events = new EventQueue(EventQueueCapacity, MaxMessageBytes);
            _event = new CabinetEvent(MaxMessageBytes);

            int count = configuration.BayCount;
            _bays = new Bay[count];
            for (int i = 0; i < count; i++)
            {
                _bays[i] = new Bay(i + 1, configuration.SpotNumbers[i]);
            }

            if (configuration.RequireCardAuthentication && configuration.CardMasterKey != null && configuration.CardMasterKey.Length == 16)
            {
                _passReader = new KiWhiPassReader(hardware.CardReader, hardware.Random, configuration.CardMasterKey, 0, configuration.IdTagRule);
            }

            _authorizer = new LocalAuthorizer(configuration, hardware.Storage, hardware.Clock, _log);
            _authorizer.Load();
            _panel = new FrontPanel(this, configuration, hardware.Indicators, hardware.Display, _log);
            _journal = new Journal.TransactionJournal(hardware.Storage, hardware.Clock, _log, count, configuration.JournalSegmentBytes, configuration.JournalSegmentCount);
            _registerOffsetWh = new long[count];
            _savedConfiguration = new SavedConfiguration(configuration, new ConfigurationStore(hardware.Storage));
            _chargePoint = new ChargePoint(this, hardware, configuration, _log, _events);
        }

        /// <summary>The configuration for the next boot, and the path every setting change is saved through.</summary>
        public SavedConfiguration SavedConfiguration
        {
            get { return _savedConfiguration; }
        }

        public Logger Log
        {
            get { return _log; }
        }

        public FrontPanel Panel
        {
            get { return _panel; }
        }

        public ChargePoint ChargePoint
        {
            get { return _chargePoint; }
        }

        /// <summary>The local authorization list, the authorization cache and the offline rules.</summary>
        public LocalAuthorizer Authorizer
        {
            get { return _authorizer; }
        }

        public EventQueue Events
        {
            get { return _events; }
        }

        public int BayCount
        {
            get { return _bays.Length; }
        }

        /// <summary>Unhandled errors caught by the loop since power-on.</summary>
        public int LoopFaults { get; private set; }

        /// <summary>Returns bay <paramref name="connectorId"/> (1..N), or null when out of range.</summary>
        public Bay GetBay(int connectorId)
        {
            if (connectorId < 1 || connectorId > _bays.Length)
            {
                return null;
            }

            return _bays[connectorId - 1];
        }

        /// <summary>True when no bay can take a session.</summary>
        public bool AllBaysOutOfService
        {
            get
            {
                for (int i = 0; i < _bays.Length; i++)
                {
                    if (!_bays[i].IsOutOfService)
                    {
                        return false;
                    }
                }

                return _bays.Length > 0;
            }
        }

        /// <summary>Opens every contactor, starts the keypad, shows the idle text and connects.</summary>
        public void Start()
        {
            _hardware.Contactors.OpenAll();
            _log.Info(Component, "starting with " + _bays.Length.ToString() + " bays, identity " + _configuration.ChargePointIdentity);

            string problem = ValidateConfiguration();
            if (problem != null)
            {
                _log.Error(Component, "invalid configuration: " + problem + "; every bay stays out of service");
                for (int i = 0; i < _bays.Length; i++)
                {
                    _bays[i].Status = BayStatus.Faulted;
                }
            }

            if (_configuration.RequireCardAuthentication && _passReader == null)
            {
                _log.Error(Component, "no valid card master key (16 bytes) configured: every card is rejected until the installer sets one");
            }
            else if (!_configuration.RequireCardAuthentication)
            {
                _log.Warning(Component, "card authentication is off: cards are identified by UID alone, which clones copy");
            }

            RecoverFromJournal(problem == null);
            HoldUntilProvisioned();

            if (_hardware.Watchdog != null)
            {
                _hardware.Watchdog.Start(30000);
            }

            _hardware.Keypad.Start(_events);
            _panel.ShowIdle();
            _started = true;
            if (_configuration.IsProvisioned)
            {
                _chargePoint.Start(_hardware.Clock.MonotonicMs);
            }

            StartConsole(_hardware.Clock.MonotonicMs);
        }

        /// <summary>
        /// Runs one loop iteration: queued events, card polling, timers. Every error is handled by the
        /// loop's fault path except <see cref="PowerLossException"/>, which only the power-cut simulation raises.
        /// </summary>
        public void RunOnce()
        {
            if (!_started)
            {
                return;
            }

            try
            {
                if (_hardware.Watchdog != null)
                {
                    _hardware.Watchdog.Feed();
                }

                long nowMs = _hardware.Clock.MonotonicMs;
                while (_events.TryDequeue(_event))
                {
                    Dispatch(_event, nowMs);
                }

                ReportDroppedEvents();

                if (nowMs >= _nextCardPollMs)
                {
                    _nextCardPollMs = nowMs + CardPollIntervalMs;
                    PollCard(nowMs);
                }

                _panel.Tick(nowMs);
                SampleMeters(nowMs);
                EnforceEnergyLimits();
                if (_configuration.IsProvisioned)
                {
                    _chargePoint.Tick(nowMs);
                }

                PollConsole(nowMs);
            }
            catch (PowerLossException)
            {
                // The supply failed (simulations only): nothing runs after a real power cut.
                throw;
            }
            catch (System.Exception exception)
            {
                OnLoopFault(exception);
            }
        }

        /// <summary>Returns the bay at parking spot <paramref name="spotNumber"/>, or null.</summary>
        public Bay FindBayBySpot(int spotNumber)
        {
            for (int i = 0; i < _bays.Length; i++)
            {
                if (_bays[i].SpotNumber == spotNumber)
                {
                    return _bays[i];
                }
            }

            return null;
        }

        /// <summary>Returns the number of open sessions started by <paramref name="idTag"/>.</summary>
        public int CountSessions(string idTag)
        {
            int count = 0;
            for (int i = 0; i < _bays.Length; i++)
            {
                if (_bays[i].HasSession && _bays[i].IdTag == idTag)
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>Returns the first bay with a session of <paramref name="idTag"/>, or null.</summary>
        public Bay FindSessionBay(string idTag)
        {
            for (int i = 0; i < _bays.Length; i++)
            {
                if (_bays[i].HasSession && _bays[i].IdTag == idTag)
                {
                    return _bays[i];
                }
            }

            return null;
        }

        /// <summary>
        /// Authorizes an idTag presented at the panel. Online, the local authorization list or the cache
        /// decide at once when LocalPreAuthorize allows it, otherwise Authorize is sent and the result
        /// comes later (<see cref="AuthorizationOutcome.Pending"/>). Offline, the offline rules of
        /// <see cref="LocalAuthorizer.DecideOffline"/> decide. <paramref name="status"/> is the verdict
        /// when the outcome is Accepted or Rejected.
        /// </summary>
        public AuthorizationOutcome RequestAuthorization(string idTag, out AuthorizationStatus status)
        {
            if (_chargePoint.IsOnline)
            {
                if (_authorizer.IsPreAuthorized(idTag))
                {
                    _log.Info(Component, "card " + FrontPanel.Mask(idTag) + " pre-authorized locally (LocalPreAuthorize)");
                    status = AuthorizationStatus.Accepted;
                    return AuthorizationOutcome.Accepted;
                }

                if (_chargePoint.RequestAuthorize(idTag))
                {
                    status = AuthorizationStatus.Invalid;
                    return AuthorizationOutcome.Pending;
                }
            }

            return _authorizer.DecideOffline(idTag, out status);
        }

        /// <summary>
        /// Opens a session on a free bay for an authorized idTag: journals StartTransaction with the
        /// meter register, then closes the contactor. Returns false when the bay cannot take it or the
        /// journal rejects the StartTransaction (full or failing): no power flows without a record.
        /// </summary>
        public bool StartSession(Bay bay, string idTag)
        {
            if (!bay.IsFree || IsUnderRelayTest(bay))
            {
                return false;
            }

            long nowMs = _hardware.Clock.MonotonicMs;
            long meterStartWh = ReadRegisterWh(bay.ConnectorId);
            int sessionId = _journal.AllocateSessionId();
            bay.BeginSession(sessionId, idTag, meterStartWh, nowMs);
            if (!_chargePoint.QueueStartTransaction(bay))
            {
                bay.EndSession();
                _log.Error(Component, "bay " + bay.ConnectorId.ToString() + " session not started: its StartTransaction could not be journaled (journal full or flash failed)");
                return false;
            }

            bay.NextMeterSampleMs = NextSampleTime(nowMs);
            _hardware.Contactors.Set(bay.ConnectorId, true);
            _log.Info(Component, "bay " + bay.ConnectorId.ToString() + " session " + sessionId.ToString() + " started for "
                + FrontPanel.Mask(idTag) + ", meterStart " + meterStartWh.ToString() + " Wh");

            _chargePoint.ReportStatus(bay.ConnectorId);
            return true;
        }

        /// <summary>
        /// Ends the session of a bay: opens the contactor first, then queues StopTransaction with
        /// <paramref name="reason"/>. Returns the energy delivered, in Wh.
        /// </summary>
        public long StopSession(Bay bay, Reason reason)
        {
            _hardware.Contactors.Set(bay.ConnectorId, false);
            if (!bay.HasSession)
            {
                return 0;
            }

            long nowMs = _hardware.Clock.MonotonicMs;
            long meterStopWh = ReadMeterNotBelowStart(bay);
            _log.Info(Component, "bay " + bay.ConnectorId.ToString() + " session " + bay.SessionId.ToString() + " stopped, reason "
                + OcppEnumText.ToText(reason) + ", meterStop " + meterStopWh.ToString() + " Wh");

            if (!_chargePoint.QueueStopTransaction(bay.SessionId, bay.ConnectorId, meterStopWh, reason, null))
            {
                // NOTE: the journal keeps the session open, so the next boot reports it with reason
                // PowerLoss and the last register persisted, not this meterStop.
                _log.Error(Component, "bay " + bay.ConnectorId.ToString() + " session " + bay.SessionId.ToString()
                    + ": StopTransaction could not be journaled");
            }

            long energyWh = meterStopWh - bay.MeterStartWh;
            bay.EndSession();
            _chargePoint.ReportStatus(bay.ConnectorId);
            return energyWh;
        }

        /// <summary>
        /// Handles StartTransaction.conf: records the transactionId, and withdraws power from a session
        /// the central system did not accept (configuration key StopTransactionOnInvalidId, OCPP 1.6 §9.1: stop it with reason
        /// DeAuthorized when enabled, otherwise keep it suspended with the contactor open).
        /// </summary>
        internal void OnStartTransactionConfirmed(int sessionId, int transactionId, AuthorizationStatus idTagStatus)
        {
            Bay bay = FindSessionBayById(sessionId);
            if (bay == null)
            {
                _log.Info(Component, "session " + sessionId.ToString() + " already ended when transactionId " + transactionId.ToString() + " arrived");
                return;
            }

            bay.HasTransactionId = true;
            bay.TransactionId = transactionId;
            if (idTagStatus == AuthorizationStatus.Accepted)
            {
                return;
            }

            if (!_configuration.StopTransactionOnInvalidId && _configuration.MaxEnergyOnInvalidId > 0
                && bay.Status == BayStatus.Charging && EnergyOf(bay) < _configuration.MaxEnergyOnInvalidId)
            {
                // MaxEnergyOnInvalidId (OCPP 1.6 §9.1): the session goes on until its energy reaches the limit.
                bay.HasEnergyLimit = true;
                bay.EnergyLimitWh = _configuration.MaxEnergyOnInvalidId;
                _log.Warning(Component, "bay " + bay.ConnectorId.ToString() + " transaction " + transactionId.ToString()
                    + " not accepted (" + OcppEnumText.ToText(idTagStatus) + "): charging continues up to MaxEnergyOnInvalidId "
                    + bay.EnergyLimitWh.ToString() + " Wh");
                return;
            }

            _hardware.Contactors.Set(bay.ConnectorId, false);
            _log.Warning(Component, "bay " + bay.ConnectorId.ToString() + " transaction " + transactionId.ToString()
                + " not accepted (" + OcppEnumText.ToText(idTagStatus) + "): contactor opened");
            int spot = bay.SpotNumber;
            if (_configuration.StopTransactionOnInvalidId)
            {
                StopSession(bay, Reason.DeAuthorized);
            }
            else
            {
                bay.Status = BayStatus.SuspendedEvse;
                _chargePoint.ReportStatus(bay.ConnectorId);
            }

            _panel.ShowBayNotice(TextId.ChargeRefused, spot, _hardware.Clock.MonotonicMs);
        }

        /// <summary>Handles a StartTransaction finally discarded: the session cannot be billed, so its power is withdrawn.</summary>
        internal void OnStartTransactionDiscarded(int sessionId)
        {
            Bay bay = FindSessionBayById(sessionId);
            if (bay == null)
            {
                return;
            }

            _hardware.Contactors.Set(bay.ConnectorId, false);
            _log.Error(Component, "bay " + bay.ConnectorId.ToString() + " session " + sessionId.ToString()
                + " lost: StartTransaction discarded, contactor opened");
            bay.EndSession();
            _chargePoint.ReportStatus(bay.ConnectorId);
        }

        internal void OnAuthorizeResult(string idTag, bool reached, AuthorizationStatus status)
        {
            if (!reached)
            {
                // Authorize timed out or the link closed: the central system is unreachable, so the offline rules decide.
                reached = _authorizer.DecideOffline(idTag, out status) != AuthorizationOutcome.Unreachable;
            }

            _panel.OnAuthorizeResult(idTag, reached, status, _hardware.Clock.MonotonicMs);
        }

        /// <summary>Formats a UID as upper-case hexadecimal, the idTag rule for cards identified by UID.</summary>
        public string FormatUid(CardIdentity card)
        {
            const string digits = "0123456789ABCDEF";
            for (int i = 0; i < card.UidLength; i++)
            {
                _hex[2 * i] = digits[card.Uid[i] >> 4];
                _hex[2 * i + 1] = digits[card.Uid[i] & 0x0F];
            }

            return new string(_hex, 0, card.UidLength * 2);
        }

        /// <summary>
        /// Simulates an unhandled error in the loop, for the safety property tests: the loop's error path
        /// must open every contactor.
        /// </summary>
        public void InjectFault(string reason)
        {
            OnLoopFault(new System.InvalidOperationException(reason));
        }

        private void Dispatch(CabinetEvent cabinetEvent, long nowMs)
        {
            switch (cabinetEvent.Kind)
            {
                case CabinetEventKind.KeyPressed:
                    if (!RouteKeyToConsole(cabinetEvent.Key, nowMs))
                    {
                        _panel.OnKey(cabinetEvent.Key, nowMs);
                    }

                    break;
                case CabinetEventKind.TransportConnected:
                    _chargePoint.OnConnected(nowMs);
                    break;
                case CabinetEventKind.TransportClosed:
                    _chargePoint.OnClosed(cabinetEvent.Reason, nowMs);
                    break;
                case CabinetEventKind.TransportMessage:
                    _chargePoint.OnMessage(cabinetEvent.Message, cabinetEvent.MessageLength, nowMs);
                    break;
            }
        }

        // Events dropped on the producer threads are only counted there; the loop logs them.
        private void ReportDroppedEvents()
        {
            int oversized = _events.OversizedMessages;
            int dropped = _events.DroppedEvents;
            if (oversized == _reportedOversized && dropped == _reportedDropped)
            {
                return;
            }

            _log.Warning(Component, "events dropped: " + (oversized - _reportedOversized).ToString() + " OCPP messages over "
                + MaxMessageBytes.ToString() + " bytes, " + (dropped - _reportedDropped).ToString() + " with the event queue full");
            _reportedOversized = oversized;
            _reportedDropped = dropped;
        }

        private void PollCard(long nowMs)
        {
            if (!_hardware.CardReader.TryDetectCard(_card))
            {
                return;
            }

            bool repeat = _card.SameUid(_lastCard) && nowMs - _lastCardSeenMs < CardRemovedAfterMs + CardPollIntervalMs;
            _lastCardSeenMs = nowMs;
            if (RouteCardToConsole(nowMs))
            {
                return;
            }

            if (repeat)
            {
                return;
            }

            _lastCard.CopyFrom(_card);
            string idTag = IdentifyCard();
            if (idTag == null)
            {
                return;
            }

            _panel.OnCardPresented(idTag, nowMs);
        }

        // Returns the idTag of the presented card, or null after telling the resident why it is rejected.
        // A card that fails authentication never reaches the central system.
        private string IdentifyCard()
        {
            string uidText = FrontPanel.Mask(FormatUid(_card));
            if (!_configuration.RequireCardAuthentication)
            {
                _log.Info(Component, "card presented, UID " + uidText + " (not authenticated: authentication is off)");
                return FormatUid(_card);
            }

            if (_passReader == null)
            {
                _log.Warning(Component, "card " + uidText + " rejected: no card master key configured");
                _panel.OnCardRejected(TextId.CardNotRecognised, _hardware.Clock.MonotonicMs);
                return null;
            }

            _passReader.Read(_card, _passResult);
            if (_passResult.IsAccepted)
            {
                _log.Info(Component, "KiWhi Pass authenticated, UID " + uidText + ", card number " + _passResult.CardNumber.ToString());
                return _passResult.IdTag;
            }

            _log.Warning(Component, "card " + uidText + " rejected: " + KiWhiPassReadResult.Describe(_passResult.Rejection)
                + (_passResult.AuthFailedStep > 0 ? " at step " + _passResult.AuthFailedStep.ToString() : ""));
            TextId text = TextId.CardNotRecognised;
            if (_passResult.Rejection == KiWhiPassRejection.UnknownLayout || _passResult.Rejection == KiWhiPassRejection.BadChecksum)
            {
                text = TextId.CardUnknownLayout;
            }
            else if (_passResult.Rejection == KiWhiPassRejection.CardRemoved)
            {
                text = TextId.CardRemovedTooSoon;
            }

            _panel.OnCardRejected(text, _hardware.Clock.MonotonicMs);
            return null;
        }

        private void SampleMeters(long nowMs)
        {
            if (_configuration.MeterValueSampleIntervalSeconds <= 0)
            {
                PersistRegisters(nowMs);
                return;
            }

            for (int i = 0; i < _bays.Length; i++)
            {
                Bay bay = _bays[i];
                if (!bay.HasSession || nowMs < bay.NextMeterSampleMs)
                {
                    continue;
                }

                bay.NextMeterSampleMs = NextSampleTime(nowMs);
                _chargePoint.QueueMeterValues(bay, ReadMeterNotBelowStart(bay));
            }
        }

        // Opens the contactor of a session whose idTag the central system rejected once it reaches
        // MaxEnergyOnInvalidId. The session stays open, suspended, until the resident ends it.
        private void EnforceEnergyLimits()
        {
            for (int i = 0; i < _bays.Length; i++)
            {
                Bay bay = _bays[i];
                if (!bay.HasSession || !bay.HasEnergyLimit || bay.Status != BayStatus.Charging)
                {
                    continue;
                }

                long energyWh = EnergyOf(bay);
                if (energyWh < bay.EnergyLimitWh)
                {
                    continue;
                }

                _hardware.Contactors.Set(bay.ConnectorId, false);
                bay.HasEnergyLimit = false;
                bay.Status = BayStatus.SuspendedEvse;
                _chargePoint.ReportStatus(bay.ConnectorId);
                _log.Warning(Component, "bay " + bay.ConnectorId.ToString() + " reached MaxEnergyOnInvalidId ("
                    + energyWh.ToString() + " Wh of " + bay.EnergyLimitWh.ToString() + " Wh): contactor opened");
                _panel.ShowBayNotice(TextId.ChargeRefused, bay.SpotNumber, _hardware.Clock.MonotonicMs);
            }
        }

        private long EnergyOf(Bay bay)
        {
            return ReadMeterNotBelowStart(bay) - bay.MeterStartWh;
        }

        private long NextSampleTime(long nowMs)
        {
            return nowMs + _configuration.MeterValueSampleIntervalSeconds * 1000L;
        }

        // meterStart ≤ every sample ≤ meterStop (OCPP 1.6 §3.7): a register read lower than the start
        // (meter replaced, glitch) is reported as the start value and logged.
        private long ReadMeterNotBelowStart(Bay bay)
        {
            long registerWh = ReadRegisterWh(bay.ConnectorId);
            if (registerWh < bay.MeterStartWh)
            {
                _log.Warning(Component, "bay " + bay.ConnectorId.ToString() + " meter went backwards: " + registerWh.ToString()
                    + " Wh < meterStart " + bay.MeterStartWh.ToString() + " Wh");
                return bay.MeterStartWh;
            }

            return registerWh;
        }

        private Bay FindSessionBayById(int sessionId)
        {
            for (int i = 0; i < _bays.Length; i++)
            {
                if (_bays[i].HasSession && _bays[i].SessionId == sessionId)
                {
                    return _bays[i];
                }
            }

            return null;
        }

        private string ValidateConfiguration()
        {
            int[] spots = _configuration.SpotNumbers;
            if (spots == null || spots.Length == 0)
            {
                return "no bay configured";
            }

            for (int i = 0; i < spots.Length; i++)
            {
                if (spots[i] <= 0 || spots[i] > 9999)
                {
                    return "spot number " + spots[i].ToString() + " of bay " + (i + 1).ToString() + " is outside 1..9999";
                }

                for (int j = 0; j < i; j++)
                {
                    if (spots[j] == spots[i])
                    {
                        return "spot number " + spots[i].ToString() + " is used by bays " + (j + 1).ToString() + " and " + (i + 1).ToString();
                    }
                }
            }

            return null;
        }

        // Invariant 4: contactors first, then everything else. The sessions are then stopped with
        // reason Other, since the state that produced the error cannot be trusted to keep billing right.
        private void OnLoopFault(System.Exception exception)
        {
            try
            {
                _hardware.Contactors.OpenAll();
            }
            catch (System.Exception)
            {
                // Nothing more can be done for the outputs here; the watchdog reboot opens them at power-on.
            }

            _relayTestConnectorId = 0;
            LoopFaults++;
            try
            {
                _log.Error(Component, "unhandled error in the loop, every contactor opened: " + exception.Message);
                for (int i = 0; i < _bays.Length; i++)
                {
                    if (_bays[i].HasSession)
                    {
                        StopSession(_bays[i], Reason.Other);
                    }
                }

                _panel.ShowIdle();
            }
            catch (PowerLossException)
            {
                throw;
            }
            catch (System.Exception)
            {
                // The recovery itself failed; the contactors are open, which is what safety needs.
            }
        }
    }
}
