using KiWhi.Armoire.Firmware.Journal;
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

        /// <summary>Sequence number of the message's journal record; orders the FIFO.</summary>
        public uint Sequence;

        /// <summary>Cabinet-local session id linking the message to its StartTransaction; unique across reboots.</summary>
        public int SessionId;

        public int ConnectorId;

        /// <summary>
        /// idTag of the session: journaled with StartTransaction, filled from the confirmed session for
        /// StopTransaction when it reaches the head of the queue.
        /// </summary>
        public string IdTag;

        /// <summary>Energy register in Wh: meterStart, the sampled value, or meterStop.</summary>
        public long MeterWh;

        /// <summary>When the event happened; <see cref="JournalClock"/> turns it into the timestamp sent.</summary>
        public readonly EventTime EventTime = new EventTime();

        /// <summary>Stop reason (StopTransaction only).</summary>
        public Reason Reason;

        /// <summary>True when <see cref="SessionStartWh"/> and <see cref="SessionStartUtcMs"/> contain the confirmed start of the session.</summary>
        public bool HasSessionStart;

        /// <summary>meterStart of the session, for the StopTransaction's transactionData.</summary>
        public long SessionStartWh;

        /// <summary>Timestamp of the session's StartTransaction, in ms since the Unix epoch; later messages of the session are never stamped before it.</summary>
        public long SessionStartUtcMs;

        /// <summary>Delivery attempts that failed while online (CALLERROR or reply timeout); kept in RAM only.</summary>
        public int FailedAttempts;

        /// <summary>Monotonic time before which the message is not sent again, in ms; kept in RAM only.</summary>
        public long NotBeforeMs;

        public void Clear()
        {
            Kind = TransactionMessageKind.StartTransaction;
            Sequence = 0;
            SessionId = 0;
            ConnectorId = 0;
            IdTag = null;
            MeterWh = 0;
            EventTime.Clear();
            Reason = Reason.Omitted;
            HasSessionStart = false;
            SessionStartWh = 0;
            SessionStartUtcMs = 0;
            FailedAttempts = 0;
            NotBeforeMs = 0;
        }

        public void CopyFrom(TransactionMessage other)
        {
            Kind = other.Kind;
            Sequence = other.Sequence;
            SessionId = other.SessionId;
            ConnectorId = other.ConnectorId;
            IdTag = other.IdTag;
            MeterWh = other.MeterWh;
            EventTime.CopyFrom(other.EventTime);
            Reason = other.Reason;
            HasSessionStart = other.HasSessionStart;
            SessionStartWh = other.SessionStartWh;
            SessionStartUtcMs = other.SessionStartUtcMs;
            FailedAttempts = other.FailedAttempts;
            NotBeforeMs = other.NotBeforeMs;
        }
    }
}
