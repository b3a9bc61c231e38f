using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Hal.Simulation;
using Xunit.Abstractions;

namespace KiWhi.Armoire.Tests.Firmware;

/// <summary>
/// Drives random sequences of card, key, server and clock events and checks the safety invariants
/// after every step: contactors open until a session closes them, closed only for an authorized
/// session, open at once when the central system de-authorizes it, all open after a loop fault.
/// </summary>
public class SafetyPropertyTests : CabinetTestBase
{
    private static readonly string[] Cards = { "04A1B2C3D4E5F6", "04B0B0B0B0B0B0", "04C1C2C3C4C5C6", "DEADBEEF" };
    private static readonly string[] Statuses = { "Accepted", "Accepted", "Accepted", "Invalid", "Blocked", "Expired", "ConcurrentTx" };
    private static readonly string[] Garbage =
    {
        "", "[", "{}", "[2]", "[2,\"x\"]", "[3,\"999\",{}]", "[4,\"1\",\"GenericError\",\"\",{}]",
        "[2,\"a\",\"Reset\",{\"type\":\"Hard\"}]", "[2,\"b\",\"RemoteStartTransaction\",{\"idTag\":\"X\",\"connectorId\":1}]",
        "[2,\"c\",\"UnlockConnector\",{\"connectorId\":1}]", "[7,\"x\",{}]", "[3,\"1\",{\"status\":\"Accepted\"}]",
        "\u00ff\u00fe", "[2,\"d\",\"ChangeAvailability\",{\"connectorId\":0,\"type\":\"Inoperative\"}]",
        "[2,\"" + new string('9', 40) + "\",\"Heartbeat\",{}]", "[3,\"2\",{\"idTagInfo\":{\"status\":\"Bogus\"}}]",
    };

    private readonly ITestOutputHelper _output;

    public static IEnumerable<object[]> Seeds => Enumerable.Range(1, 24).Select(seed => new object[] { seed });

    public SafetyPropertyTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Contactors_OpenBeforeStart()
    {
        var rig = NewRig(start: false);
        for (int bay = 1; bay <= rig.Configuration.BayCount; bay++)
        {
            rig.Contactors.Set(bay, true);
        }

        rig.Cabinet.Start();

        Assert.Empty(rig.Contactors.ClosedBays());
    }

    [Fact]
    public void InvalidConfiguration_FaultsEveryBay()
    {
        var rig = NewRig(configure: c => c.SpotNumbers = new[] { 7, 7 });

        rig.StartCharging(Cards[0], 7);

        Assert.Empty(rig.Contactors.ClosedBays());
        Assert.Contains("hors service", rig.Display.Line2);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RandomEvents_KeepInvariants(int seed)
    {
        var random = new Random(seed);
        var rig = NewRig(bays: 3, configure: c =>
        {
            c.MeterValueSampleIntervalSeconds = 30;
            c.StopTransactionOnInvalidId = seed % 2 == 0;
            c.MaxSessionsPerCard = 1 + seed % 3;
        });
        int injectedFaults = 0;

        for (int step = 0; step < 1500; step++)
        {
            string action = Step(rig, random, ref injectedFaults);
            string where = "seed " + seed + " step " + step + " after " + action;

            if (action == "fault")
            {
                Assert.True(rig.Contactors.ClosedBays().Length == 0, "contactor closed right after a loop fault, " + where);
            }

            CheckInvariants(rig, where);
            Assert.True(rig.Cabinet.LoopFaults == injectedFaults, "unexpected loop fault, " + where + "\n" + string.Join("\n", rig.Log.Lines.TakeLast(15)));
        }

        Assert.Empty(rig.Server.Violations);
        _output.WriteLine("seed " + seed + ": " + rig.Server.Calls.Count + " CALLs, "
            + rig.Server.CallsOf("StartTransaction").Count() + " starts, " + rig.Contactors.TotalClosureCount + " closures");
    }

    private static string Step(CabinetRig rig, Random random, ref int injectedFaults)
    {
        int roll = random.Next(100);
        if (roll < 20)
        {
            rig.Reader.Present(UidCard.FromHex(Cards[random.Next(Cards.Length)]));
            rig.Run(0.3);
            return "card presented";
        }

        if (roll < 30)
        {
            rig.Reader.Remove();
            rig.Run(1.3);
            return "card removed";
        }

        if (roll < 42)
        {
            int spot = random.Next(5) == 0 ? random.Next(0, 2000) : 101 + random.Next(rig.Configuration.BayCount);
            rig.Type(spot + "#");
            return "spot " + spot;
        }

        if (roll < 55)
        {
            const string keys = "0123456789*#";
            char key = random.Next(4) == 0 ? '#' : keys[random.Next(keys.Length)];
            rig.Keypad.Press(key);
            rig.Run(0.2);
            return "key " + key;
        }

        if (roll < 70)
        {
            rig.Run(random.Next(1, 90));
            return "time";
        }

        if (roll < 78)
        {
            string card = Cards[random.Next(Cards.Length)];
            rig.Server.AuthorizeStatus[card] = Statuses[random.Next(Statuses.Length)];
            rig.Server.StartStatus[card] = Statuses[random.Next(Statuses.Length)];
            return "server policy";
        }

        if (roll < 84)
        {
            if (rig.Server.Open)
            {
                rig.Server.Disconnect();
            }

            rig.Server.Reachable = random.Next(3) != 0;
            rig.Run(random.Next(1, 20));
            return "link drop";
        }

        if (roll < 90)
        {
            string action = random.Next(2) == 0 ? "StartTransaction" : "StopTransaction";
            if (!rig.Server.Silent.Remove(action))
            {
                rig.Server.Silent.Add(action);
            }

            if (!rig.Server.Failing.Remove("MeterValues") && random.Next(2) == 0)
            {
                rig.Server.Failing.Add("MeterValues");
            }

            return "server answers";
        }

        if (roll < 99)
        {
            if (rig.Server.Open)
            {
                rig.Server.SendRaw(Garbage[random.Next(Garbage.Length)]);
            }

            rig.Run(0.2);
            return "garbage";
        }

        injectedFaults++;
        rig.Cabinet.InjectFault("property test");
        return "fault";
    }

    private static void CheckInvariants(CabinetRig rig, string where)
    {
        for (int connectorId = 1; connectorId <= rig.Configuration.BayCount; connectorId++)
        {
            Bay bay = rig.Cabinet.GetBay(connectorId);
            if (!rig.Contactors.IsClosed(connectorId))
            {
                continue;
            }

            Assert.True(bay.HasSession, "bay " + connectorId + " closed without a session, " + where);
            Assert.True(bay.Status == BayStatus.Charging, "bay " + connectorId + " closed while " + bay.Status + ", " + where);
            // The answer that authorized the session is the last one for its idTag before the session began.
            var authorizing = rig.Server.AuthorizeAnswers.LastOrDefault(a => a.IdTag == bay.IdTag && a.Ms <= bay.StartMonotonicMs);
            Assert.True(authorizing.Status == "Accepted",
                "bay " + connectorId + " closed for an idTag not accepted (" + authorizing.Status + "), " + where + "\n" + string.Join("\n", rig.Log.Lines.TakeLast(12)));
            if (bay.HasTransactionId)
            {
                Assert.True(rig.Server.StartAnswers[bay.TransactionId] == "Accepted",
                    "bay " + connectorId + " closed after StartTransaction.conf was " + rig.Server.StartAnswers[bay.TransactionId] + ", " + where);
            }
        }
    }
}
