namespace KiWhi.Armoire.Firmware.Journal
{
    /// <summary>
    /// What the journal keeps about one bay across reboots: availability, the last energy register
    /// persisted, and the open session if any. Rebuilt at recovery from the records and snapshots.
    /// </summary>
    public sealed class PersistedBay
    {
        public PersistedBay(int connectorId)
        {
            ConnectorId = connectorId;
            Operative = true;
        }

        public int ConnectorId { get; }

        /// <summary>False when the bay was set Inoperative (ChangeAvailability, OCPP 1.6 §5.2); survives reboots.</summary>
        public bool Operative;

        /// <summary>Last energy register persisted for the bay, in Wh: meterStart, a MeterValues sample, a register record or meterStop.</summary>
        public long LastRegisterWh;

        /// <summary>When <see cref="LastRegisterWh"/> was read.</summary>
        public readonly EventTime LastRegisterTime = new EventTime();

        /// <summary>True while a session is open (its StartTransaction journaled, its StopTransaction not yet).</summary>
        public bool HasSession;

        public int SessionId;

        public string IdTag;

        public long MeterStartWh;

        public readonly EventTime StartTime = new EventTime();

        /// <summary>True once StartTransaction.conf gave a transactionId; false while the start is pending.</summary>
        public bool HasTransactionId;

        public int TransactionId;

        /// <summary>Opens a session record from a StartTransaction record.</summary>
        public void Open(int sessionId, string idTag, long meterStartWh, EventTime startTime)
        {
            HasSession = true;
            SessionId = sessionId;
            IdTag = idTag;
            MeterStartWh = meterStartWh;
            StartTime.CopyFrom(startTime);
            HasTransactionId = false;
            TransactionId = 0;
            SetRegister(meterStartWh, startTime);
        }

        public void SetRegister(long registerWh, EventTime time)
        {
            LastRegisterWh = registerWh;
            LastRegisterTime.CopyFrom(time);
        }

        public void Close()
        {
            HasSession = false;
            SessionId = 0;
            IdTag = null;
            MeterStartWh = 0;
            StartTime.Clear();
            HasTransactionId = false;
            TransactionId = 0;
        }
    }
}
