using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KiWhi.Armoire.Hal;

namespace KiWhi.Armoire.Tests.Firmware;

/// <summary>
/// In-process OCPP 1.6J central system for the cabinet's unit tests. It parses every frame with
/// System.Text.Json (not the firmware's codec), validates each CALL against the official OCPP 1.6
/// JSON schema of its action and each CALLRESULT replying to its own CALLs against the action's .conf
/// schema, answers with the scripted policy below, and records everything, so tests can assert on
/// what reached the wire.
/// </summary>
public sealed class TestCentralSystem : IOcppTransport, IWebSocketPing
{
    private readonly object _sync = new();
    private ITransportListener? _listener;
    private int _nextTransactionId = 1000;
    private int _serverMessageId;

    public bool Open { get; private set; }
    public int ConnectCount { get; private set; }
    public string? LastUrl { get; private set; }
    public string? LastSubprotocol { get; private set; }
    public string? LastAuthorization { get; private set; }

    /// <summary>When false, Connect reports a failed handshake.</summary>
    public bool Reachable { get; set; } = true;

    /// <summary>BootNotification answers in order; the last one repeats.</summary>
    public List<(string Status, int Interval)> BootAnswers { get; } = new() { ("Accepted", 300) };

    /// <summary>Authorize idTagInfo status per idTag; others get <see cref="DefaultAuthorizeStatus"/>.</summary>
    public Dictionary<string, string> AuthorizeStatus { get; } = new();
    public string DefaultAuthorizeStatus { get; set; } = "Accepted";

    /// <summary>StartTransaction idTagInfo status per idTag; others get Accepted.</summary>
    public Dictionary<string, string> StartStatus { get; } = new();

    /// <summary>StopTransaction idTagInfo status per idTag; others get a confirmation without idTagInfo.</summary>
    public Dictionary<string, string> StopStatus { get; } = new();

    /// <summary>When false, Close drops the link without reporting OnClosed, as a stuck transport would.</summary>
    public bool ReportsClose { get; set; } = true;

    /// <summary>Cabinet clock time of every Connect call, in ms.</summary>
    public List<long> ConnectTimesMs { get; } = new();

    /// <summary>Actions left unanswered (the cabinet must time out).</summary>
    public HashSet<string> Silent { get; } = new();

    /// <summary>Actions answered with CALLERROR InternalError.</summary>
    public HashSet<string> Failing { get; } = new();

    public DateTime ServerTime { get; set; } = new DateTime(2026, 12, 4, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>Every Authorize status sent, with the cabinet clock's time when it was sent.</summary>
    public List<(long Ms, string IdTag, string Status)> AuthorizeAnswers { get; } = new();

    /// <summary>Cabinet clock, to time-stamp <see cref="AuthorizeAnswers"/>.</summary>
    public Func<long> Clock { get; set; } = () => 0;

    /// <summary>StartTransaction idTagInfo status sent per transactionId.</summary>
    public Dictionary<int, string> StartAnswers { get; } = new();

    /// <summary>CALLs received, in order.</summary>
    public List<ReceivedCall> Calls { get; } = new();

    /// <summary>Frames the cabinet sent that answer the server's own CALLs (CALLRESULT / CALLERROR).</summary>
    public List<JsonArray> Replies { get; } = new();

    /// <summary>Envelope problems found in the cabinet's frames; tests assert it stays empty.</summary>
    public List<string> Violations { get; } = new();

    private int _bootIndex;
    private readonly Dictionary<string, string> _serverCallActions = new();

    /// <summary>WebSocketPingInterval the cabinet passed before its last connection, or null when it never did.</summary>
    public int? PingIntervalSeconds { get; private set; }

    public void SetPingInterval(int intervalSeconds)
    {
        PingIntervalSeconds = intervalSeconds;
    }

    public void Connect(string url, string subprotocol, string authorizationHeader, ITransportListener listener)
    {
        lock (_sync)
        {
            ConnectCount++;
            ConnectTimesMs.Add(Clock());
            LastUrl = url;
            LastSubprotocol = subprotocol;
            LastAuthorization = authorizationHeader;
            _listener = listener;
            if (!Reachable)
            {
                listener.OnClosed("connection refused (test)");
                return;
            }

            Open = true;
        }

        listener.OnConnected();
    }

    public bool Send(byte[] utf8, int offset, int count)
    {
        JsonArray frame;
        lock (_sync)
        {
            if (!Open)
            {
                return false;
            }

            string text = Encoding.UTF8.GetString(utf8, offset, count);
            try
            {
                frame = JsonNode.Parse(text)!.AsArray();
            }
            catch (Exception e)
            {
                Violations.Add("not a JSON array: " + text + " (" + e.Message + ")");
                return true;
            }
        }

        int type = frame[0]!.GetValue<int>();
        if (type != 2)
        {
            lock (_sync)
            {
                Replies.Add(frame);
                CheckReply(frame, type);
            }

            return true;
        }

        string id = frame[1]!.GetValue<string>();
        string action = frame[2]!.GetValue<string>();
        JsonObject payload = frame[3]!.AsObject();
        var call = new ReceivedCall(id, action, payload);
        var schemaResult = Ocpp.OcppSchemas.Evaluate(action + ".req", payload.ToJsonString());
        lock (_sync)
        {
            if (!schemaResult.IsValid)
            {
                Violations.Add(action + ".req rejected by the official schema: " + payload.ToJsonString());
            }

            if (Calls.Any(c => c.MessageId == id))
            {
                Violations.Add("messageId reused: " + id);
            }

            Calls.Add(call);
        }

        Answer(call);
        return true;
    }

    public void Close()
    {
        ITransportListener? listener;
        lock (_sync)
        {
            if (!Open)
            {
                return;
            }

            Open = false;
            listener = ReportsClose ? _listener : null;
        }

        listener?.OnClosed("closed by the charge point");
    }

    /// <summary>Drops the link from the server side.</summary>
    public void Disconnect()
    {
        ITransportListener? listener;
        lock (_sync)
        {
            Open = false;
            listener = _listener;
        }

        listener?.OnClosed("closed by the central system (test)");
    }

    /// <summary>Sends raw text to the cabinet, as a server would.</summary>
    public void SendRaw(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        _listener!.OnMessage(bytes, 0, bytes.Length);
    }

    /// <summary>Sends a CALL to the cabinet and returns its messageId.</summary>
    public string SendCall(string action, string payloadJson)
    {
        string id = "srv-" + (++_serverMessageId);
        lock (_sync)
        {
            _serverCallActions[id] = action;
        }

        SendRaw("[2,\"" + id + "\",\"" + action + "\"," + payloadJson + "]");
        return id;
    }

    /// <summary>Returns the payload of the CALLRESULT that answered the server's CALL <paramref name="messageId"/>.</summary>
    public JsonObject ResultOf(string messageId)
    {
        JsonArray reply = Replies.Single(r => r[1]!.GetValue<string>() == messageId);
        Assert.True(reply[0]!.GetValue<int>() == 3, "expected a CALLRESULT for " + messageId + ", got " + reply.ToJsonString());
        return reply[2]!.AsObject();
    }

    // A CALLRESULT to one of the server's CALLs must pass the .conf schema of that CALL's action.
    private void CheckReply(JsonArray frame, int type)
    {
        string id = frame[1]!.GetValue<string>();
        if (type != 3 || !_serverCallActions.TryGetValue(id, out string? action))
        {
            return;
        }

        string payload = frame[2]!.ToJsonString();
        if (!Ocpp.OcppSchemas.Evaluate(action + ".conf", payload).IsValid)
        {
            Violations.Add(action + ".conf rejected by the official schema: " + payload);
        }
    }

    public IEnumerable<ReceivedCall> CallsOf(string action) => Calls.Where(c => c.Action == action);

    private void Answer(ReceivedCall call)
    {
        if (Silent.Contains(call.Action))
        {
            return;
        }

        if (Failing.Contains(call.Action))
        {
            SendRaw("[4,\"" + call.MessageId + "\",\"InternalError\",\"test failure\",{}]");
            return;
        }

        var result = new JsonObject();
        string now = ServerTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ");
        switch (call.Action)
        {
            case "BootNotification":
                var (status, interval) = BootAnswers[Math.Min(_bootIndex++, BootAnswers.Count - 1)];
                result["status"] = status;
                result["currentTime"] = now;
                result["interval"] = interval;
                break;
            case "Heartbeat":
                result["currentTime"] = now;
                break;
            case "Authorize":
                string idTag = call.Payload["idTag"]!.GetValue<string>();
                string authorizeStatus = AuthorizeStatus.GetValueOrDefault(idTag, DefaultAuthorizeStatus);
                AuthorizeAnswers.Add((Clock(), idTag, authorizeStatus));
                result["idTagInfo"] = new JsonObject { ["status"] = authorizeStatus };
                break;
            case "StartTransaction":
                string startTag = call.Payload["idTag"]!.GetValue<string>();
                string startStatus = StartStatus.GetValueOrDefault(startTag, "Accepted");
                StartAnswers[++_nextTransactionId] = startStatus;
                result["idTagInfo"] = new JsonObject { ["status"] = startStatus };
                result["transactionId"] = _nextTransactionId;
                break;
            case "StopTransaction":
                if (call.Payload["idTag"] is JsonNode stopTag && StopStatus.TryGetValue(stopTag.GetValue<string>(), out string? stopStatus))
                {
                    result["idTagInfo"] = new JsonObject { ["status"] = stopStatus };
                }

                break;
        }

        SendRaw("[3,\"" + call.MessageId + "\"," + result.ToJsonString() + "]");
    }
}

/// <summary>One CALL received from the cabinet.</summary>
public sealed record ReceivedCall(string MessageId, string Action, JsonObject Payload)
{
    public int Int(string name) => Payload[name]!.GetValue<int>();

    public string Str(string name) => Payload[name]!.GetValue<string>();

    public bool Has(string name) => Payload.ContainsKey(name);
}
