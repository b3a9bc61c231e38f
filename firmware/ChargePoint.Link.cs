using KiWhi.Armoire.Hal;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// The link's timers: reconnection back-off, WebSocket pings and the detection of half-open links.
    /// </summary>
    /// <remarks>
    /// A half-open link is one the cabinet believes open while nothing reaches the central system or
    /// comes back, after a NAT timeout or a cable pulled upstream. The transport's pings reveal it when
    /// it waits for pongs. The cabinet also closes a registered link on which no frame has arrived for
    /// StaleLinkHeartbeatIntervals heartbeat intervals: a live central system replies to every Heartbeat,
    /// and one is sent every interval, so such silence means the link is dead.
    /// NOTE: until the link is found stale, each reply timeout on it counts as a failed attempt of the
    /// transaction message at the head of the queue (TransactionMessageAttempts).
    /// </remarks>
    public sealed partial class ChargePoint
    {
        /// <summary>Time the transport has to report the closure of a link the cabinet closed as half-open, in ms.</summary>
        public const int CloseConfirmTimeoutMs = 5000;

        private readonly ReconnectBackoff _backoff;
        private long _lastFrameReceivedMs;
        private long _closeDeadlineMs;

        /// <summary>Connection attempts since the last successful registration, which set the back-off.</summary>
        public int ReconnectAttempts
        {
            get { return _backoff.Attempts; }
        }

        /// <summary>Monotonic time of the next connection attempt while disconnected, in ms.</summary>
        public long NextConnectMs
        {
            get { return _nextConnectMs; }
        }

        /// <summary>Links closed since power-on because no frame arrived for StaleLinkHeartbeatIntervals heartbeat intervals.</summary>
        public int StaleLinkCloses { get; private set; }

        // A registered link that opens again proves the central system is back: the back-off restarts.
        private void OnLinkOpened(long nowMs)
        {
            _lastFrameReceivedMs = nowMs;
            if (Registration == RegistrationState.Accepted)
            {
                _backoff.Reset();
            }
        }

        private void ScheduleReconnect(string reason, long nowMs)
        {
            long delayMs = _backoff.NextDelayMs(_configuration.ReconnectDelaySeconds, _configuration.ReconnectMaxDelaySeconds, _configuration.ReconnectJitterPercent);
            _nextConnectMs = nowMs + delayMs;
            _log.Warning(Component, "link closed (" + reason + "), reconnection attempt " + _backoff.Attempts.ToString()
                + " in " + (delayMs / 1000).ToString() + "." + (delayMs % 1000 / 100).ToString() + " s");
        }

        // Closes an open, registered link on which nothing has arrived for too long, and returns true when it did.
        private bool CloseIfStale(long nowMs)
        {
            int intervals = _configuration.StaleLinkHeartbeatIntervals;
            if (intervals <= 0 || _heartbeatIntervalSeconds <= 0 || Registration != RegistrationState.Accepted)
            {
                return false;
            }

            long silentMs = nowMs - _lastFrameReceivedMs;
            if (silentMs < (long)intervals * _heartbeatIntervalSeconds * 1000L)
            {
                return false;
            }

            StaleLinkCloses++;
            _log.Warning(Component, "no frame from the central system for " + (silentMs / 1000).ToString() + " s ("
                + intervals.ToString() + " heartbeat intervals): closing the link as half-open");
            Link = LinkState.Closing;
            _closeDeadlineMs = nowMs + CloseConfirmTimeoutMs;
            AbandonOutstandingCall("link half-open");
            _transport.Close();
            return true;
        }

        // A transport that never reports the closure must not keep the cabinet offline for good.
        private void CheckCloseConfirmed(long nowMs)
        {
            if (nowMs >= _closeDeadlineMs)
            {
                _log.Warning(Component, "transport did not report the closure within " + CloseConfirmTimeoutMs.ToString() + " ms");
                OnClosed("half-open link closed by the charge point", nowMs);
            }
        }

        private void ApplyPingInterval()
        {
            IWebSocketPing ping = _transport as IWebSocketPing;
            if (ping != null)
            {
                ping.SetPingInterval(_configuration.WebSocketPingInterval < 0 ? 0 : _configuration.WebSocketPingInterval);
            }
        }
    }
}
