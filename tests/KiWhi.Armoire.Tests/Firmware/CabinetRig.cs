using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Firmware;

/// <summary>
/// A cabinet on simulated hardware with a <see cref="TestCentralSystem"/>, driven by hand: the
/// clock only moves when a test advances it, and every advance runs the loop in 100 ms steps.
/// </summary>
public sealed class CabinetRig
{
    public const int StepMs = 100;

    public CabinetRig(int bays = 4, Action<CabinetConfiguration>? configure = null, bool start = true)
    {
        Configuration = new CabinetConfiguration
        {
            SpotNumbers = Enumerable.Range(1, bays).Select(i => 100 + i).ToArray(),
            MeterValueSampleIntervalSeconds = 60,
            CallTimeoutSeconds = 10,
            ReconnectDelaySeconds = 5,

            // Most cabinet tests identify cards by UID; CardAuthenticationFlowTests turn authentication on.
            RequireCardAuthentication = false,
        };
        configure?.Invoke(Configuration);

        Clock = new ManualClock(1000);
        Contactors = new SimulatedContactorBank(Configuration.BayCount, activeHigh: true, Clock);
        Meters = new SimulatedEnergyMeter(Contactors, 7400);
        Reader = new SimulatedCardReader();
        Keypad = new SimulatedKeypad();
        Display = new SimulatedDisplay(16, Clock);
        Indicators = new SimulatedIndicators(Clock);
        Server = new TestCentralSystem { Clock = () => Clock.MonotonicMs };
        Log = new ListLogSink();
        Hardware = new CabinetHardware
        {
            CardReader = Reader,
            Keypad = Keypad,
            Contactors = Contactors,
            Meters = Meters,
            Indicators = Indicators,
            Display = Display,
            Clock = Clock,
            Random = new SeededRandomSource(7),
            Storage = new InMemoryFileStorage(),
            Transport = Server,
        };
        Cabinet = new Cabinet(Hardware, Configuration, Log);
        if (start)
        {
            Cabinet.Start();
            Run(1);
        }
    }

    public CabinetConfiguration Configuration { get; }
    public ManualClock Clock { get; }
    public SimulatedContactorBank Contactors { get; }
    public SimulatedEnergyMeter Meters { get; }
    public SimulatedCardReader Reader { get; }
    public SimulatedKeypad Keypad { get; }
    public SimulatedDisplay Display { get; }
    public SimulatedIndicators Indicators { get; }
    public TestCentralSystem Server { get; }
    public ListLogSink Log { get; }
    public CabinetHardware Hardware { get; }
    public Cabinet Cabinet { get; }

    /// <summary>Runs the loop for <paramref name="seconds"/> of simulated time.</summary>
    public void Run(double seconds)
    {
        long steps = (long)Math.Ceiling(seconds * 1000 / StepMs);
        for (long i = 0; i < steps; i++)
        {
            Cabinet.RunOnce();
            Clock.AdvanceMs(StepMs);
        }

        Cabinet.RunOnce();
    }

    /// <summary>Presents a card for half a second, then takes it away long enough to count as removed.</summary>
    public void Badge(string uidHex) => Badge(UidCard.FromHex(uidHex));

    /// <summary>Presents <paramref name="card"/> for half a second, then takes it away long enough to count as removed.</summary>
    public void Badge(SimulatedCard card)
    {
        Reader.Present(card);
        Run(0.5);
        Reader.Remove();
        Run((Cabinet.CardRemovedAfterMs + 2 * Cabinet.CardPollIntervalMs) / 1000.0);
    }

    /// <summary>Types keys one by one, 200 ms apart.</summary>
    public void Type(string keys)
    {
        foreach (char key in keys)
        {
            Keypad.Press(key);
            Run(0.2);
        }
    }

    /// <summary>Badges and picks the spot: a complete start of a session.</summary>
    public void StartCharging(string uidHex, int spot)
    {
        Badge(uidHex);
        Type(spot + "#");
        Run(1);
    }

    public bool IsClosed(int bay) => Contactors.IsClosed(bay);

    public string Screen => Display.Line1 + " | " + Display.Line2;
}

/// <summary>Collects log lines for assertions and failure messages.</summary>
public sealed class ListLogSink : ILogSink
{
    private readonly object _sync = new();

    public List<string> Lines { get; } = new();

    public void Write(long monotonicMs, LogLevel level, string component, string message)
    {
        lock (_sync)
        {
            Lines.Add(monotonicMs + " " + level + " " + component + ": " + message);
        }
    }

    public bool Contains(string text) => Lines.Any(l => l.Contains(text, StringComparison.Ordinal));
}
