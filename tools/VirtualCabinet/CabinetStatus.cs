namespace KiWhi.Armoire.Tools.VirtualCabinet
{
    /// <summary>State of one bay as the firmware reports it.</summary>
    /// <param name="ConnectorId">Bay number, 1-based.</param>
    /// <param name="Status">The firmware's bay status (Available, Charging, ...).</param>
    /// <param name="TransactionId">transactionId of the running transaction, or null.</param>
    public sealed record BayStatusView(int ConnectorId, string Status, int? TransactionId);

    /// <summary>
    /// What the firmware reports about itself, copied on the cabinet loop thread so that the panel
    /// never reads the cabinet's state while the loop changes it.
    /// </summary>
    /// <param name="Link">WebSocket link state of the firmware.</param>
    /// <param name="Registration">BootNotification registration state.</param>
    /// <param name="Bays">One entry per bay, bay 1 first.</param>
    /// <param name="LoopFaults">Unhandled errors the cabinet loop caught.</param>
    public sealed record CabinetStatus(string Link, string Registration, BayStatusView[] Bays, int LoopFaults)
    {
        /// <summary>Status shown before the first snapshot, or when the firmware does not run.</summary>
        public static readonly CabinetStatus NotRunning = new CabinetStatus("-", "-", System.Array.Empty<BayStatusView>(), 0);
    }
}
