using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Hal.Simulation;
using Xunit;
using Xunit.Abstractions;
using FirmwareCabinet = KiWhi.Armoire.Firmware.Cabinet;

namespace KiWhi.Armoire.EndToEnd.Harness;

/// <summary>
/// The real <see cref="Cabinet"/> in-process, on simulated hardware and the real <see cref="WebSocketTransport"/>,
/// connected to a <see cref="Harness.CentralSystem"/>. The test thread runs the cabinet loop and moves the
/// <see cref="ManualClock"/>; the clock moves only while no OCPP message is in flight, so a CALL is never
/// timed out by simulated time that passed while its reply was on the wire.
/// </summary>
public sealed class CabinetRig : IDisposable
{
    /// <summary>Charge-point identity of the cabinet under test.</summary>
    public const string Identity = "ARMOIRE-E2E";

    /// <summary>Heartbeat interval of the default BootNotification.conf, longer than any test runs in simulated time.</summary>
    public const int HeartbeatIntervalSeconds = 3600;

    /// <summary>MeterValueSampleInterval of the cabinet under test.</summary>
    public const int MeterValueSampleIntervalSeconds = 60;

    /// <summary>Power each bay draws while its contactor is closed: a 32 A single-phase charger at 230 V.</summary>
    public const double ChargingPowerW = 7360;

    /// <summary>
    /// currentTime of the default BootNotification.conf. It lies in the past on purpose: a timestamp taken
    /// from the host's clock instead of the cabinet's IClock is then far outside the expected range.
    /// </summary>
    public static readonly DateTime ServerTime = new(2025, 6, 2, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>Cabinet master key of the tests (16 bytes, 2TDEA): the cards of the scenarios are personalized for it.</summary>
    public static readonly byte[] CardMasterKey = Convert.FromHexString("2B7E151628AED2A6ABF7158809CF4F3C");

    /// <summary>Parking-spot numbers of bays 1, 2 and 3; they differ from the connectorIds so that a mix-up shows.</summary>
    public static readonly int[] SpotNumbers = { 21, 22, 23 };

    // OCPP 1.6 timestamps are UTC. The rig also requires the 'Z' designator and at most 7 fraction digits.
    private static readonly Regex UtcTimestamp = new(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$", RegexOptions.CultureInvariant);

    private static readonly TimeSpan QuiesceWait = TimeSpan.FromSeconds(5);

    private readonly TestOutputLog _log;
    private readonly WebSocketTransport _webSocketTransport;
    private readonly CabinetHardware _hardware;
    private long _deliveredBeforeLastRun;
    private long _lastCardPresentedMs = long.MinValue;
    private bool _started;

    /// <summary>Starts the central system and builds the cabinet; <paramref name="configure"/> may change the configuration before <see cref="Start"/>.</summary>
    public CabinetRig(ITestOutputHelper output, Action<CabinetConfiguration>? configure = null)
    {
        _log = new TestOutputLog(output);
        CentralSystem = CentralSystem.Start(output);
        try
        {
            CentralSystem.SetDefaultReply("BootNotification", Reply.Result(new
            {
                status = "Accepted",
                currentTime = FormatUtc(ServerTime),
                interval = HeartbeatIntervalSeconds,
            }));

            Clock = new ManualClock();
            Contactors = new SimulatedContactorBank(SpotNumbers.Length, activeHigh: true, Clock);
            Meters = new SimulatedEnergyMeter(Contactors, ChargingPowerW);
            CardReader = new SimulatedCardReader();
            Keypad = new SimulatedKeypad();
            Display = new SimulatedDisplay(16, Clock);
            Indicators = new SimulatedIndicators(Clock);
            Storage = new InMemoryFileStorage();
            _webSocketTransport = new WebSocketTransport(_log) { KeepAliveInterval = TimeSpan.Zero };
            Transport = new CountingTransport(_webSocketTransport);

            Configuration = new CabinetConfiguration
            {
                CentralSystemUrl = CentralSystem.Url + "/ocpp",
                ChargePointIdentity = Identity,
                SpotNumbers = (int[])SpotNumbers.Clone(),
                MeterValueSampleIntervalSeconds = MeterValueSampleIntervalSeconds,
                CardMasterKey = (byte[])CardMasterKey.Clone(),
            };
            configure?.Invoke(Configuration);

            _hardware = new CabinetHardware
            {
                CardReader = CardReader,
                Keypad = Keypad,
                Contactors = Contactors,
                Meters = Meters,
                Indicators = Indicators,
                Display = Display,
                Clock = Clock,
                Random = new SeededRandomSource(20250602),
                Storage = Storage,
                Transport = Transport,
            };
            Cabinet = new Cabinet(_hardware, Configuration, _log);
        }
        catch
        {
            CentralSystem.Dispose();
            throw;
        }
    }

    public CentralSystem CentralSystem { get; }

    public ManualClock Clock { get; }

    public SimulatedContactorBank Contactors { get; }

    public SimulatedEnergyMeter Meters { get; }

    public SimulatedCardReader CardReader { get; }

    public SimulatedKeypad Keypad { get; }

    public SimulatedDisplay Display { get; }

    public SimulatedIndicators Indicators { get; }

    public InMemoryFileStorage Storage { get; }

    public CountingTransport Transport { get; }

    public CabinetConfiguration Configuration { get; }

    /// <summary>Cabinet of the running boot; <see cref="Reboot"/> replaces it.</summary>
    public Cabinet Cabinet { get; private set; }

    /// <summary>Lines the cabinet logged at level Error.</summary>
    public int CabinetErrorCount => _log.CabinetErrorCount;

    /// <summary>Formats a UTC time as OCPP expects it, with milliseconds and 'Z'.</summary>
    public static string FormatUtc(DateTime utc)
    {
        return utc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>Starts the cabinet: it opens every contactor and connects.</summary>
    public void Start()
    {
        Cabinet.Start();
        _started = true;
    }

    /// <summary>
    /// Starts the cabinet and waits for a plain cold boot: BootNotification accepted, then one StatusNotification
    /// for connector 0 and every bay. Returns the event index after them.
    /// </summary>
    public int StartAndBoot()
    {
        Start();
        WaitForCall("BootNotification");
        for (int connectorId = 0; connectorId <= SpotNumbers.Length; connectorId++)
        {
            int id = connectorId;
            WaitForCall("StatusNotification", p => (int?)p["connectorId"] == id);
        }

        Quiesce();
        return CentralSystem.EventCount;
    }

    /// <summary>
    /// Models a power cut and the next boot: the link closes, every contactor drops out and the keypad stops,
    /// then a new cabinet starts on the same <see cref="Storage"/>, hardware and <see cref="Configuration"/>.
    /// </summary>
    /// <remarks>
    /// NOTE: the new cabinet shares the <see cref="ManualClock"/>, so its wall clock is already set at boot,
    /// as on a board with a battery-backed clock. The journal tests in KiWhi.Armoire.Tests cover a boot with an unset clock.
    /// </remarks>
    public void Reboot()
    {
        Transport.Close();
        Contactors.OpenAll();
        Keypad.Stop();
        Cabinet = new Cabinet(_hardware, Configuration, _log);
        _deliveredBeforeLastRun = Transport.DeliveredCount;
        Start();
    }

    /// <summary>Runs one iteration of the cabinet loop.</summary>
    public void Step()
    {
        if (!_started)
        {
            return;
        }

        long delivered = Transport.DeliveredCount;
        Cabinet.RunOnce();
        _deliveredBeforeLastRun = delivered;
    }

    /// <summary>
    /// Runs the loop without moving the clock until no OCPP message is in flight. Every message the cabinet
    /// sent has then reached the central system, and every CALL of the cabinet has its reply or its scripted
    /// silence. Every frame of the central system has been delivered to the cabinet and processed by its loop.
    /// </summary>
    public void Quiesce()
    {
        var realTime = Stopwatch.StartNew();
        int quietSteps = 0;
        while (true)
        {
            Step();
            string? busy = DescribeMessagesInFlight();

            // Two quiet loop turns in a row, in case the cabinet sends its next message one turn after a reply.
            quietSteps = busy == null ? quietSteps + 1 : 0;
            if (quietSteps == 2)
            {
                return;
            }

            if (busy != null && realTime.Elapsed > QuiesceWait)
            {
                throw new TimeoutException(
                    $"Messages still in flight after {QuiesceWait.TotalSeconds:0} s of real time: {busy}.");
            }

            Thread.Sleep(1);
        }
    }

    /// <summary>Moves the clock forward by <paramref name="duration"/> in steps of <paramref name="stepMs"/>, running the loop and waiting for quiet before each step.</summary>
    public void Advance(TimeSpan duration, int stepMs = 1000)
    {
        long remainingMs = (long)duration.TotalMilliseconds;
        while (remainingMs > 0)
        {
            Quiesce();
            long stepNowMs = Math.Min(stepMs, remainingMs);
            Clock.AdvanceMs(stepNowMs);
            remainingMs -= stepNowMs;
            Step();
        }

        Quiesce();
    }

    /// <summary>
    /// Waits for a CALL of <paramref name="action"/> from the cabinet whose payload satisfies
    /// <paramref name="where"/>, received at event index <paramref name="startIndex"/> or later. The clock
    /// moves by <paramref name="stepMs"/> whenever the link is quiet, up to <paramref name="maxSimulated"/>
    /// (none by default); real time is bounded as well. Returns the payload of the CALL.
    /// </summary>
    public JsonObject WaitForCall(string action, Func<JsonObject, bool>? where = null, int startIndex = 0,
        TimeSpan? maxSimulated = null, int stepMs = 1000)
    {
        JsonObject call = WaitForEvent($"a {action} CALL from the cabinet",
            e => CentralSystem.Kind(e) == "call" && (string?)e["action"] == action
                && (where == null || where(e["payload"]!.AsObject())),
            startIndex, maxSimulated, stepMs);
        return call["payload"]!.AsObject();
    }

    /// <summary>
    /// Waits for an event that satisfies <paramref name="predicate"/>, moving the clock as <see cref="WaitForCall"/>
    /// does. Throws <see cref="TimeoutException"/> once the clock has reached <paramref name="maxSimulated"/> with
    /// nothing in flight, or when the real-time bound is over.
    /// </summary>
    public JsonObject WaitForEvent(string description, Func<JsonObject, bool> predicate, int startIndex = 0,
        TimeSpan? maxSimulated = null, int stepMs = 1000)
    {
        long limitMs = Clock.MonotonicMs + (long)(maxSimulated ?? TimeSpan.Zero).TotalMilliseconds;
        long stepCount = (limitMs - Clock.MonotonicMs) / Math.Max(1, stepMs);
        // Each clock step costs a few ms of real time, more when it triggers a message round trip.
        TimeSpan realBound = CentralSystem.DefaultWait + TimeSpan.FromMilliseconds(20.0 * stepCount);
        bool quietAtLimit = false;

        return CentralSystem.WaitFor(description, predicate, realBound, () =>
        {
            // WaitFor has checked every event received before the previous call, which found the link quiet.
            if (quietAtLimit)
            {
                throw new TimeoutException(
                    $"No {description} within {maxSimulated!.Value.TotalSeconds:0.#} s of simulated time.\n{DescribeRecentCalls()}");
            }

            Step();
            if (DescribeMessagesInFlight() != null)
            {
                return;
            }

            if (Clock.MonotonicMs < limitMs)
            {
                Clock.AdvanceMs(Math.Min(stepMs, limitMs - Clock.MonotonicMs));
                Step();
            }
            else if (maxSimulated.HasValue)
            {
                quietAtLimit = true;
            }
        }, startIndex);
    }

    /// <summary>
    /// Presents <paramref name="card"/> to the reader until the cabinet has read it and a few polls more, then
    /// takes it away.
    /// The clock first moves past the time after which the cabinet counts a card as removed, so that
    /// this is a new presentation.
    /// </summary>
    public void PresentCard(SimulatedCard card)
    {
        Quiesce();
        // A card seen again sooner than this after it left the field counts as the same presentation.
        const long newPresentationAfterMs = FirmwareCabinet.CardRemovedAfterMs + 2 * FirmwareCabinet.CardPollIntervalMs;
        long sinceLastMs = Clock.MonotonicMs - _lastCardPresentedMs;
        if (_lastCardPresentedMs != long.MinValue && sinceLastMs < newPresentationAfterMs)
        {
            Advance(TimeSpan.FromMilliseconds(newPresentationAfterMs - sinceLastMs), stepMs: FirmwareCabinet.CardPollIntervalMs);
        }

        long detectionsBefore = CardReader.DetectionCount;
        CardReader.Present(card);
        var realTime = Stopwatch.StartNew();
        while (CardReader.DetectionCount == detectionsBefore)
        {
            Step();
            if (CardReader.DetectionCount != detectionsBefore)
            {
                break;
            }

            if (realTime.Elapsed > CentralSystem.DefaultWait)
            {
                throw new TimeoutException($"The cabinet did not poll the card reader within {CentralSystem.DefaultWait.TotalSeconds:0} s of real time.");
            }

            Clock.AdvanceMs(FirmwareCabinet.CardPollIntervalMs / 2);
        }

        // The card stays in the field for a few polls, as when a resident keeps it there for a moment.
        for (int i = 0; i < 3; i++)
        {
            Clock.AdvanceMs(FirmwareCabinet.CardPollIntervalMs);
            Step();
        }

        CardReader.Remove();
        _lastCardPresentedMs = Clock.MonotonicMs;
        Step();
    }

    /// <summary>Types <paramref name="keys"/> on the keypad, then runs the loop so the cabinet handles them.</summary>
    public void Type(string keys)
    {
        foreach (char key in keys)
        {
            Assert.True(Keypad.Press(key), $"Key '{key}' was lost: the keypad is not scanning.");
            Step();
        }
    }

    /// <summary>Returns the CALLRESULT payload the central system sent for the CALL with <paramref name="messageId"/>.</summary>
    public JsonObject ReplyTo(string messageId)
    {
        JsonObject sent = CentralSystem.WaitFor($"the reply to {messageId}",
            e => CentralSystem.Kind(e) == "sent" && (string?)e["messageId"] == messageId);
        return sent["payload"]!.AsObject();
    }

    /// <summary>
    /// Checks what every scenario must end with. ocpp-rpc reported no validation failure, and the cabinet loop
    /// caught no unhandled error. Every timestamp the cabinet sent is UTC with 'Z', and lies between the first
    /// currentTime the central system sent and the cabinet's clock now.
    /// </summary>
    public void AssertHealthy()
    {
        Quiesce();
        CentralSystem.AssertNoValidationFailures();
        AssertTimestampsValid();
        Assert.Equal(0, Cabinet.LoopFaults);
    }

    /// <summary>Checks every "timestamp" member of every CALL payload the cabinet sent.</summary>
    public void AssertTimestampsValid()
    {
        DateTime? earliestServerTime = CentralSystem.Events
            .Where(e => CentralSystem.Kind(e) == "sent" && (string?)e["type"] == "CALLRESULT")
            .Select(e => (string?)e["payload"]?["currentTime"])
            .Where(t => t != null)
            .Select(t => (DateTime?)DateTime.Parse(t!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal))
            .Min();
        DateTime latestAllowed = Clock.UtcNow.AddSeconds(1);

        foreach (JsonObject call in CentralSystem.CallsFromChargePoint())
        {
            foreach (string timestamp in FindTimestamps(call["payload"]))
            {
                string where = $"{call["action"]} {call["messageId"]}: timestamp {timestamp}";
                Assert.True(UtcTimestamp.IsMatch(timestamp), where + " is not an ISO 8601 UTC time ending with 'Z'");
                Assert.True(earliestServerTime.HasValue, where + " was sent before any currentTime set the clock");
                DateTime value = DateTime.Parse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
                Assert.True(value >= earliestServerTime!.Value, where + $" is before the clock was set ({FormatUtc(earliestServerTime.Value)})");
                Assert.True(value <= latestAllowed, where + $" is after the cabinet's clock ({FormatUtc(latestAllowed)})");
            }
        }
    }

    public void Dispose()
    {
        try
        {
            _webSocketTransport.Dispose();
        }
        finally
        {
            _log.Close();
            CentralSystem.Dispose();
        }
    }

    private static IEnumerable<string> FindTimestamps(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (KeyValuePair<string, JsonNode?> member in obj)
                {
                    if (member.Key == "timestamp" && member.Value is JsonValue value && value.TryGetValue(out string? text))
                    {
                        yield return text;
                    }
                    else
                    {
                        foreach (string nested in FindTimestamps(member.Value))
                        {
                            yield return nested;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (JsonNode? item in array)
                {
                    foreach (string nested in FindTimestamps(item))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }

    private string DescribeRecentCalls()
    {
        IEnumerable<string> calls = CentralSystem.CallsFromChargePoint()
            .TakeLast(10)
            .Select(e => $"  {e["action"]} {e["payload"]?.ToJsonString()}");
        return "Last CALLs of the cabinet:\n" + string.Join("\n", calls);
    }

    // Returns null when nothing is in flight, otherwise what is still moving.
    private string? DescribeMessagesInFlight()
    {
        IReadOnlyList<JsonObject> events = CentralSystem.Events;
        long framesFromCabinet = events.Count(e => CentralSystem.Kind(e) == "frame" && (string?)e["direction"] == "fromChargePoint");
        long framesToCabinet = events.Count(e => CentralSystem.Kind(e) == "frame" && (string?)e["direction"] == "toChargePoint");

        // ocpp-rpc reports a reply ("sent") or a CALL ("callSent") before the frame that carries it, so the
        // frames announced this way count even when their frame event has not arrived yet.
        long framesAnnounced = events.Count(e =>
            (CentralSystem.Kind(e) == "sent" && (string?)e["type"] != "none")
            || CentralSystem.Kind(e) == "callSent"
            || (CentralSystem.Kind(e) == "ack" && (string?)e["cmd"] == "raw"));
        long framesExpected = Math.Max(framesToCabinet, framesAnnounced);
        var answered = new HashSet<string?>(events.Where(e => CentralSystem.Kind(e) == "sent").Select(e => (string?)e["messageId"]));
        int unanswered = events.Count(e => CentralSystem.Kind(e) == "call" && !answered.Contains((string?)e["messageId"]));

        long sent = Transport.SentCount;
        long delivered = Transport.DeliveredCount;

        // NOTE: ocpp-rpc 2.2.1 drops an empty message before reporting it, and a frame sent on a link that then
        // closes may never arrive. Either leaves a count short, so Quiesce times out instead of returning.
        if (sent > framesFromCabinet)
        {
            return $"{sent - framesFromCabinet} message(s) of the cabinet not yet at the central system";
        }

        if (unanswered > 0)
        {
            return $"{unanswered} CALL(s) of the cabinet not yet answered";
        }

        if (delivered < framesExpected)
        {
            return $"{framesExpected - delivered} frame(s) of the central system not yet delivered to the cabinet";
        }

        if (_deliveredBeforeLastRun < delivered)
        {
            return "a delivered frame not yet processed by the cabinet loop";
        }

        return null;
    }
}
