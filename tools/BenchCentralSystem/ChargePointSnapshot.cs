using System.Collections.Generic;

namespace KiWhi.Armoire.Tools.Bench
{
    /// <summary>What the bench recorded about one charge point, copied at one instant.</summary>
    /// <param name="Identity">Charge-point identity.</param>
    /// <param name="IsConnected">True while a WebSocket of this identity is open.</param>
    /// <param name="ConnectionCount">WebSocket connections accepted with subprotocol ocpp1.6 since the bench started.</param>
    /// <param name="BootNotificationCount">BootNotification requests received.</param>
    /// <param name="ChargePointVendor">chargePointVendor of the last BootNotification; null before any.</param>
    /// <param name="ChargePointModel">chargePointModel of the last BootNotification; null before any.</param>
    /// <param name="HeartbeatCount">Heartbeat requests received.</param>
    /// <param name="ConnectorStatuses">Last status of each connectorId from StatusNotification.</param>
    /// <param name="Transactions">Transactions in the order they started.</param>
    /// <param name="LastCloseStatus">WebSocket close status of the last connection that ended (numeric), or null.</param>
    /// <param name="LastCloseDescription">Close description of the last connection that ended, or null.</param>
    public sealed record ChargePointSnapshot(
        string Identity,
        bool IsConnected,
        int ConnectionCount,
        int BootNotificationCount,
        string ChargePointVendor,
        string ChargePointModel,
        int HeartbeatCount,
        IReadOnlyDictionary<int, string> ConnectorStatuses,
        IReadOnlyList<BenchTransaction> Transactions,
        int? LastCloseStatus,
        string LastCloseDescription);
}
