using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Protocol.Ocpp;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// The resident interaction, identification first: card → Authorize → parking-spot number and '#'
    /// → session started; the same card again stops its session. Texts come from
    /// <see cref="MessageCatalog"/>, in the configured language.
    /// </summary>
    public sealed class FrontPanel
    {
        /// <summary>Digits accepted for a parking-spot number.</summary>
        public const int MaxSpotDigits = 4;

        private readonly Cabinet _cabinet;
        private readonly CabinetConfiguration _configuration;
        private readonly IIndicators _indicators;
        private readonly ITextDisplay _display;
        private readonly Logger _log;
        private readonly char[] _digits = new char[MaxSpotDigits];

        private int _digitCount;
        private string _idTag;
        private bool _idTagAuthorized;
        private int _pendingSpot;
        private long _deadlineMs;

        public FrontPanel(Cabinet cabinet, CabinetConfiguration configuration, IIndicators indicators, ITextDisplay display, Logger log)
        {
            _cabinet = cabinet;
            _configuration = configuration;
            _indicators = indicators;
            _display = display;
            _log = log;
            State = FrontPanelState.Idle;
        }

        public FrontPanelState State { get; private set; }

        /// <summary>idTag of the card being served, or null when idle.</summary>
        public string CurrentIdTag
        {
            get { return _idTag; }
        }

        /// <summary>Text currently shown, first line; kept for the console and the virtual cabinet.</summary>
        public string Line1 { get; private set; }

        /// <summary>Text currently shown, second line.</summary>
        public string Line2 { get; private set; }

        /// <summary>Shows the idle text; called once the cabinet has started.</summary>
        public void ShowIdle()
        {
            State = FrontPanelState.Idle;
            _idTag = null;
            _digitCount = 0;
            _pendingSpot = 0;
            if (_cabinet.AllBaysOutOfService)
            {
                Render(TextId.CabinetUnavailable, null, null, IndicatorColor.Red, BuzzerPattern.None);
            }
            else
            {
                Render(TextId.Idle, null, null, IndicatorColor.Blue, BuzzerPattern.None);
            }
        }

        /// <summary>Handles a card presentation with the idTag derived from the card.</summary>
        public void OnCardPresented(string idTag, long nowMs)
        {
            if (State == FrontPanelState.Authorizing)
            {
                _log.Debug("panel", "card " + Mask(idTag) + " ignored while Authorize is pending");
                return;
            }

            if (State == FrontPanelState.EnteringBay && idTag == _idTag)
            {
                return;
            }

            _idTag = idTag;
            _digitCount = 0;
            _pendingSpot = 0;
            _idTagAuthorized = false;

            int sessions = _cabinet.CountSessions(idTag);
            if (sessions == 1 && _configuration.MaxSessionsPerCard == 1)
            {
                // Stopping with the card that started the session needs no Authorize (OCPP 1.6 §3.4.1).
                Bay own = _cabinet.FindSessionBay(idTag);
                StopOwnSession(own, nowMs);
                return;
            }

            if (sessions > 0)
            {
                _log.Info("panel", "card " + Mask(idTag) + " has " + sessions.ToString() + " sessions; asking for the bay");
                EnterBay(nowMs);
                return;
            }

            Authorize(nowMs);
        }

        /// <summary>Tells the resident that the presented card is not accepted (authentication or data failed).</summary>
        public void OnCardRejected(TextId text, long nowMs)
        {
            if (State == FrontPanelState.Authorizing)
            {
                return;
            }

            ShowMessage(text, null, null, IndicatorColor.Red, BuzzerPattern.Error, nowMs);
        }

        /// <summary>Handles a key from the keypad: '0'-'9', '*' (cancel) or '#' (confirm).</summary>
        public void OnKey(char key, long nowMs)
        {
            if (State != FrontPanelState.EnteringBay)
            {
                return;
            }

            if (key == '*')
            {
                _log.Info("panel", "bay entry cancelled by the resident");
                ShowMessage(TextId.Cancelled, null, null, IndicatorColor.Yellow, BuzzerPattern.Click, nowMs);
                return;
            }

            if (key == '#')
            {
                ConfirmBay(nowMs);
                return;
            }

            if (key < '0' || key > '9')
            {
                _log.Warning("panel", "ignored unexpected key code " + ((int)key).ToString());
                return;
            }

            if (_digitCount == MaxSpotDigits)
            {
                // A fifth digit restarts the entry, as on a phone keypad, so the display always shows the digits that count.
                _digitCount = 0;
            }

            _digits[_digitCount++] = key;
            _deadlineMs = nowMs + _configuration.BayEntryTimeoutSeconds * 1000L;
            Render(TextId.EnterBayDigits, new string(_digits, 0, _digitCount), null, IndicatorColor.Yellow, BuzzerPattern.Click);
        }

        /// <summary>Handles the result of Authorize; <paramref name="reached"/> is false on timeout or link loss.</summary>
        public void OnAuthorizeResult(string idTag, bool reached, AuthorizationStatus status, long nowMs)
        {
            if (State != FrontPanelState.Authorizing || idTag != _idTag)
            {
                return;
            }

            if (!reached)
            {
                ShowMessage(TextId.ServerUnreachable, null, null, IndicatorColor.Red, BuzzerPattern.Error, nowMs);
                return;
            }

            if (status != AuthorizationStatus.Accepted)
            {
                _log.Info("panel", "card " + Mask(idTag) + " rejected by the central system: " + OcppEnumText.ToText(status));
                ShowMessage(RejectionText(status), null, null, IndicatorColor.Red, BuzzerPattern.Error, nowMs);
                return;
            }

            _idTagAuthorized = true;
            if (_pendingSpot != 0)
            {
                StartOn(_pendingSpot, nowMs);
                return;
            }

            EnterBay(nowMs);
        }

        /// <summary>Expires the bay entry and resident messages.</summary>
        public void Tick(long nowMs)
        {
            if (State == FrontPanelState.EnteringBay && nowMs >= _deadlineMs)
            {
                _log.Info("panel", "bay entry timed out");
                ShowMessage(TextId.EntryTimedOut, null, null, IndicatorColor.Red, BuzzerPattern.Error, nowMs);
                return;
            }

            if (State == FrontPanelState.ShowingMessage && nowMs >= _deadlineMs)
            {
                ShowIdle();
            }
        }

        /// <summary>Shows a message about a bay the resident is not looking at (for example a refused start).</summary>
        public void ShowBayNotice(TextId text, int spotNumber, long nowMs)
        {
            if (State == FrontPanelState.Idle || State == FrontPanelState.ShowingMessage)
            {
                ShowMessage(text, spotNumber.ToString(), null, IndicatorColor.Red, BuzzerPattern.Error, nowMs);
            }
        }

        /// <summary>Returns the card's idTag masked for logs and screens: the last 4 characters only.</summary>
        public static string Mask(string idTag)
        {
            if (idTag == null)
            {
                return "-";
            }

            if (idTag.Length <= 4)
            {
                return "****";
            }

            return "****" + idTag.Substring(idTag.Length - 4);
        }

        private void Authorize(long nowMs)
        {
            AuthorizationStatus status;
            AuthorizationOutcome outcome = _cabinet.RequestAuthorization(_idTag, out status);
            if (outcome == AuthorizationOutcome.Unreachable)
            {
                ShowMessage(TextId.ServerUnreachable, null, null, IndicatorColor.Red, BuzzerPattern.Error, nowMs);
                return;
            }

            State = FrontPanelState.Authorizing;
            if (outcome == AuthorizationOutcome.Pending)
            {
                Render(TextId.CardRead, null, null, IndicatorColor.Yellow, BuzzerPattern.Click);
                return;
            }

            // Decided locally (local list, cache or offline rules): the same path as a reply from the central system.
            OnAuthorizeResult(_idTag, true, status, nowMs);
        }

        private void EnterBay(long nowMs)
        {
            State = FrontPanelState.EnteringBay;
            _digitCount = 0;
            _deadlineMs = nowMs + _configuration.BayEntryTimeoutSeconds * 1000L;
            Render(TextId.EnterBay, null, null, IndicatorColor.Yellow, BuzzerPattern.Click);
        }

        private void ConfirmBay(long nowMs)
        {
            if (_digitCount == 0)
            {
                return;
            }

            int spot = 0;
            for (int i = 0; i < _digitCount; i++)
            {
                spot = spot * 10 + (_digits[i] - '0');
            }

            Bay bay = _cabinet.FindBayBySpot(spot);
            if (bay == null)
            {
                _log.Info("panel", "spot " + spot.ToString() + " does not exist");
                ShowMessage(TextId.UnknownSpot, spot.ToString(), null, IndicatorColor.Red, BuzzerPattern.Error, nowMs);
                return;
            }

            if (bay.HasSession && bay.IdTag == _idTag)
            {
                StopOwnSession(bay, nowMs);
                return;
            }

            if (bay.IsOutOfService)
            {
                _log.Info("panel", "bay " + bay.ConnectorId.ToString() + " is out of service");
                ShowMessage(TextId.BayOutOfService, spot.ToString(), null, IndicatorColor.Red, BuzzerPattern.Error, nowMs);
                return;
            }

            if (!bay.IsFree)
            {
                _log.Info("panel", "bay " + bay.ConnectorId.ToString() + " is in use by another card");
                ShowMessage(TextId.BayBusy, spot.ToString(), null, IndicatorColor.Red, BuzzerPattern.Error, nowMs);
                return;
            }

            if (_cabinet.CountSessions(_idTag) >= _configuration.MaxSessionsPerCard)
            {
                Bay own = _cabinet.FindSessionBay(_idTag);
                ShowMessage(TextId.CardSessionLimit, own.SpotNumber.ToString(), null, IndicatorColor.Red, BuzzerPattern.Error, nowMs);
                return;
            }

            if (!_idTagAuthorized)
            {
                // A card that already charges elsewhere is authorized again before a further session.
                _pendingSpot = spot;
                Authorize(nowMs);
                return;
            }

            StartOn(spot, nowMs);
        }

        private void StartOn(int spot, long nowMs)
        {
            Bay bay = _cabinet.FindBayBySpot(spot);
            if (bay == null || !bay.IsFree)
            {
                // The bay changed while Authorize was pending.
                ShowMessage(TextId.BayBusy, spot.ToString(), null, IndicatorColor.Red, BuzzerPattern.Error, nowMs);
                return;
            }

            if (!_cabinet.StartSession(bay, _idTag))
            {
                ShowMessage(TextId.BayOutOfService, spot.ToString(), null, IndicatorColor.Red, BuzzerPattern.Error, nowMs);
                return;
            }

            ShowMessage(TextId.ChargeStarted, spot.ToString(), null, IndicatorColor.Green, BuzzerPattern.Success, nowMs);
        }

        private void StopOwnSession(Bay bay, long nowMs)
        {
            int spot = bay.SpotNumber;
            long energyWh = _cabinet.StopSession(bay, Reason.Local);
            ShowMessage(TextId.ChargeStopped, spot.ToString(), FormatKilowattHours(energyWh), IndicatorColor.Green, BuzzerPattern.Success, nowMs);
        }

        private void ShowMessage(TextId text, string argument0, string argument1, IndicatorColor color, BuzzerPattern buzzer, long nowMs)
        {
            State = FrontPanelState.ShowingMessage;
            _deadlineMs = nowMs + _configuration.MessageDisplaySeconds * 1000L;
            _idTag = null;
            _pendingSpot = 0;
            Render(text, argument0, argument1, color, buzzer);
        }

        private void Render(TextId text, string argument0, string argument1, IndicatorColor color, BuzzerPattern buzzer)
        {
            Line1 = MessageCatalog.GetLine(text, _configuration.Language, 0, argument0, argument1);
            Line2 = MessageCatalog.GetLine(text, _configuration.Language, 1, argument0, argument1);
            if (_display != null)
            {
                _display.Show(Fit(Line1, _display.Columns), Fit(Line2, _display.Columns));
            }

            if (_indicators != null)
            {
                _indicators.Show(color, buzzer);
            }
        }

        private static string Fit(string line, int columns)
        {
            return line.Length <= columns ? line : line.Substring(0, columns);
        }

        private static TextId RejectionText(AuthorizationStatus status)
        {
            if (status == AuthorizationStatus.Blocked)
            {
                return TextId.CardBlocked;
            }

            if (status == AuthorizationStatus.Expired)
            {
                return TextId.CardExpired;
            }

            if (status == AuthorizationStatus.ConcurrentTx)
            {
                return TextId.CardConcurrentTx;
            }

            return TextId.CardInvalid;
        }

        /// <summary>Formats Wh as kWh with one decimal, rounded down, without floating point.</summary>
        public static string FormatKilowattHours(long energyWh)
        {
            if (energyWh < 0)
            {
                energyWh = 0;
            }

            long tenths = energyWh / 100;
            return (tenths / 10).ToString() + "." + (tenths % 10).ToString();
        }
    }
}
