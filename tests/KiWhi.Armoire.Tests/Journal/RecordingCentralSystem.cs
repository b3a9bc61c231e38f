using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KiWhi.Armoire.Hal;

namespace KiWhi.Armoire.Tests.Journal;

/// <summary>
/// In-process OCPP 1.6J central system for the durability tests. It replies to every CALL at once,
/// with its world time as currentTime and a new transactionId per StartTransaction. It records each
/// CALL with the boot of the cabinet that sent it, and can drop the link the way a power cut does:
/// silently, with no close frame. With <see cref="ValidateSchemas"/> every CALL is also checked against the
/// official OCPP 1.6 JSON schema of its action.
/// </summary>
public sealed class RecordingCentralSystem : IOcppTransport
{
    private ITransportListener? _listener;
    private bool _open;
    private int _nextTransactionId = 1000;

    /// <summary>World UTC time, sent as currentTime.</summary>
    public Func<DateTime> Now { get; set; } = () => new DateTime(2026, 12, 4, 8, 0, 0, DateTimeKind.Utc);

    public bool ValidateSchemas { get; set; }

    /// <summary>When false, a connection attempt fails.</summary>
    public bool Reachable { get; set; } = true;

    /// <summary>Boot number of the cabinet now running, stamped on each CALL recorded.</summary>
    public int CurrentBoot { get; set; } = 1;

    /// <summary>Actions that get a CALLERROR InternalError.</summary>
    public HashSet<string> Failing { get; } = new();

    /// <summary>Actions that get no reply.</summary>
    public HashSet<string> Silent { get; } = new();

    public List<ServerCall> Calls { get; } = new();

    /// <summary>Schema or envelope problems found; tests assert it stays empty.</summary>
    public List<string> Violations { get; } = new();

    public bool IsOpen => _open;

    public IEnumerable<ServerCall> CallsOf(string action) => Calls.Where(c => c.Action == action);

    /// <summary>StartTransaction, MeterValues and StopTransaction CALLs, in the order received.</summary>
    public IEnumerable<ServerCall> TransactionCalls => Calls.Where(c => c.Action is "StartTransaction" or "MeterValues" or "StopTransaction");

    public void Connect(string url, string subprotocol, string authorizationHeader, ITransportListener listener)
    {
        _listener = listener;
        if (!Reachable)
        {
            listener.OnClosed("connection refused (test)");
            return;
        }

        _open = true;
        listener.OnConnected();
    }

    public bool Send(byte[] utf8, int offset, int count)
    {
        if (!_open)
        {
            return false;
        }

        string text = Encoding.UTF8.GetString(utf8, offset, count);
        JsonArray frame;
        try
        {
            frame = JsonNode.Parse(text)!.AsArray();
        }
        catch (Exception exception)
        {
            Violations.Add("not a JSON array: " + text + " (" + exception.Message + ")");
            return true;
        }

        if (frame[0]!.GetValue<int>() != 2)
        {
            return true;
        }

        string messageId = frame[1]!.GetValue<string>();
        string action = frame[2]!.GetValue<string>();
        JsonObject payload = frame[3]!.AsObject();
        if (ValidateSchemas && !Ocpp.OcppSchemas.Evaluate(action + ".req", payload.ToJsonString()).IsValid)
        {
            Violations.Add(action + ".req rejected by the official schema: " + payload.ToJsonString());
        }

        var call = new ServerCall(CurrentBoot, messageId, action, payload);
        Calls.Add(call);
        Answer(call);
        return true;
    }

    public void Close()
    {
        if (!_open)
        {
            return;
        }

        _open = false;
        _listener?.OnClosed("closed by the charge point");
    }

    /// <summary>Drops the link from the server side and reports the closure to the cabinet.</summary>
    public void Disconnect()
    {
        _open = false;
        _listener?.OnClosed("closed by the central system (test)");
    }

    /// <summary>Forgets the link without telling the cabinet, whose power just failed.</summary>
    public void LosePeer()
    {
        _open = false;
        _listener = null;
    }

    private void Answer(ServerCall call)
    {
        if (Silent.Contains(call.Action))
        {
            return;
        }

        if (Failing.Contains(call.Action))
        {
            Reply("[4,\"" + call.MessageId + "\",\"InternalError\",\"test failure\",{}]");
            return;
        }

        string now = Now().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        string result;
        switch (call.Action)
        {
            case "BootNotification":
                result = "{\"status\":\"Accepted\",\"currentTime\":\"" + now + "\",\"interval\":300}";
                break;
            case "Heartbeat":
                result = "{\"currentTime\":\"" + now + "\"}";
                break;
            case "Authorize":
                result = "{\"idTagInfo\":{\"status\":\"Accepted\"}}";
                break;
            case "StartTransaction":
                call.AssignedTransactionId = ++_nextTransactionId;
                result = "{\"idTagInfo\":{\"status\":\"Accepted\"},\"transactionId\":" + call.AssignedTransactionId + "}";
                break;
            default:
                result = "{}";
                break;
        }

        Reply("[3,\"" + call.MessageId + "\"," + result + "]");
    }

    private void Reply(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        _listener?.OnMessage(bytes, 0, bytes.Length);
    }
}

/// <summary>One CALL received, with the boot of the cabinet that sent it.</summary>
public sealed class ServerCall
{
    public ServerCall(int boot, string messageId, string action, JsonObject payload)
    {
        Boot = boot;
        MessageId = messageId;
        Action = action;
        Payload = payload;
    }

    public int Boot { get; }
    public string MessageId { get; }
    public string Action { get; }
    public JsonObject Payload { get; }

    /// <summary>transactionId given in the CALLRESULT of a StartTransaction; 0 otherwise.</summary>
    public int AssignedTransactionId { get; set; }

    public int Int(string name) => Payload[name]!.GetValue<int>();

    public string? Str(string name) => Payload[name]?.GetValue<string>();

    public DateTime Time(string name) => DateTime.Parse(Str(name)!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <summary>Register value and timestamp of the first sampled value of a MeterValues.</summary>
    public (long Wh, DateTime Time) Sample()
    {
        JsonNode meterValue = Payload["meterValue"]![0]!;
        long wh = long.Parse(meterValue["sampledValue"]![0]!["value"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        DateTime time = DateTime.Parse(meterValue["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return (wh, time);
    }

    /// <summary>Content that a resend of the same message repeats: the payload without transactionId.</summary>
    public string Fingerprint()
    {
        var copy = (JsonObject)Payload.DeepClone();
        copy.Remove("transactionId");
        return Action + copy.ToJsonString();
    }
}
