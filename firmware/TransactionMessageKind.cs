namespace KiWhi.Armoire.Firmware
{
    /// <summary>Transaction-related OCPP messages, which travel in one FIFO (OCPP 1.6 §3.7).</summary>
    public enum TransactionMessageKind
    {
        StartTransaction,
        MeterValues,
        StopTransaction,
    }
}
