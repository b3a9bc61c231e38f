using System.Collections.Concurrent;
using System.Diagnostics;
using KiWhi.Armoire.Hal.Simulation;
using Xunit.Abstractions;

namespace KiWhi.Armoire.Tests.Journal;

public sealed class PowerCutScenarioTests
{
    private readonly ITestOutputHelper _output;

    public PowerCutScenarioTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public void Scenario_DeliversEverySessionWithoutExtraCut()
    {
        CabinetWorld world = PowerCutScenario.Run(cutUnit: null, TearMode.Prefix, validateSchemas: true);

        List<string> problems = PowerCutScenario.Check(world);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(world.Server.Violations.Count == 0, string.Join("\n", world.Server.Violations));
        Assert.Equal(PowerCutScenario.Sessions, world.Contactors.History.Count(e => e.Closed));
        Assert.Equal(1 + PowerCutScenario.PlannedCuts.Length, world.Boots.Count);
        Assert.Contains(world.Server.CallsOf("StopTransaction"), c => c.Str("reason") == "PowerLoss");
        _output.WriteLine("scenario: " + world.UnitsWritten + " flash units (bytes written plus deletes), "
            + world.Server.TransactionCalls.Count() + " transaction messages");
    }

    // For every flash unit the scenario writes, in turn: cut the power while that unit is written,
    // reboot on what survives, play the rest of the script, and check the delivery. Even units tear
    // the write to an exact prefix, odd ones leave a torn flash page of random bits.
    [Fact]
    public void EveryCutPoint_DeliversEverySessionOnce()
    {
        long units = PowerCutScenario.Run(cutUnit: null, TearMode.Prefix).UnitsWritten;
        var failures = new ConcurrentQueue<string>();
        int tried = 0;
        int duplicates = 0;
        var watch = Stopwatch.StartNew();

        Parallel.For(0, units, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, (cut, state) =>
        {
            TearMode mode = cut % 2 == 0 ? TearMode.Prefix : TearMode.TornPage;
            CabinetWorld world = PowerCutScenario.Run(cut, mode);
            Interlocked.Increment(ref tried);
            if (!world.ArmedCutHappened)
            {
                failures.Enqueue("cut at unit " + cut + " never happened");
                return;
            }

            var check = new DeliveryCheck(world);
            List<string> problems = check.Run();
            Interlocked.Add(ref duplicates, check.InFlightDuplicates);
            if (problems.Count > 0)
            {
                failures.Enqueue("cut at unit " + cut + " (" + mode + "):\n  " + string.Join("\n  ", problems.Take(5)));
                if (failures.Count >= 10)
                {
                    state.Stop();
                }
            }
        });

        string summary = "power-cut test: " + tried + " of " + units + " cut points tried in " + watch.Elapsed.TotalSeconds.ToString("F1")
            + " s on " + Environment.ProcessorCount + " cores; in-flight messages sent twice: " + duplicates;
        _output.WriteLine(summary);
        System.Console.WriteLine(summary);
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(10)));
        Assert.Equal(units, tried);
    }
}
