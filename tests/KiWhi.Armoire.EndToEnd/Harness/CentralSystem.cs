using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace KiWhi.Armoire.EndToEnd.Harness;

/// <summary>
/// The Node.js central system of tests/e2e/central-system.js (ocpp-rpc 2.2.1 in strict mode) run as a child
/// process, driven with JSON commands on its stdin and observed through the JSON events of its stdout.
/// </summary>
/// <remarks>
/// Every wait has a real-time bound so that a test never hangs. Events are kept in arrival order; an
/// event is a <see cref="JsonObject"/> whose "event" member names its kind (call, sent, callResult,
/// callError, callFailed, rawReply, validationFailure, connected, disconnected, frame, ...).
/// </remarks>
public sealed class CentralSystem : IDisposable
{
    /// <summary>Default real-time bound of one wait.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(5);

    // Node.js and ocpp-rpc start in well under a second on an idle machine; the bound leaves room for a loaded CI.
    private static readonly TimeSpan StartupWait = TimeSpan.FromSeconds(20);

    private const int PollIntervalMs = 5;

    private readonly Process _process;
    private readonly ITestOutputHelper? _output;
    private readonly Stopwatch _sinceStart = Stopwatch.StartNew();
    private readonly object _gate = new();
    private readonly List<JsonObject> _events = new();
    private readonly StringBuilder _standardError = new();
    private int _nextRef;
    private bool _stdoutClosed;
    private volatile bool _disposed;

    private CentralSystem(Process process, ITestOutputHelper? output)
    {
        _process = process;
        _output = output;
    }

    /// <summary>WebSocket URL the central system listens on, ws://127.0.0.1:port with an ephemeral port.</summary>
    public string Url { get; private set; } = "";

    /// <summary>
    /// Starts node with the central-system script and waits for its listening line. Throws when ocpp-rpc
    /// is not installed (with the npm command to run), when node is missing, or when startup fails.
    /// </summary>
    public static CentralSystem Start(ITestOutputHelper? output = null)
    {
        string root = RepositoryLayout.FindRoot();
        RepositoryLayout.EnsureCentralSystemInstalled(root);

        var startInfo = new ProcessStartInfo("node")
        {
            WorkingDirectory = Path.Combine(root, "tests", "e2e"),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        startInfo.ArgumentList.Add(RepositoryLayout.CentralSystemScript(root));

        var process = new Process { StartInfo = startInfo };
        var centralSystem = new CentralSystem(process, output);
        process.OutputDataReceived += (_, e) => centralSystem.OnStandardOutput(e.Data);
        process.ErrorDataReceived += (_, e) => centralSystem.OnStandardError(e.Data);

        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException(
                "Failed to start `node`: install Node.js 17.3 or later and put it on PATH.", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            JsonObject listening = centralSystem.WaitFor("the central system's listening line",
                e => Kind(e) == "listening", StartupWait);
            centralSystem.Url = (string)listening["url"]!;
        }
        catch
        {
            centralSystem.Dispose();
            throw;
        }

        return centralSystem;
    }

    /// <summary>Number of events received so far; a start index for <see cref="WaitFor"/> and <see cref="EventsSince"/>.</summary>
    public int EventCount
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    /// <summary>Snapshot of every event received so far.</summary>
    public IReadOnlyList<JsonObject> Events => EventsSince(0);

    /// <summary>Snapshot of the events received from index <paramref name="startIndex"/> on.</summary>
    public IReadOnlyList<JsonObject> EventsSince(int startIndex)
    {
        lock (_gate)
        {
            return _events.Skip(startIndex).ToList();
        }
    }

    /// <summary>CALLs received from the charge point, optionally only those of <paramref name="action"/>.</summary>
    public IReadOnlyList<JsonObject> CallsFromChargePoint(string? action = null, int startIndex = 0)
    {
        return EventsSince(startIndex)
            .Where(e => Kind(e) == "call" && (action == null || (string?)e["action"] == action))
            .ToList();
    }

    /// <summary>Strict validation failures and bad messages reported by ocpp-rpc or by the harness, in either direction.</summary>
    public IReadOnlyList<JsonObject> ValidationFailures =>
        Events.Where(e => Kind(e) == "validationFailure").ToList();

    /// <summary>Appends a one-shot reply for the next CALL of <paramref name="action"/> whose fields equal <paramref name="match"/>.</summary>
    public void QueueReply(string action, JsonObject reply, object? match = null)
    {
        SendCommand(new JsonObject
        {
            ["cmd"] = "queue",
            ["action"] = action,
            ["match"] = match == null ? null : JsonSerializer.SerializeToNode(match),
            ["reply"] = reply,
        });
    }

    /// <summary>Sets the standing reply for <paramref name="action"/> (and <paramref name="match"/>), used when no one-shot reply applies.</summary>
    public void SetDefaultReply(string action, JsonObject reply, object? match = null)
    {
        SendCommand(new JsonObject
        {
            ["cmd"] = "default",
            ["action"] = action,
            ["match"] = match == null ? null : JsonSerializer.SerializeToNode(match),
            ["reply"] = reply,
        });
    }

    /// <summary>
    /// Sends a CALL to the charge point through ocpp-rpc, which validates it in strict mode, and returns its ref.
    /// The outcome arrives later as a callResult, callError or callFailed event with that ref.
    /// </summary>
    public string Call(string action, object payload, int timeoutMs = 10000)
    {
        string reference = NewRef("call");
        SendCommand(new JsonObject
        {
            ["cmd"] = "call",
            ["ref"] = reference,
            ["action"] = action,
            ["payload"] = JsonSerializer.SerializeToNode(payload),
            ["timeoutMs"] = timeoutMs,
        });
        return reference;
    }

    /// <summary>
    /// Sends <paramref name="text"/> as one WebSocket text message, bypassing ocpp-rpc's checks, and returns its
    /// ref. A reply carrying <paramref name="replyId"/> is reported as a rawReply event instead of a bad message.
    /// </summary>
    public string SendRaw(string text, string? replyId = null)
    {
        string reference = NewRef("raw");
        SendCommand(new JsonObject
        {
            ["cmd"] = "raw",
            ["ref"] = reference,
            ["text"] = text,
            ["replyId"] = replyId,
        });
        return reference;
    }

    /// <summary>
    /// Waits until the central system has reported every event it emitted so far: its stdout is one ordered
    /// stream, so the acknowledgement of a command comes after them. Frames still in transit are not covered.
    /// </summary>
    public void Sync()
    {
        SendCommand(new JsonObject { ["cmd"] = "sync" });
    }

    /// <summary>Closes the charge point's WebSocket connection from the server side.</summary>
    public void Disconnect()
    {
        SendCommand(new JsonObject { ["cmd"] = "disconnect", ["ref"] = NewRef("disconnect") });
    }

    /// <summary>
    /// Waits until an event from index <paramref name="startIndex"/> on satisfies <paramref name="predicate"/> and
    /// returns it. <paramref name="whileWaiting"/> runs between checks (to pump the cabinet). Throws
    /// <see cref="TimeoutException"/> after <paramref name="timeout"/> of real time, and at once when the
    /// central system reports a harness error or exits.
    /// </summary>
    public JsonObject WaitFor(string description, Func<JsonObject, bool> predicate, TimeSpan? timeout = null,
        Action? whileWaiting = null, int startIndex = 0)
    {
        TimeSpan bound = timeout ?? DefaultWait;
        var deadline = Stopwatch.StartNew();
        int checkedCount = startIndex;

        while (true)
        {
            List<JsonObject> fresh;
            bool stdoutClosed;
            lock (_gate)
            {
                fresh = _events.Skip(checkedCount).ToList();
                checkedCount = Math.Max(checkedCount, _events.Count);
                stdoutClosed = _stdoutClosed;
            }

            foreach (JsonObject candidate in fresh)
            {
                if (Kind(candidate) == "harnessError")
                {
                    throw new InvalidOperationException(
                        $"The central system reported an error while waiting for {description}: {candidate.ToJsonString()}");
                }

                if (predicate(candidate))
                {
                    return candidate;
                }
            }

            if (stdoutClosed)
            {
                throw new InvalidOperationException(
                    $"The central system exited while waiting for {description}. Its stderr: {StandardErrorText()}");
            }

            if (deadline.Elapsed > bound)
            {
                throw new TimeoutException(
                    $"Timed out after {bound.TotalSeconds:0.#} s waiting for {description}.\n{DescribeRecentEvents()}");
            }

            whileWaiting?.Invoke();
            Thread.Sleep(PollIntervalMs);
        }
    }

    /// <summary>Waits for the CALLRESULT, CALLERROR or failure of the CALL sent with <paramref name="callRef"/>.</summary>
    public JsonObject WaitForCallOutcome(string callRef, TimeSpan? timeout = null, Action? whileWaiting = null)
    {
        return WaitFor($"the outcome of {callRef}",
            e => (Kind(e) is "callResult" or "callError" or "callFailed") && (string?)e["ref"] == callRef,
            timeout, whileWaiting);
    }

    /// <summary>Fails with every reported validation failure listed, after a <see cref="Sync"/>.</summary>
    public void AssertNoValidationFailures()
    {
        Sync();
        IReadOnlyList<JsonObject> failures = ValidationFailures;
        if (failures.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(
                $"ocpp-rpc (strict mode) reported {failures.Count} validation failure(s):\n"
                + string.Join("\n", failures.Select(f => f.ToJsonString())));
        }
    }

    /// <summary>Returns the "event" member of an event.</summary>
    public static string? Kind(JsonObject e)
    {
        return (string?)e["event"];
    }

    /// <summary>Closes stdin so the central system exits, and kills it when it has not exited within 5 s.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The process already exited and closed its end of the pipe.
        }
        catch (InvalidOperationException)
        {
            // The process was never started.
        }

        try
        {
            if (!_process.WaitForExit(5000))
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // The process was never started.
        }

        _process.Dispose();
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the process to exit after stdin closes; returns its exit code or null.</summary>
    public int? CloseInputAndWaitForExit(TimeSpan timeout)
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            return null;
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    private string NewRef(string prefix)
    {
        return prefix + "-" + Interlocked.Increment(ref _nextRef);
    }

    private void SendCommand(JsonObject command)
    {
        if (command["ref"] == null)
        {
            command["ref"] = NewRef((string)command["cmd"]!);
        }

        string reference = (string)command["ref"]!;
        int startIndex = EventCount;
        Log("-> " + command.ToJsonString());
        _process.StandardInput.WriteLine(command.ToJsonString());
        _process.StandardInput.Flush();

        JsonObject answer = WaitFor($"the acknowledgement of command {reference}",
            e => (Kind(e) is "ack" or "commandFailed") && (string?)e["ref"] == reference,
            DefaultWait, null, startIndex);
        if (Kind(answer) == "commandFailed")
        {
            throw new InvalidOperationException($"The central system rejected command {command.ToJsonString()}: {answer["error"]}");
        }
    }

    private void OnStandardOutput(string? line)
    {
        if (line == null)
        {
            lock (_gate)
            {
                _stdoutClosed = true;
            }

            return;
        }

        Log(line);
        JsonObject? parsed;
        try
        {
            parsed = JsonNode.Parse(line) as JsonObject;
        }
        catch (JsonException)
        {
            parsed = null;
        }

        parsed ??= new JsonObject { ["event"] = "harnessError", ["message"] = "stdout line is not a JSON object", ["line"] = line };
        lock (_gate)
        {
            _events.Add(parsed);
        }
    }

    private void OnStandardError(string? line)
    {
        if (line == null)
        {
            return;
        }

        Log("stderr: " + line);
        lock (_gate)
        {
            _standardError.AppendLine(line);
        }
    }

    private string StandardErrorText()
    {
        lock (_gate)
        {
            return _standardError.Length == 0 ? "(empty)" : _standardError.ToString();
        }
    }

    private string DescribeRecentEvents()
    {
        const int count = 20;
        lock (_gate)
        {
            IEnumerable<string> recent = _events.Skip(Math.Max(0, _events.Count - count)).Select(e => "  " + e.ToJsonString());
            return $"Last {Math.Min(count, _events.Count)} of {_events.Count} central-system events:\n" + string.Join("\n", recent);
        }
    }

    private void Log(string line)
    {
        if (_output == null || _disposed)
        {
            return;
        }

        try
        {
            _output.WriteLine($"[cs {_sinceStart.ElapsedMilliseconds,6} ms] {line}");
        }
        catch (InvalidOperationException)
        {
            // xunit rejects output once the test has finished; late lines are dropped.
        }
    }
}
