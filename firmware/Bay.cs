namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// One parking bay served by the cabinet: OCPP connector <see cref="ConnectorId"/>, at parking spot
    /// <see cref="SpotNumber"/>, with at most one charging session.
    /// </summary>
    public sealed class Bay
    {
        public Bay(int connectorId, int spotNumber)
        {
            ConnectorId = connectorId;
            SpotNumber = spotNumber;
            Status = BayStatus.Available;
        }

        /// <summary>OCPP connector id, 1..N.</summary>
        public int ConnectorId { get; }

        /// <summary>Number painted on the parking spot, typed by the resident.</summary>
        public int SpotNumber { get; }

        public BayStatus Status;

        /// <summary>True while a session is open on this bay (charging or suspended).</summary>
        public bool HasSession;

        /// <summary>Cabinet-local id of the session, used to link queued messages before the central system gives a transactionId.</summary>
        public int SessionId;

        /// <summary>idTag that started the session.</summary>
        public string IdTag;

        /// <summary>Energy register at the start of the session, in Wh.</summary>
        public long MeterStartWh;

        /// <summary>Monotonic time of the start, in ms.</summary>
        public long StartMonotonicMs;

        /// <summary>True once StartTransaction.conf gave a transactionId.</summary>
        public bool HasTransactionId;

        /// <summary>transactionId from the central system; meaningful only when <see cref="HasTransactionId"/>.</summary>
        public int TransactionId;

        /// <summary>Monotonic time at which the next periodic MeterValues is due, in ms.</summary>
        public long NextMeterSampleMs;

        /// <summary>True while a session the central system rejected keeps charging under MaxEnergyOnInvalidId.</summary>
        public bool HasEnergyLimit;

        /// <summary>Energy in Wh, counted from meterStart, at which the contactor opens; meaningful only when <see cref="HasEnergyLimit"/>.</summary>
        public long EnergyLimitWh;

        /// <summary>Returns true when the bay may start a session.</summary>
        public bool IsFree
        {
            get { return !HasSession && Status == BayStatus.Available; }
        }

        /// <summary>Returns true when the bay is out of service (unavailable or faulted).</summary>
        public bool IsOutOfService
        {
            get { return Status == BayStatus.Unavailable || Status == BayStatus.Faulted; }
        }

        /// <summary>Opens a session record; the caller closes the contactor.</summary>
        public void BeginSession(int sessionId, string idTag, long meterStartWh, long nowMs)
        {
            HasSession = true;
            SessionId = sessionId;
            IdTag = idTag;
            MeterStartWh = meterStartWh;
            StartMonotonicMs = nowMs;
            HasTransactionId = false;
            TransactionId = 0;
            HasEnergyLimit = false;
            EnergyLimitWh = 0;
            Status = BayStatus.Charging;
        }

        /// <summary>Clears the session record; the caller has opened the contactor.</summary>
        public void EndSession()
        {
            HasSession = false;
            SessionId = 0;
            IdTag = null;
            HasTransactionId = false;
            TransactionId = 0;
            HasEnergyLimit = false;
            EnergyLimitWh = 0;
            if (Status == BayStatus.Charging || Status == BayStatus.SuspendedEvse)
            {
                Status = BayStatus.Available;
            }
        }
    }
}
