using System.Collections.Generic;

namespace KiWhi.Armoire.Tools.Bench
{
    /// <summary>Mutable record of one charge point, shared by its connections; every member is used under <see cref="Lock"/>.</summary>
    internal sealed class ChargePointState
    {
        public ChargePointState(string identity)
        {
            Identity = identity;
        }

        public object Lock { get; } = new object();

        public string Identity { get; }

        public bool IsConnected { get; set; }

        public int ConnectionCount { get; set; }

        public int BootNotificationCount { get; set; }

        public string ChargePointVendor { get; set; }

        public string ChargePointModel { get; set; }

        public int HeartbeatCount { get; set; }

        public Dictionary<int, string> ConnectorStatuses { get; } = new Dictionary<int, string>();

        public List<BenchTransaction> Transactions { get; } = new List<BenchTransaction>();

        public int? LastCloseStatus { get; set; }

        public string LastCloseDescription { get; set; }

        /// <summary>Returns the index of the transaction in <see cref="Transactions"/>, or -1.</summary>
        public int IndexOfTransaction(int transactionId)
        {
            for (int i = 0; i < Transactions.Count; i++)
            {
                if (Transactions[i].TransactionId == transactionId)
                {
                    return i;
                }
            }

            return -1;
        }

        public ChargePointSnapshot Snapshot()
        {
            lock (Lock)
            {
                return new ChargePointSnapshot(
                    Identity,
                    IsConnected,
                    ConnectionCount,
                    BootNotificationCount,
                    ChargePointVendor,
                    ChargePointModel,
                    HeartbeatCount,
                    new Dictionary<int, string>(ConnectorStatuses),
                    Transactions.ToArray(),
                    LastCloseStatus,
                    LastCloseDescription);
            }
        }
    }
}
