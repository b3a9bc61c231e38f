using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Journal;

/// <summary>
/// The scripted 50-session scenario of the power-cut test: 6 bays, 8 cards, two offline periods and
/// two planned reboots (one while offline, one with sessions open), on a world that steps 1 s at a
/// time. <see cref="Run"/> plays it with an optional extra cut at one flash unit; <see cref="Check"/>
/// compares what the central system received with what happened in the world.
/// </summary>
public static class PowerCutScenario
{
    public const int Bays = 6;
    public const int Sessions = 50;
    public const int MeterSampleSeconds = 120;

    /// <summary>World time at which the last input happens; the run then goes on until everything is delivered.</summary>
    public const int ScriptEndSeconds = 2850;

    /// <summary>World time at which the run ends, in seconds.</summary>
    public const int EndSeconds = 3300;

    /// <summary>Periods with the central system unreachable, in world seconds [from, to).</summary>
    public static readonly (int From, int To)[] OfflinePeriods = { (700, 1000), (1800, 2050) };

    /// <summary>Planned power cuts between two loop steps, in world seconds.</summary>
    public static readonly int[] PlannedCuts = { 900, 1500 };

    private static readonly string[] Cards = Enumerable.Range(0, 8).Select(i => "04C0FF" + (0x10 + i).ToString("X2")).ToArray();

    /// <summary>The inputs, by world second: card presentations, key presses, link changes and planned cuts.</summary>
    public static readonly IReadOnlyDictionary<int, List<ScenarioInput>> Script = BuildScript(out PlannedSessions);

    /// <summary>Sessions the script starts: card, spot and world second of the badge.</summary>
    public static readonly List<(string Card, int Spot, int StartSecond, int StopSecond)> PlannedSessions;

    public static CabinetWorld NewWorld(bool validateSchemas, ILogSink? logSink = null)
    {
        return new CabinetWorld(Bays, c =>
        {
            c.MeterValueSampleIntervalSeconds = MeterSampleSeconds;
            c.JournalSegmentBytes = 2048;
            c.JournalSegmentCount = 16;
        }, validateSchemas, logSink);
    }

    /// <summary>Plays the scenario; with <paramref name="cutUnit"/>, power also fails while that flash unit is written.</summary>
    public static CabinetWorld Run(long? cutUnit, TearMode mode, bool validateSchemas = false, ILogSink? logSink = null)
    {
        CabinetWorld world = NewWorld(validateSchemas, logSink);
        if (cutUnit.HasValue)
        {
            world.ArmCut(cutUnit.Value, mode);
        }

        world.PowerOn();
        for (int second = 0; second < EndSeconds; second++)
        {
            if (Script.TryGetValue(second, out List<ScenarioInput>? inputs))
            {
                foreach (ScenarioInput input in inputs)
                {
                    Apply(world, input);
                }
            }

            world.Step();
        }

        return world;
    }

    private static void Apply(CabinetWorld world, ScenarioInput input)
    {
        switch (input.Kind)
        {
            case ScenarioInputKind.PresentCard:
                world.Reader.Present(UidCard.FromHex(input.Text));
                break;
            case ScenarioInputKind.RemoveCard:
                world.Reader.Remove();
                break;
            case ScenarioInputKind.PressKey:
                world.Keypad.Press(input.Text[0]);
                break;
            case ScenarioInputKind.GoOffline:
                world.Server.Reachable = false;
                world.Server.Disconnect();
                break;
            case ScenarioInputKind.GoOnline:
                world.Server.Reachable = true;
                break;
            case ScenarioInputKind.PowerCycle:
                world.PowerCut();
                world.PowerOn();
                break;
        }
    }

    // Sessions start every 50 s (later when every bay or card is busy) on a free bay with a free card
    // and last 125 to 250 s. Their stops take the odd 25-second slots, so two panel interactions are
    // always at least 25 s apart.
    private static Dictionary<int, List<ScenarioInput>> BuildScript(out List<(string Card, int Spot, int StartSecond, int StopSecond)> sessions)
    {
        const int SlotSeconds = 25;
        const int FirstSlotSecond = 30;
        var random = new Random(42);
        var script = new Dictionary<int, List<ScenarioInput>>();
        var stopSlots = new HashSet<int>();
        var bayFreeFrom = new int[Bays];
        var cardFreeFrom = new int[Cards.Length];
        sessions = new List<(string, int, int, int)>();

        void Add(int second, ScenarioInputKind kind, string text = "")
        {
            if (!script.TryGetValue(second, out List<ScenarioInput>? list))
            {
                script[second] = list = new List<ScenarioInput>();
            }

            list.Add(new ScenarioInput(kind, text));
        }

        int nextStartSlot = 0;
        for (int i = 0; i < Sessions; i++)
        {
            int startSlot = nextStartSlot;
            while (!bayFreeFrom.Any(f => f <= startSlot) || !cardFreeFrom.Any(f => f <= startSlot))
            {
                startSlot += 2;
            }

            nextStartSlot = startSlot + 2;
            int stopSlot = startSlot + 5 + random.Next(6);
            if (stopSlot % 2 == 0)
            {
                stopSlot++;
            }

            while (stopSlots.Contains(stopSlot))
            {
                stopSlot += 2;
            }

            int bay = Enumerable.Range(0, Bays).First(b => bayFreeFrom[b] <= startSlot);
            int card = i < Cards.Length ? i : Enumerable.Range(0, Cards.Length).First(c => cardFreeFrom[c] <= startSlot);
            stopSlots.Add(stopSlot);
            bayFreeFrom[bay] = stopSlot + 1;
            cardFreeFrom[card] = stopSlot + 1;

            int start = FirstSlotSecond + startSlot * SlotSeconds;
            int stop = FirstSlotSecond + stopSlot * SlotSeconds;
            int spot = 101 + bay;
            Add(start, ScenarioInputKind.PresentCard, Cards[card]);
            Add(start + 1, ScenarioInputKind.RemoveCard);
            string keys = spot + "#";
            for (int k = 0; k < keys.Length; k++)
            {
                Add(start + 3 + k, ScenarioInputKind.PressKey, keys[k].ToString());
            }

            Add(stop, ScenarioInputKind.PresentCard, Cards[card]);
            Add(stop + 1, ScenarioInputKind.RemoveCard);
            sessions.Add((Cards[card], spot, start, stop));
        }

        foreach ((int from, int to) in OfflinePeriods)
        {
            Add(from, ScenarioInputKind.GoOffline);
            Add(to, ScenarioInputKind.GoOnline);
        }

        foreach (int second in PlannedCuts)
        {
            Add(second, ScenarioInputKind.PowerCycle);
        }

        return script;
    }

    /// <summary>
    /// Returns every way the delivery departs from the world. Each session (a contactor closure) must
    /// reach the central system exactly once, in event order, with its idTag, connector, meter values
    /// and timestamps. Only the message in flight at a cut may arrive twice.
    /// </summary>
    public static List<string> Check(CabinetWorld world)
    {
        return new DeliveryCheck(world).Run();
    }
}

public enum ScenarioInputKind
{
    PresentCard,
    RemoveCard,
    PressKey,
    GoOffline,
    GoOnline,
    PowerCycle,
}

public sealed record ScenarioInput(ScenarioInputKind Kind, string Text);
