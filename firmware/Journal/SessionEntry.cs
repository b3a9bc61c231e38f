namespace KiWhi.Armoire.Firmware.Journal
{
    /// <summary>
    /// A session whose StartTransaction the central system confirmed, kept while its bay still has it
    /// open or its MeterValues and StopTransaction are still queued: they are sent with
    /// <see cref="TransactionId"/>, and the StopTransaction's transactionData with the start values.
    /// </summary>
    public sealed class SessionEntry
    {
        public int SessionId;
        public int TransactionId;
        public int ConnectorId;
        public string IdTag;
        public long MeterStartWh;

        /// <summary>Timestamp sent in the StartTransaction, in ms since the Unix epoch.</summary>
        public long StartUtcMs;

        public void CopyFrom(SessionEntry other)
        {
            SessionId = other.SessionId;
            TransactionId = other.TransactionId;
            ConnectorId = other.ConnectorId;
            IdTag = other.IdTag;
            MeterStartWh = other.MeterStartWh;
            StartUtcMs = other.StartUtcMs;
        }
    }
}
