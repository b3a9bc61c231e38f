using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Protocol.Json;
using KiWhi.Armoire.Protocol.Ocpp;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// The cabinet's OCPP 1.6J charge-point behaviour: the link, registration, heartbeat, connector
    /// statuses, Authorize and the transaction FIFO, with one outstanding CALL at a time
    /// (OCPP-J 1.6 §4.1.1). The message classes of the protocol layer carry the payloads; what to do
    /// with a confirmation is decided here and in <see cref="Cabinet"/>.
    /// </summary>
    public sealed partial class ChargePoint
    {
        /// <summary>Subprotocol required by OCPP-J 1.6 §3.1.</summary>
        public const string Subprotocol = "ocpp1.6";

        /// <summary>Wait before BootNotification is sent again when the central system gave interval 0 or sent no reply.</summary>
        public const int DefaultBootRetrySeconds = 30;

        /// <summary>Authorize requests waiting at most: one per resident at the panel, with room to spare.</summary>
        public const int AuthorizeQueueCapacity = 4;

        private const string Component = "ocpp";

        private readonly Cabinet _cabinet;
        private readonly IOcppTransport _transport;
        private readonly IClock _clock;
        private readonly CabinetConfiguration _configuration;
        private readonly Logger _log;
        private readonly ITransportListener _listener;
        private readonly JsonWriter _writer = new JsonWriter(Cabinet.MaxMessageBytes, 8);
        private readonly JsonReader _reader = new JsonReader(16);
        private readonly RpcFrame _frame;
        private readonly TransactionQueue _transactions;
        private readonly string[] _authorizeQueue = new string[AuthorizeQueueCapacity];
        private readonly bool[] _statusDirty;
        private readonly char[] _idChars = new char[12];

        private int _authorizeCount;
        private int _nextMessageId = 1;
        private long _nextConnectMs;
        private long _bootNotBeforeMs;
        private long _nextHeartbeatMs;
        private int _heartbeatIntervalSeconds;

        private CallKind _callKind;
        private int _callMessageId;
        private long _callDeadlineMs;
        private string _callIdTag;
        private int _callConnectorId;

        public ChargePoint(Cabinet cabinet, CabinetHardware hardware, CabinetConfiguration configuration, Logger log, ITransportListener listener)
        {
            _cabinet = cabinet;
            _transport = hardware.Transport;
            _clock = hardware.Clock;
            _configuration = configuration;
            _log = log;
            _listener = listener;
            _frame = new RpcFrame(_reader);
            _transactions = cabinet.Journal.Queue;
            _backoff = new ReconnectBackoff(hardware.Random);
            _statusDirty = new bool[configuration.BayCount + 1];
            _heartbeatIntervalSeconds = configuration.HeartbeatIntervalSeconds;
            Link = LinkState.Disconnected;
            Registration = RegistrationState.Unknown;
        }

        public LinkState Link { get; private set; }

        public RegistrationState Registration { get; private set; }

        /// <summary>The transaction FIFO, for the console and the tests.</summary>
        public TransactionQueue Transactions
        {
            get { return _transactions; }
        }

        /// <summary>Heartbeat interval in force, in seconds.</summary>
        public int HeartbeatIntervalSeconds
        {
            get { return _heartbeatIntervalSeconds; }
        }

        /// <summary>StartTransaction messages discarded after every attempt failed, with their sessions.</summary>
        public int LostSessions { get; private set; }

        /// <summary>Frames from the central system rejected as malformed.</summary>
        public int MalformedFrames { get; private set; }

        /// <summary>Why the link last closed, for the console.</summary>
        public string LastCloseReason { get; private set; }

        /// <summary>True when requests can be sent now: link open and registration accepted.</summary>
        public bool IsOnline
        {
            get { return Link == LinkState.Open && Registration == RegistrationState.Accepted; }
        }

        /// <summary>Connects for the first time.</summary>
        public void Start(long nowMs)
        {
            _nextConnectMs = nowMs;
            for (int i = 0; i < _statusDirty.Length; i++)
            {
                _statusDirty[i] = true;
            }
        }

        /// <summary>Queues Authorize for <paramref name="idTag"/>; false when offline, so the resident learns it at once.</summary>
        public bool RequestAuthorize(string idTag)
        {
            if (!IsOnline || _authorizeCount == AuthorizeQueueCapacity)
            {
                _log.Info(Component, "Authorize not sent: central system unreachable");
                return false;
            }

            _authorizeQueue[_authorizeCount++] = idTag;
            return true;
        }

        /// <summary>Marks the status of <paramref name="connectorId"/> for reporting; the current status is read when it is sent.</summary>
        public void ReportStatus(int connectorId)
        {
            if (connectorId >= 0 && connectorId < _statusDirty.Length)
            {
                _statusDirty[connectorId] = true;
            }
        }

        /// <summary>
        /// Journals StartTransaction for the session being opened on <paramref name="bay"/>, stamped now.
        /// Returns false when the journal rejects it (full or failing): the session must not start.
        /// </summary>
        public bool QueueStartTransaction(Bay bay)
        {
            TransactionMessage message = _transactions.Prepare(TransactionMessageKind.StartTransaction);
            message.SessionId = bay.SessionId;
            message.ConnectorId = bay.ConnectorId;
            message.IdTag = bay.IdTag;
            message.MeterWh = bay.MeterStartWh;
            return _transactions.Enqueue(message);
        }

        /// <summary>Journals a periodic MeterValues sample of the energy register, stamped now; false when the full-journal policy leaves it out.</summary>
        public bool QueueMeterValues(Bay bay, long registerWh)
        {
            TransactionMessage message = _transactions.Prepare(TransactionMessageKind.MeterValues);
            message.SessionId = bay.SessionId;
            message.ConnectorId = bay.ConnectorId;
            message.MeterWh = registerWh;
            return _transactions.Enqueue(message);
        }

        /// <summary>
        /// Journals StopTransaction for session <paramref name="sessionId"/> on bay
        /// <paramref name="connectorId"/>, stamped <paramref name="eventTime"/> or now when it is null.
        /// The idTag and start values are taken from the confirmed session when it is sent.
        /// </summary>
        public bool QueueStopTransaction(int sessionId, int connectorId, long meterStopWh, Reason reason, Journal.EventTime eventTime)
        {
            TransactionMessage message = _transactions.Prepare(TransactionMessageKind.StopTransaction);
            message.SessionId = sessionId;
            message.ConnectorId = connectorId;
            message.MeterWh = meterStopWh;
            message.Reason = reason;
            if (eventTime != null)
            {
                message.EventTime.CopyFrom(eventTime);
            }

            return _transactions.Enqueue(message);
        }

        /// <summary>The WebSocket handshake succeeded.</summary>
        public void OnConnected(long nowMs)
        {
            Link = LinkState.Open;
            _log.Info(Component, "connected to the central system");
            OnLinkOpened(nowMs);
            if (Registration == RegistrationState.Accepted)
            {
                // A reconnect is not a reboot: no BootNotification (OCPP-J 1.6 §5.4).
                return;
            }

            _bootNotBeforeMs = nowMs;
        }

        /// <summary>The link closed or could not be opened; a reconnect is scheduled after the back-off delay.</summary>
        public void OnClosed(string reason, long nowMs)
        {
            if (Link == LinkState.Disconnected)
            {
                // The closure was already handled (a half-open link the transport reported late).
                _log.Debug(Component, "closure reported again (" + reason + "), ignored");
                return;
            }

            LastCloseReason = reason;
            Link = LinkState.Disconnected;
            ScheduleReconnect(reason, nowMs);
            if (reason != null && (reason.IndexOf("'401'") >= 0 || reason.IndexOf("right handshake") >= 0))
            {
                // The host transport quotes the HTTP status. nanoFramework's ClientWebSocket reports only
                // "WebSocket did not receive right handshake" for any status other than 101.
                _log.Warning(Component, "the central system rejected the WebSocket upgrade: check the URL path and ChargePointIdentity, "
                    + "and with HTTP 401 the AuthorizationKey, which is the Basic password written in hexadecimal");
            }
            AbandonOutstandingCall("link closed");
        }

        /// <summary>Runs the timers: connect, call timeout, BootNotification, then the next request.</summary>
        public void Tick(long nowMs)
        {
            if (Link == LinkState.Disconnected)
            {
                if (nowMs >= _nextConnectMs)
                {
                    Connect();
                }

                return;
            }

            if (Link == LinkState.Closing)
            {
                CheckCloseConfirmed(nowMs);
                return;
            }

            if (Link != LinkState.Open || CloseIfStale(nowMs))
            {
                return;
            }

            if (_callKind != CallKind.None)
            {
                if (nowMs >= _callDeadlineMs)
                {
                    _log.Warning(Component, "no reply to message " + _callMessageId.ToString() + " within " + _configuration.CallTimeoutSeconds.ToString() + " s");
                    OnCallFailed(nowMs, "reply timeout");
                }

                return;
            }

            if (Registration != RegistrationState.Accepted)
            {
                if (nowMs >= _bootNotBeforeMs)
                {
                    SendBootNotification(nowMs);
                }

                return;
            }

            try
            {
                SendNextRequest(nowMs);
            }
            catch (System.ArgumentException exception)
            {
                // A request that would break its schema (an over-long CiString, a missing field) is
                // never sent. It counts as a failed call, so a transaction message cannot block the FIFO.
                _log.Error(Component, "request not sent, invalid field: " + exception.Message);
                OnCallFailed(nowMs, "invalid request");
            }
            catch (System.InvalidOperationException exception)
            {
                // The frame did not fit the output buffer; the partial frame is never sent.
                _log.Error(Component, "request not sent: " + exception.Message);
                OnCallFailed(nowMs, "request too large");
            }
        }

        private void Connect()
        {
            Link = LinkState.Connecting;
            string url = _configuration.CentralSystemUrl;
            if (!url.EndsWith("/"))
            {
                url += "/";
            }

            url += PercentEncode(_configuration.ChargePointIdentity);
            _log.Info(Component, "connecting to " + url);
            ApplyPingInterval();
            _transport.Connect(url, Subprotocol, BasicAuthorizationHeader(), _listener);
        }

        private void SendNextRequest(long nowMs)
        {
            if (_authorizeCount > 0)
            {
                SendAuthorize(nowMs);
                return;
            }

            for (int connectorId = 0; connectorId < _statusDirty.Length; connectorId++)
            {
                if (_statusDirty[connectorId])
                {
                    SendStatusNotification(connectorId, nowMs);
                    return;
                }
            }

            TransactionMessage head = _transactions.Peek();
            if (head != null && nowMs >= head.NotBeforeMs && _clock.IsWallClockSet && SendTransactionMessage(head, nowMs))
            {
                return;
            }

            if (_heartbeatIntervalSeconds > 0 && nowMs >= _nextHeartbeatMs)
            {
                SendHeartbeat(nowMs);
            }
        }

        private void OnCallSucceeded(long nowMs)
        {
            _callKind = CallKind.None;
            _callIdTag = null;
        }

        // A CALLERROR, an unreadable CALLRESULT or a reply timeout while online.
        private void OnCallFailed(long nowMs, string why)
        {
            CallKind kind = _callKind;
            string idTag = _callIdTag;
            int connectorId = _callConnectorId;
            _callKind = CallKind.None;
            _callIdTag = null;

            switch (kind)
            {
                case CallKind.BootNotification:
                    _bootNotBeforeMs = nowMs + DefaultBootRetrySeconds * 1000L;
                    break;
                case CallKind.Authorize:
                    _cabinet.OnAuthorizeResult(idTag, false, AuthorizationStatus.Invalid);
                    break;
                case CallKind.StatusNotification:
                    _log.Warning(Component, "StatusNotification of connector " + connectorId.ToString() + " failed (" + why + "), not retried");
                    break;
                case CallKind.Heartbeat:
                    break;
                case CallKind.Transaction:
                    OnTransactionMessageFailed(nowMs, why);
                    break;
            }
        }

        // The link closed with a CALL outstanding: it is not a failed attempt (time offline does not
        // count, OCPP 1.6 §4.7), so a transaction message stays at the head and is sent again with a
        // new messageId after the reconnect.
        private void AbandonOutstandingCall(string why)
        {
            CallKind kind = _callKind;
            string idTag = _callIdTag;
            int connectorId = _callConnectorId;
            _callKind = CallKind.None;
            _callIdTag = null;

            if (kind == CallKind.Authorize)
            {
                _cabinet.OnAuthorizeResult(idTag, false, AuthorizationStatus.Invalid);
            }
            else if (kind == CallKind.StatusNotification)
            {
                _statusDirty[connectorId] = true;
                RestoreLocalListConflict(connectorId);
            }

            for (int i = 0; i < _authorizeCount; i++)
            {
                _cabinet.OnAuthorizeResult(_authorizeQueue[i], false, AuthorizationStatus.Invalid);
                _authorizeQueue[i] = null;
            }

            _authorizeCount = 0;
        }

        private void OnTransactionMessageFailed(long nowMs, string why)
        {
            TransactionMessage head = _transactions.Peek();
            if (head == null)
            {
                return;
            }

            head.FailedAttempts++;
            string name = KindName(head.Kind);
            if (head.FailedAttempts < _configuration.TransactionMessageAttempts)
            {
                head.NotBeforeMs = nowMs + (long)_configuration.TransactionMessageRetryIntervalSeconds * 1000L * head.FailedAttempts;
                _log.Warning(Component, name + " of session " + head.SessionId.ToString() + " failed (" + why + "), attempt "
                    + head.FailedAttempts.ToString() + " of " + _configuration.TransactionMessageAttempts.ToString());
                return;
            }

            if (head.Kind == TransactionMessageKind.StartTransaction)
            {
                int sessionId = head.SessionId;
                int dropped = _transactions.DiscardSession(sessionId);
                LostSessions++;
                _log.Error(Component, "StartTransaction of session " + sessionId.ToString() + " discarded after "
                    + head.FailedAttempts.ToString() + " attempts with " + (dropped - 1).ToString() + " dependent messages; sessions lost: " + LostSessions.ToString());
                _cabinet.OnStartTransactionDiscarded(sessionId);
                return;
            }

            _log.Error(Component, name + " of session " + head.SessionId.ToString() + " discarded after " + head.FailedAttempts.ToString() + " attempts");
            _transactions.RemoveHead(false);
        }

        private static string KindName(TransactionMessageKind kind)
        {
            switch (kind)
            {
                case TransactionMessageKind.StartTransaction:
                    return "StartTransaction";
                case TransactionMessageKind.MeterValues:
                    return "MeterValues";
                default:
                    return "StopTransaction";
            }
        }

        // Percent-encodes everything but unreserved characters (RFC 3986 §2.3) of the identity path segment.
        private static string PercentEncode(string identity)
        {
            const string hex = "0123456789ABCDEF";
            string result = "";
            for (int i = 0; i < identity.Length; i++)
            {
                char c = identity[i];
                bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
                if (unreserved)
                {
                    result += c;
                }
                else
                {
                    int code = c & 0xFF;
                    result += "%" + hex[code >> 4] + hex[code & 0x0F];
                }
            }

            return result;
        }

        // OCPP 1.6 security profile 1 (OCPP 1.6 Security Whitepaper, edition 2): HTTP Basic with the
        // identity as user and, as password, the bytes that AuthorizationKey spells in hexadecimal.
        private string BasicAuthorizationHeader()
        {
            string key = _configuration.AuthorizationKey;
            if (key == null || key.Length == 0)
            {
                return null;
            }

            if (!SettingValidator.Check(ConfigurationRegistry.Find(AuthorizationKeyName), key).IsValid)
            {
                // Only a configuration built in code gets here: provisioning and ChangeConfiguration check the key.
                _log.Error(Component, "AuthorizationKey is not 32 to 40 hexadecimal digits; connecting without Basic authentication");
                return null;
            }

            byte[] password = SettingText.FromHex(key);
            string identity = _configuration.ChargePointIdentity;
            byte[] bytes = new byte[identity.Length + 1 + password.Length];
            for (int i = 0; i < identity.Length; i++)
            {
                bytes[i] = (byte)identity[i];
            }

            bytes[identity.Length] = (byte)':';
            System.Array.Copy(password, 0, bytes, identity.Length + 1, password.Length);
            return "Basic " + System.Convert.ToBase64String(bytes);
        }
    }
}
