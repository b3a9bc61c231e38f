using KiWhi.Armoire.Protocol.Iso14443;
using KiWhi.Armoire.Protocol.Ocpp;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// What the cabinet does for the technician console: the console itself, the relay test, the
    /// routing of cards and keys during reader and keypad tests, the hold of a cabinet that is not
    /// provisioned, and reboot requests.
    /// </summary>
    /// <remarks>
    /// The relay test is the one exception to "a contactor is closed only while its bay has an
    /// authorized session": it closes the contactor of an idle, available bay for at most
    /// <see cref="MaxRelayTestSeconds"/>, ends at once if the bay gets a session or goes out of
    /// service, and no session can start on the bay meanwhile.
    /// </remarks>
    public sealed partial class Cabinet
    {
        /// <summary>Longest relay test, in seconds.</summary>
        public const int MaxRelayTestSeconds = 30;

        private TechnicianConsole _console;
        private int _relayTestConnectorId;
        private long _relayTestEndMs;

        /// <summary>The technician console, or null when the board has no console line or before <see cref="Start"/>.</summary>
        public TechnicianConsole Console
        {
            get { return _console; }
        }

        /// <summary>Bay whose contactor a relay test keeps closed, or 0 when no test runs.</summary>
        public int RelayTestConnectorId
        {
            get { return _relayTestConnectorId; }
        }

        /// <summary>
        /// True once a reboot was asked (console reboot, factory-reset, end of the first-boot setup) and
        /// the console has written its last words, or <see cref="RebootFlushMs"/> passed. The sessions
        /// are stopped and every contactor is open, and the entry point reboots the board
        /// (Power.RebootDevice on the device).
        /// </summary>
        public bool RebootRequested { get; private set; }

        /// <summary>Longest wait for the console output before a requested reboot, in ms.</summary>
        public const int RebootFlushMs = 2000;

        private bool _rebootPending;
        private long _rebootDeadlineMs;

        /// <summary>
        /// Closes the contactor of bay <paramref name="connectorId"/> for <paramref name="seconds"/>, when
        /// the bay has no session and is Available and no other test runs. The loop opens it when
        /// the time is up.
        /// </summary>
        public RelayTestResult StartRelayTest(int connectorId, int seconds)
        {
            Bay bay = GetBay(connectorId);
            if (bay == null)
            {
                return RelayTestResult.UnknownBay;
            }

            if (seconds < 1 || seconds > MaxRelayTestSeconds)
            {
                return RelayTestResult.InvalidDuration;
            }

            if (_relayTestConnectorId != 0)
            {
                return RelayTestResult.AlreadyRunning;
            }

            if (bay.HasSession)
            {
                return RelayTestResult.SessionActive;
            }

            if (bay.Status != BayStatus.Available || _rebootPending)
            {
                return RelayTestResult.NotAvailable;
            }

            _relayTestConnectorId = connectorId;
            _relayTestEndMs = _hardware.Clock.MonotonicMs + seconds * 1000L;
            _hardware.Contactors.Set(connectorId, true);
            _log.Info(Component, "relay test: bay " + connectorId.ToString() + " contactor closed for " + seconds.ToString() + " s");
            return RelayTestResult.Started;
        }

        /// <summary>Opens the contactor of the running relay test, if any, and ends the test.</summary>
        public void StopRelayTest()
        {
            if (_relayTestConnectorId == 0)
            {
                return;
            }

            int connectorId = _relayTestConnectorId;
            _relayTestConnectorId = 0;
            _hardware.Contactors.Set(connectorId, false);
            _log.Info(Component, "relay test: bay " + connectorId.ToString() + " contactor opened");
        }

        /// <summary>
        /// Stops every session (reason Reboot) and opens every contactor. <see cref="RebootRequested"/>
        /// follows once the console output is written. Cards are no longer read afterwards, so no session
        /// can start before the reboot.
        /// </summary>
        public void RequestReboot(string reason)
        {
            StopRelayTest();
            for (int i = 0; i < _bays.Length; i++)
            {
                if (_bays[i].HasSession)
                {
                    StopSession(_bays[i], Reason.Reboot);
                }
            }

            _hardware.Contactors.OpenAll();
            _rebootPending = true;
            _rebootDeadlineMs = _hardware.Clock.MonotonicMs + RebootFlushMs;
            RebootRequested = _console == null;
            _log.Warning(Component, "reboot requested: " + reason);
        }

        // Called by Start after the journal recovery: a cabinet that is not provisioned keeps every bay
        // out of service and never connects, so that nothing reaches a central system it was not given.
        private void HoldUntilProvisioned()
        {
            if (_configuration.IsProvisioned)
            {
                return;
            }

            for (int i = 0; i < _bays.Length; i++)
            {
                _bays[i].Status = BayStatus.Unavailable;
            }

            _log.Warning(Component, "not provisioned: every bay stays out of service and OCPP stays off until the first-boot setup on the console is complete");
        }

        // Created at Start rather than in the constructor, so that a test can attach a console line
        // to the hardware of a cabinet already built.
        private void StartConsole(long nowMs)
        {
            if (_hardware.ConsoleLine == null)
            {
                return;
            }

            _console = new TechnicianConsole(this, _hardware, _configuration, _log);
            _console.Start(nowMs);
        }

        // One loop iteration of the console's work, after ending a relay test that is due or no longer
        // allowed (its bay got a session or went out of service).
        private void PollConsole(long nowMs)
        {
            if (_relayTestConnectorId != 0)
            {
                Bay bay = GetBay(_relayTestConnectorId);
                if (bay.HasSession)
                {
                    // Cannot happen while StartSession refuses the bay. If it did, the contactor now
                    // belongs to the session and stays as the session wants it.
                    _relayTestConnectorId = 0;
                    _log.Warning(Component, "relay test: bay " + bay.ConnectorId.ToString() + " got a session, test ended");
                }
                else if (nowMs >= _relayTestEndMs || bay.Status != BayStatus.Available)
                {
                    StopRelayTest();
                }
            }

            if (_console != null)
            {
                _console.Poll(nowMs);
            }

            if (_rebootPending && (_console == null || _console.IsIdle || nowMs >= _rebootDeadlineMs))
            {
                RebootRequested = true;
            }
        }

        // Returns true when the key went to a keypad test instead of the front panel.
        private bool RouteKeyToConsole(char key, long nowMs)
        {
            if (_console == null || !_console.CapturesKeys)
            {
                return false;
            }

            _console.OnKeyPressed(key, nowMs);
            return true;
        }

        // Returns true when the detected card must not reach the front panel: it went to a reader
        // test, or a reboot is pending. The card counts as seen, so it is not presented again to the
        // panel as soon as the test ends.
        private bool RouteCardToConsole(long nowMs)
        {
            if (_rebootPending)
            {
                return true;
            }

            if (_console != null && _console.IsPersonalizingCard)
            {
                _lastCard.CopyFrom(_card);
                PersonalizeCard(nowMs);
                return true;
            }

            if (_console == null || !_console.IsTestingReader)
            {
                return false;
            }

            _lastCard.CopyFrom(_card);
            KiWhiPassReadResult result = null;
            if (_configuration.RequireCardAuthentication && _passReader != null)
            {
                _passReader.Read(_card, _passResult);
                result = _passResult;
            }

            _console.OnCardForTest(_card, result, nowMs);
            return true;
        }

        // Turns the card on the reader into a KiWhi Pass for the console's card personalise command.
        // The personaliser verifies every step and never locks, so a failure leaves a card with a known key.
        private void PersonalizeCard(long nowMs)
        {
            string uidHex = FormatUid(_card);
            if (_configuration.CardMasterKey == null || _configuration.CardMasterKey.Length != 16)
            {
                _console.OnCardPersonalized(uidHex, KiWhiPassPersonalizationResult.UnknownKey, KiWhiPassPersonalizationStep.Identify, nowMs);
                return;
            }

            var personalizer = new KiWhiPassPersonalizer(_hardware.CardReader, _hardware.Random, _configuration.CardMasterKey, 0);
            KiWhiPassPersonalizationResult result = personalizer.Personalize(_card, _console.PendingCardNumber, _console.PendingCardIssuer, false);
            _console.OnCardPersonalized(uidHex, result, personalizer.LastStep, nowMs);
        }

        private bool IsUnderRelayTest(Bay bay)
        {
            return bay.ConnectorId == _relayTestConnectorId;
        }
    }
}
