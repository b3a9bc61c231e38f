using KiWhi.Armoire.Protocol.Ocpp;

namespace KiWhi.Armoire.Firmware
{
    /// <summary>
    /// One queued transaction-related message, kept as the facts it reports so that the OCPP payload
    /// is built at send time with the transactionId known by then.
    /// </summary>
    public sealed class TransactionMessage
    {
        public TransactionMessageKind Kind;

        /// <summary>Cabinet-local session id linking the message to its StartTransaction.</summary>
        public int SessionId;

        public int ConnectorId;

        /// <summary>idTag of the session (StartTransaction, StopTransaction).</summary>
        public string IdTag;

        /// <summary>Energy register in Wh: meterStart, the sampled value, or meterStop.</summary>
        public long MeterWh;

        /// <summary>Monotonic time of the event, in ms; the timestamp is derived from it when sent.</summary>
        public long EventMonotonicMs;

        /// <summary>Stop reason (StopTransaction only).</summary>
        public Reason Reason;

        /// <summary>meterStart and start time of the session, for the StopTransaction's transactionData.</summary>
        public long SessionStartWh;

        public long SessionStartMonotonicMs;

        /// <summary>Delivery attempts that failed while online (CALLERROR or reply timeout).</summary>
        public int FailedAttempts;

        /// <summary>Monotonic time before which the message is not sent again, in ms.</summary>
        public long NotBeforeMs;

        public void Clear()
        {
            Kind = TransactionMessageKind.StartTransaction;
            SessionId = 0;
            ConnectorId = 0;
            IdTag = null;
            MeterWh = 0;
            EventMonotonicMs = 0;
            Reason = Reason.Omitted;
            SessionStartWh = 0;
            SessionStartMonotonicMs = 0;
            FailedAttempts = 0;
            NotBeforeMs = 0;
        }
    }
}
