namespace KiWhi.Armoire.Firmware.Journal
{
    /// <summary>Writes the journal's state at the start of every new segment, so older segments are only needed for their queued messages.</summary>
    public interface ISnapshotSource
    {
        /// <summary>
        /// Writes one record per piece of state with <see cref="RecordLog.AppendSnapshotRecord"/>. Each
        /// record states its piece fully, so a snapshot torn half-way and replayed after older records
        /// still yields a consistent state.
        /// </summary>
        void WriteSnapshot(RecordLog log);
    }
}
