using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Firmware.Journal;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Protocol.Ocpp;
using KiWhi.Armoire.Tests.Firmware;

namespace KiWhi.Armoire.Tests.Journal;

/// <summary>A <see cref="TransactionJournal"/> on a <see cref="PowerCutFlash"/> with a hand-moved clock, and helpers to queue and drain messages.</summary>
public sealed class JournalHarness
{
    private readonly int _bays;
    private readonly int _segmentBytes;
    private readonly int _segmentCount;

    public JournalHarness(PowerCutFlash? flash = null, int bays = 4, int segmentBytes = 2048, int segmentCount = 8, long clockStartMs = 1000)
    {
        Flash = flash ?? new PowerCutFlash();
        _bays = bays;
        _segmentBytes = segmentBytes;
        _segmentCount = segmentCount;
        Clock = new ManualClock(clockStartMs);
        Log = new ListLogSink();
        Journal = new TransactionJournal(Flash, Clock, new Logger(Log, Clock), bays, segmentBytes, segmentCount);
    }

    public PowerCutFlash Flash { get; }
    public ManualClock Clock { get; }
    public ListLogSink Log { get; }
    public TransactionJournal Journal { get; }
    public TransactionQueue Queue => Journal.Queue;

    /// <summary>Creates and opens a journal, as the cabinet does at boot.</summary>
    public static JournalHarness Open(PowerCutFlash? flash = null, int bays = 4, int segmentBytes = 2048, int segmentCount = 8)
    {
        var harness = new JournalHarness(flash, bays, segmentBytes, segmentCount);
        harness.Journal.Open();
        return harness;
    }

    /// <summary>Opens a journal on what survives of this flash, with a clock restarted at power-on.</summary>
    public JournalHarness Reboot()
    {
        var harness = new JournalHarness(Flash.Reboot(), _bays, _segmentBytes, _segmentCount, clockStartMs: 0);
        harness.Journal.Open();
        return harness;
    }

    public bool Start(int sessionId, int connectorId, string idTag, long meterWh)
    {
        TransactionMessage message = Queue.Prepare(TransactionMessageKind.StartTransaction);
        message.SessionId = sessionId;
        message.ConnectorId = connectorId;
        message.IdTag = idTag;
        message.MeterWh = meterWh;
        return Queue.Enqueue(message);
    }

    public bool MeterValues(int sessionId, int connectorId, long registerWh)
    {
        TransactionMessage message = Queue.Prepare(TransactionMessageKind.MeterValues);
        message.SessionId = sessionId;
        message.ConnectorId = connectorId;
        message.MeterWh = registerWh;
        return Queue.Enqueue(message);
    }

    public bool Stop(int sessionId, int connectorId, long meterStopWh, Reason reason = Reason.Local)
    {
        TransactionMessage message = Queue.Prepare(TransactionMessageKind.StopTransaction);
        message.SessionId = sessionId;
        message.ConnectorId = connectorId;
        message.MeterWh = meterStopWh;
        message.Reason = reason;
        return Queue.Enqueue(message);
    }

    /// <summary>
    /// Confirms the head as the central system would: a StartTransaction gets transactionId
    /// <paramref name="transactionIdBase"/> + sessionId. Returns the head's description, or null when empty.
    /// </summary>
    public string? ConfirmHead(int transactionIdBase = 1000)
    {
        TransactionMessage? head = Queue.Peek();
        if (head == null)
        {
            return null;
        }

        string description = Describe(head);
        if (head.Kind == TransactionMessageKind.StartTransaction)
        {
            Queue.AcknowledgeStart(transactionIdBase + head.SessionId);
        }
        else
        {
            Queue.RemoveHead(true);
        }

        return description;
    }

    /// <summary>Confirms every queued message in order and returns their descriptions.</summary>
    public List<string> Drain(int transactionIdBase = 5000)
    {
        var descriptions = new List<string>();
        int guard = Queue.Count + 1;
        while (Queue.Count > 0 && guard-- > 0)
        {
            descriptions.Add(ConfirmHead(transactionIdBase)!);
        }

        return descriptions;
    }

    /// <summary>Kind, session, connector, idTag, register and (after the StartTransaction) the transactionId of a message.</summary>
    public string Describe(TransactionMessage message)
    {
        string transaction = Queue.TryGetTransactionId(message.SessionId, out int transactionId) ? " tx" + transactionId : "";
        return message.Kind + " s" + message.SessionId + " c" + message.ConnectorId + " " + (message.IdTag ?? "-") + " " + message.MeterWh + "Wh" + transaction;
    }
}
