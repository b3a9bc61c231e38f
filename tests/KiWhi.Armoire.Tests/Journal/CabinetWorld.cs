using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Journal;

/// <summary>
/// A cabinet in a simulated world that outlives it: the world clock, contactors, meters, card reader,
/// keypad, central system and flash persist, while the cabinet itself can lose power and boot again
/// on the surviving flash. A power cut is either armed at a global flash unit (every byte written
/// and every rename or delete, counted across boots) or made between two loop steps.
/// </summary>
public sealed class CabinetWorld
{
    /// <summary>World UTC time at world monotonic time 0.</summary>
    public static readonly DateTime Origin = new(2026, 12, 4, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>Loop period, in ms: every world event falls on a multiple of it.</summary>
    public const int StepMs = 1000;

    public const double PowerW = 7400;

    private readonly ILogSink? _logSink;
    private long _unitsBefore;
    private long _armedUnit = -1;
    private TearMode _armedMode;

    public CabinetWorld(int bays, Action<CabinetConfiguration>? configure = null, bool validateSchemas = false, ILogSink? logSink = null, int pageBytes = PowerCutFlash.DefaultPageBytes)
    {
        Configuration = new CabinetConfiguration
        {
            SpotNumbers = Enumerable.Range(1, bays).Select(i => 100 + i).ToArray(),
            RequireCardAuthentication = false,
            MeterValueSampleIntervalSeconds = 60,
            CallTimeoutSeconds = 10,
            ReconnectDelaySeconds = 5,
            ReconnectMaxDelaySeconds = 20,
            ReconnectJitterPercent = 0,
            BayEntryTimeoutSeconds = 10,
            MessageDisplaySeconds = 2,
            JournalSegmentBytes = 2048,
            JournalSegmentCount = 8,
        };
        configure?.Invoke(Configuration);

        _logSink = logSink;
        WorldClock = new ManualClock(0);
        Contactors = new SimulatedContactorBank(bays, activeHigh: true, WorldClock);
        Energy = new SimulatedEnergyMeter(Contactors, PowerW);
        Meter = new RecordingMeter(Energy, WorldClock);
        Reader = new SimulatedCardReader();
        Keypad = new SimulatedKeypad();
        Indicators = new SimulatedIndicators(WorldClock);
        Server = new RecordingCentralSystem { Now = () => WorldUtc, ValidateSchemas = validateSchemas };
        Flash = new PowerCutFlash(pageBytes);
    }

    public CabinetConfiguration Configuration { get; }
    public ManualClock WorldClock { get; }
    public SimulatedContactorBank Contactors { get; }
    public SimulatedEnergyMeter Energy { get; }
    public RecordingMeter Meter { get; }
    public SimulatedCardReader Reader { get; }
    public SimulatedKeypad Keypad { get; }
    public SimulatedIndicators Indicators { get; }
    public RecordingCentralSystem Server { get; }

    /// <summary>Energy meter the next boots read instead of <see cref="Meter"/>, to model a count that restarts at power-on; null for <see cref="Meter"/>.</summary>
    public IEnergyMeter? CabinetMeter { get; set; }

    /// <summary>Flash of the running boot; replaced by a fresh view at every reboot.</summary>
    public PowerCutFlash Flash { get; private set; }

    public Cabinet Cabinet { get; private set; } = null!;

    public BootClock Clock { get; private set; } = null!;

    /// <summary>Every boot so far, the running one last.</summary>
    public List<BootRecord> Boots { get; } = new();

    public DateTime WorldUtc => Origin.AddMilliseconds(WorldClock.MonotonicMs);

    /// <summary>Flash units spent since the world began, across boots.</summary>
    public long UnitsWritten => _unitsBefore + Flash.UnitsWritten;

    /// <summary>True once the armed cut has happened.</summary>
    public bool ArmedCutHappened { get; private set; }

    /// <summary>Arms one power cut at global flash unit <paramref name="unit"/>.</summary>
    public void ArmCut(long unit, TearMode mode)
    {
        _armedUnit = unit;
        _armedMode = mode;
        ArmOnCurrentFlash();
    }

    /// <summary>Powers the cabinet on, rebooting as often as a cut during the boot itself requires.</summary>
    public void PowerOn()
    {
        while (true)
        {
            try
            {
                Boot();
                return;
            }
            catch (PowerLossException)
            {
                PowerCut();
            }
        }
    }

    /// <summary>Ends the running boot: contactors drop out, the link dies silently, the flash keeps what it had.</summary>
    public void PowerCut()
    {
        if (!Flash.IsCut)
        {
            Flash.CutNow();
        }
        else if (_armedUnit >= 0)
        {
            ArmedCutHappened = true;
            _armedUnit = -1;
        }

        Contactors.OpenAll();
        Server.LosePeer();
        Keypad.Stop();
        Boots[^1].EndMs = WorldClock.MonotonicMs;
        Boots[^1].EndedByCut = true;
        _unitsBefore += Flash.UnitsWritten;
        Flash = Flash.Reboot();
    }

    /// <summary>Loop iterations at most per world step.</summary>
    public const int MaxIterationsPerStep = 16;

    /// <summary>
    /// Runs the loop until the replies of the central system are handled (the real loop turns every
    /// few ms, so replies arrive with no delay at this scale), then advances the world by
    /// <see cref="StepMs"/>. A cut reboots the cabinet at once.
    /// </summary>
    public void Step()
    {
        try
        {
            int iterations = 0;
            do
            {
                Cabinet.RunOnce();
            }
            while (Cabinet.Events.Count > 0 && ++iterations < MaxIterationsPerStep);
        }
        catch (PowerLossException)
        {
            PowerCut();
            PowerOn();
        }

        WorldClock.AdvanceMs(StepMs);
    }

    public void Run(double seconds)
    {
        long steps = (long)Math.Ceiling(seconds * 1000 / StepMs);
        for (long i = 0; i < steps; i++)
        {
            Step();
        }
    }

    /// <summary>Presents a card for one step, then removes it long enough to count as removed.</summary>
    public void Badge(string uidHex)
    {
        Reader.Present(UidCard.FromHex(uidHex));
        Step();
        Reader.Remove();
        Run(2);
    }

    /// <summary>Types keys, one per step.</summary>
    public void Type(string keys)
    {
        foreach (char key in keys)
        {
            Keypad.Press(key);
            Step();
        }
    }

    public void StartCharging(string uidHex, int spot)
    {
        Badge(uidHex);
        Type(spot + "#");
        Run(1);
    }

    private void Boot()
    {
        Clock = new BootClock(WorldClock);
        Boots.Add(new BootRecord(Boots.Count + 1, WorldClock.MonotonicMs, Clock));
        Server.CurrentBoot = Boots.Count;
        ArmOnCurrentFlash();
        var hardware = new CabinetHardware
        {
            CardReader = Reader,
            Keypad = Keypad,
            Contactors = Contactors,
            Meters = CabinetMeter ?? Meter,
            Indicators = Indicators,
            Clock = Clock,
            Random = new SeededRandomSource(Boots.Count),
            Storage = Flash,
            Transport = Server,
        };
        Cabinet = new Cabinet(hardware, Configuration, _logSink!);
        Cabinet.Start();
    }

    private void ArmOnCurrentFlash()
    {
        if (_armedUnit >= _unitsBefore)
        {
            Flash.CutAt(_armedUnit - _unitsBefore, _armedMode);
        }
    }
}

/// <summary>One power-on of the cabinet in a <see cref="CabinetWorld"/>.</summary>
public sealed class BootRecord
{
    public BootRecord(int number, long startMs, BootClock clock)
    {
        Number = number;
        StartMs = startMs;
        Clock = clock;
    }

    public int Number { get; }
    public long StartMs { get; }
    public BootClock Clock { get; }

    /// <summary>World time the boot ended; null while it runs.</summary>
    public long? EndMs { get; set; }

    public bool EndedByCut { get; set; }
}
