namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// Settings of one cabinet, set at provisioning. Defaults are the values a freshly flashed cabinet
    /// uses until the installer or the central system changes them.
    /// </summary>
    public sealed class CabinetConfiguration
    {
        /// <summary>Central system endpoint (ws:// or wss://); the charge-point identity is appended as a path segment.</summary>
        public string CentralSystemUrl = "ws://127.0.0.1:9000/ocpp";

        /// <summary>Charge-point identity (CiString20 of printable ASCII).</summary>
        public string ChargePointIdentity = "ARMOIRE-01";

        /// <summary>OCPP Basic authentication password (AuthorizationKey); null when the server does not use it.</summary>
        public string AuthorizationKey;

        /// <summary>Parking-spot number of each bay: bay n (connector n) is at index n-1.</summary>
        public int[] SpotNumbers = new int[] { 1, 2, 3, 4 };

        /// <summary>Language of resident texts: "fr" (default) or "en".</summary>
        public string Language = "fr";

        public string ChargePointVendor = "KiWhi";
        public string ChargePointModel = "Armoire";
        public string ChargePointSerialNumber;
        public string FirmwareVersion = "0.1.0";

        /// <summary>Heartbeat interval used until BootNotification.conf gives one.</summary>
        public int HeartbeatIntervalSeconds = 300;

        /// <summary>MeterValueSampleInterval: periodic MeterValues during a transaction; 0 disables them.</summary>
        public int MeterValueSampleIntervalSeconds = 60;

        /// <summary>Time allowed for the central system's reply to a CALL before it counts as failed.</summary>
        public int CallTimeoutSeconds = 30;

        /// <summary>Time the resident has to type the bay number and '#'.</summary>
        public int BayEntryTimeoutSeconds = 30;

        /// <summary>Time a resident message stays on the display before the idle text returns.</summary>
        public int MessageDisplaySeconds = 5;

        /// <summary>
        /// Delay before the first reconnection attempt after the link closes. Each failed attempt doubles
        /// it, up to <see cref="ReconnectMaxDelaySeconds"/>, and every delay gets the random spread of
        /// <see cref="ReconnectJitterPercent"/>.
        /// </summary>
        public int ReconnectDelaySeconds = 10;

        /// <summary>Upper bound of the doubled reconnection delay, before the random spread.</summary>
        public int ReconnectMaxDelaySeconds = 300;

        /// <summary>
        /// Random spread of every reconnection delay, in percent either way: 25 turns a 10 s delay into
        /// 7.5 s to 12.5 s, so cabinets cut off together do not all reconnect at the same instant.
        /// </summary>
        public int ReconnectJitterPercent = 25;

        /// <summary>
        /// WebSocketPingInterval (OCPP-J 1.6 §5.3): seconds between WebSocket pings, 0 for none. Passed to
        /// the transport before each connection, when it can send pings.
        /// </summary>
        public int WebSocketPingInterval = 30;

        /// <summary>
        /// Heartbeat intervals without any frame from the central system after which an open link counts
        /// as half-open, is closed and reconnected; 0 disables the check.
        /// </summary>
        public int StaleLinkHeartbeatIntervals = 2;

        /// <summary>Sessions one card may hold at once; with 1, presenting the card again stops its session at once.</summary>
        public int MaxSessionsPerCard = 1;

        /// <summary>StopTransactionOnInvalidId: stop a session the central system did not accept (reason DeAuthorized) rather than suspend it.</summary>
        public bool StopTransactionOnInvalidId = true;

        /// <summary>TransactionMessageAttempts: tries of a transaction-related message before it is discarded.</summary>
        public int TransactionMessageAttempts = 3;

        /// <summary>TransactionMessageRetryInterval: wait after a failed try, multiplied by the tries so far.</summary>
        public int TransactionMessageRetryIntervalSeconds = 60;

        /// <summary>What happens at boot to a session open when the power failed: stopped with reason PowerLoss (default) or resumed.</summary>
        public InterruptedSessionPolicy InterruptedSessionPolicy = InterruptedSessionPolicy.Stop;

        /// <summary>Size of one transaction journal segment file on flash, in bytes (at least 2048).</summary>
        public int JournalSegmentBytes = Journal.TransactionJournal.DefaultSegmentBytes;

        /// <summary>Transaction journal segment files; with <see cref="JournalSegmentBytes"/> they make the journal's flash budget.</summary>
        public int JournalSegmentCount = Journal.TransactionJournal.DefaultSegmentCount;

        /// <summary>LocalAuthListEnabled: the local authorization list is used and SendLocalList accepted.</summary>
        public bool LocalAuthListEnabled = true;

        /// <summary>AuthorizationCacheEnabled: idTagInfo received from the central system is cached and used.</summary>
        public bool AuthorizationCacheEnabled = true;

        /// <summary>LocalAuthorizeOffline: while offline, idTags valid in the local list or the cache may start a session.</summary>
        public bool LocalAuthorizeOffline = true;

        /// <summary>LocalPreAuthorize: while online, idTags valid in the local list or the cache start a session without Authorize.</summary>
        public bool LocalPreAuthorize;

        /// <summary>AllowOfflineTxForUnknownId: while offline, idTags unknown to the local list and the cache may start a session.</summary>
        public bool AllowOfflineTxForUnknownId;

        /// <summary>
        /// MaxEnergyOnInvalidId, in Wh: energy a session may reach (counted from meterStart) after the
        /// central system rejected its idTag, when StopTransactionOnInvalidId is false. 0 opens the contactor at once.
        /// </summary>
        public int MaxEnergyOnInvalidId;

        /// <summary>
        /// Accept only KiWhi Pass cards that pass the Ultralight C mutual authentication with their
        /// diversified key. False identifies cards by UID alone, which a clone copies in seconds: keep it
        /// for bench tests with UID-only cards, never in a car park.
        /// </summary>
        public bool RequireCardAuthentication = true;

        /// <summary>
        /// Cabinet master key (16 bytes, 2TDEA) from which every card key is diversified (NXP AN10922).
        /// A secret: never logged, never listed. Null means no card can be authenticated.
        /// </summary>
        public byte[] CardMasterKey;

        /// <summary>How the idTag sent to the central system is derived from an authenticated card.</summary>
        public KiWhi.Armoire.Protocol.Iso14443.KiWhiIdTagRule IdTagRule = KiWhi.Armoire.Protocol.Iso14443.KiWhiIdTagRule.Uid;

        /// <summary>
        /// False on a cabinet whose flash contains no configuration: it runs the first-boot setup on the
        /// console, keeps every bay out of service and never connects to the central system. True by
        /// default so that a configuration built in code (tests, the virtual cabinet) counts as provisioned;
        /// <see cref="ConfigurationStore.Load"/> sets it from what the flash holds.
        /// </summary>
        public bool IsProvisioned = true;

        /// <summary>Board profile name from the boards catalogue; null until provisioned.</summary>
        public string BoardProfileName;

        /// <summary>Network interface to the central system: "wifi" or "ethernet".</summary>
        public string NetworkInterface = "wifi";

        public string WifiSsid;

        /// <summary>WPA2 passphrase; null for an open network. A secret: never logged or shown.</summary>
        public string WifiPassword;

        /// <summary>Ethernet addressing: "dhcp" or "static".</summary>
        public string IpAddressing = "dhcp";

        /// <summary>IPv4 settings used when <see cref="IpAddressing"/> is "static", in dotted decimal form.</summary>
        public string StaticIpAddress;
        public string SubnetMask;
        public string DefaultGateway;
        public string DnsServer;

        /// <summary>Salted PBKDF2 hash of the technician password (see <see cref="TechnicianPassword"/>); null when none is set.</summary>
        public string TechnicianPasswordHash;

        /// <summary>A technician session with no input for this long is closed.</summary>
        public int ConsoleInactivityTimeoutSeconds = 300;

        /// <summary>Number of bays (connectors 1..N).</summary>
        public int BayCount
        {
            get { return SpotNumbers == null ? 0 : SpotNumbers.Length; }
        }
    }
}
