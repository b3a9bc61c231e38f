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

        /// <summary>Delay before reconnecting after the link closes.</summary>
        public int ReconnectDelaySeconds = 10;

        /// <summary>Sessions one card may hold at once; with 1, presenting the card again stops its session at once.</summary>
        public int MaxSessionsPerCard = 1;

        /// <summary>StopTransactionOnInvalidId: stop a session the central system did not accept (reason DeAuthorized) rather than suspend it.</summary>
        public bool StopTransactionOnInvalidId = true;

        /// <summary>TransactionMessageAttempts: tries of a transaction-related message before it is discarded.</summary>
        public int TransactionMessageAttempts = 3;

        /// <summary>TransactionMessageRetryInterval: wait after a failed try, multiplied by the tries so far.</summary>
        public int TransactionMessageRetryIntervalSeconds = 60;

        /// <summary>Number of bays (connectors 1..N).</summary>
        public int BayCount
        {
            get { return SpotNumbers == null ? 0 : SpotNumbers.Length; }
        }
    }
}
