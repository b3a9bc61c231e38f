namespace KiWhi.Armoire.Tools.Bench
{
    /// <summary>A transaction as the bench saw it, from StartTransaction, MeterValues and StopTransaction.</summary>
    /// <param name="TransactionId">Id the bench handed out in StartTransaction.conf.</param>
    /// <param name="ConnectorId">Connector (bay) of the transaction.</param>
    /// <param name="IdTag">idTag of StartTransaction.</param>
    /// <param name="MeterStartWh">meterStart, in Wh.</param>
    /// <param name="StartTimestamp">timestamp of StartTransaction, as sent.</param>
    /// <param name="LastMeterWh">Last Energy.Active.Import.Register value seen in MeterValues for this transaction, in Wh; null before any.</param>
    /// <param name="MeterValuesCount">MeterValues requests received for this transaction.</param>
    /// <param name="MeterStopWh">meterStop, in Wh; null while the transaction runs.</param>
    /// <param name="StopTimestamp">timestamp of StopTransaction, as sent; null while the transaction runs.</param>
    /// <param name="StopReason">reason of StopTransaction; null when absent or while the transaction runs.</param>
    public sealed record BenchTransaction(
        int TransactionId,
        int ConnectorId,
        string IdTag,
        long MeterStartWh,
        string StartTimestamp,
        long? LastMeterWh,
        int MeterValuesCount,
        long? MeterStopWh,
        string StopTimestamp,
        string StopReason)
    {
        /// <summary>True once StopTransaction arrived.</summary>
        public bool IsStopped
        {
            get { return MeterStopWh.HasValue; }
        }
    }
}
