namespace KiWhi.Armoire.Firmware.Journal
{
    /// <summary>
    /// Type byte of a journal record. The values are stored on flash: never renumber one, only add.
    /// Payload fields are listed in order; "varint" is an unsigned LEB128 integer and "time" an
    /// <see cref="EventTime"/> as <see cref="JournalRecord.WriteTime"/> encodes it.
    /// </summary>
    public enum RecordType
    {
        /// <summary>First record of every segment file: format version (byte), segment number (varint).</summary>
        SegmentHeader = 1,

        /// <summary>Written once per power-on after recovery: boot number (varint).</summary>
        Boot = 2,

        /// <summary>
        /// Links a boot's monotonic time to UTC: boot number, monotonic ms, UTC ms (varints), estimated
        /// flag (byte, 1 when no synchronisation happened in that boot and the start is inferred).
        /// </summary>
        ClockAnchor = 3,

        /// <summary>Queued StartTransaction: sessionId, connectorId (varints), idTag, meterStart Wh (varint), time.</summary>
        StartTransaction = 4,

        /// <summary>Queued periodic MeterValues: sessionId, connectorId, register Wh (varints), time.</summary>
        MeterValues = 5,

        /// <summary>Queued StopTransaction: sessionId, connectorId, meterStop Wh (varints), reason (byte), time.</summary>
        StopTransaction = 6,

        /// <summary>
        /// The queue head left the queue: its sequence number (varint), kind (byte), sessionId (varint),
        /// outcome (byte: 0 confirmed by a CALLRESULT, 1 discarded).
        /// </summary>
        MessageRemoved = 7,

        /// <summary>
        /// The StartTransaction at the head was confirmed: its sequence number, sessionId, transactionId,
        /// connectorId (varints), idTag, meterStart Wh (varint), start time resolved to UTC ms (varint).
        /// </summary>
        StartConfirmed = 8,

        /// <summary>
        /// The StartTransaction at the head was finally discarded with every message of its session:
        /// its sequence number, sessionId (varints).
        /// </summary>
        SessionDiscarded = 9,

        /// <summary>Energy register of a bay with an open session, persisted without a MeterValues: sessionId, connectorId, register Wh (varints), time.</summary>
        MeterRegister = 10,

        /// <summary>Availability of a bay: connectorId (varint), operative (byte, 1 or 0).</summary>
        Availability = 11,

        /// <summary>Snapshot: last removed sequence number, next sessionId, boot number (varints).</summary>
        SnapshotCounters = 20,

        /// <summary>Snapshot: boot number (varint), flags (byte: 1 anchored, 2 estimated), boot start UTC ms, last monotonic ms (varints).</summary>
        SnapshotBoot = 21,

        /// <summary>
        /// Snapshot of one bay: connectorId (varint), operative (byte), last register Wh (varint), its
        /// time, has-session (byte), then when open: sessionId (varint), idTag, meterStart Wh (varint),
        /// start time.
        /// </summary>
        SnapshotBay = 22,

        /// <summary>Snapshot of one confirmed session still needed by queued messages or a bay: the <see cref="StartConfirmed"/> fields without the sequence number.</summary>
        SnapshotSession = 23,

        /// <summary>Snapshot of one discarded session whose messages may still lie ahead of the queue head: sessionId (varint).</summary>
        SnapshotDiscard = 24,

        /// <summary>Last record of a snapshot: the segment's state records are complete.</summary>
        SnapshotEnd = 25,
    }
}
