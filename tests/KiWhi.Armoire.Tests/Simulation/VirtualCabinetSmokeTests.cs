using System.Diagnostics;
using KiWhi.Armoire.Tools.Bench;
using KiWhi.Armoire.Tools.VirtualCabinet;

namespace KiWhi.Armoire.Tests.Simulation;

/// <summary>
/// The virtual cabinet with the real firmware and the in-process bench central system: a scripted
/// resident session from badge to StopTransaction. The script waits for the firmware's French bay
/// prompt ("N° place puis #"), because keys typed while Authorize is pending are ignored.
/// </summary>
public sealed class VirtualCabinetSmokeTests : IDisposable
{
    private const string SessionScript =
        "expect registration Accepted\n" +
        "badge alice\n" +
        "expect display place puis #\n" +
        "key 1#\n" +
        "expect contactor 1 closed\n" +
        "badge alice\n" +
        "expect contactor 1 open\n";

    // Upper bound of each expect line, not a timing: passing runs take a few seconds. A loaded CI
    // machine can stall the first WebSocket handshake until the transport's 30 s ConnectTimeout, and
    // the cabinet then retries after its back-off (10 s ±25 %), so the bound covers one retry.
    private const int ExpectTimeoutSeconds = 60;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kiwhi-vc-smoke-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, true);
        }
    }

    [Fact]
    public async Task ScriptedSessionReachesBench()
    {
        using var log = new LogBook(null);
        var options = new VirtualCabinetOptions { BayCount = 2, ExpectTimeoutSeconds = ExpectTimeoutSeconds };
        using var host = new VirtualCabinetHost(options, log, _folder);
        host.Start();
        var output = new StringWriter();
        var interpreter = new CommandInterpreter(host, new ToolTexts("en"), output, TimeSpan.FromSeconds(ExpectTimeoutSeconds));

        int exitCode = ScriptRunner.Run(new StringReader(SessionScript), interpreter, new ToolTexts("en"), output, log);
        ChargePointSnapshot snapshot = await host.Bench!.WaitForChargePointAsync(
            VirtualCabinetOptions.DefaultIdentity, s => s.Transactions.Count == 1 && s.Transactions[0].IsStopped, Waits.Network);

        Assert.True(exitCode == ScriptRunner.Success, output.ToString());
        Assert.Equal("04A11CE5000001", snapshot.Transactions[0].IdTag);
        Assert.Equal(1, snapshot.Transactions[0].ConnectorId);
        Assert.Equal("Local", snapshot.Transactions[0].StopReason);
    }

    [Fact]
    public async Task CloneAndBlankCardsNeverReachTheBench()
    {
        using var log = new LogBook(null);
        var options = new VirtualCabinetOptions { BayCount = 2, ExpectTimeoutSeconds = ExpectTimeoutSeconds };
        using var host = new VirtualCabinetHost(options, log, _folder);
        host.Start();
        var output = new StringWriter();
        var interpreter = new CommandInterpreter(host, new ToolTexts("en"), output, TimeSpan.FromSeconds(ExpectTimeoutSeconds));
        const string script =
            "expect registration Accepted\n" +
            "badge alice-clone\n" +
            "expect display non\n" +
            "key 1#\n" +
            "wait 1\n" +
            "badge blank\n" +
            "expect display non\n" +
            "key 2#\n" +
            "wait 1\n" +
            "expect contactor 1 open\n" +
            "expect contactor 2 open\n";

        int exitCode = ScriptRunner.Run(new StringReader(script), interpreter, new ToolTexts("en"), output, log);
        ChargePointSnapshot snapshot = await host.Bench!.WaitForChargePointAsync(VirtualCabinetOptions.DefaultIdentity, s => true, Waits.Network);

        Assert.True(exitCode == ScriptRunner.Success, output.ToString());
        Assert.Empty(snapshot.Transactions);
        Assert.DoesNotContain(host.Bench.Frames, f => f.Text.Contains("\"Authorize\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExecutableExitsNonZeroOnFailedExpectation()
    {
        string script = Path.Combine(Path.GetTempPath(), "kiwhi-vc-script-" + Guid.NewGuid().ToString("N") + ".txt");
        await File.WriteAllTextAsync(script, "expect registration Accepted\nexpect contactor 1 closed\n");
        try
        {
            (int exitCode, string output) = await RunExecutableAsync("--script", script, "--lang", "en", "--expect-timeout", "1");

            Assert.Equal(ScriptRunner.ExpectationFailed, exitCode);
            Assert.Contains("FAILED: the contactor of bay 1 is not closed after 1 s", output);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public async Task ExecutableRunsScriptFromStandardInput()
    {
        (int exitCode, string output) = await RunExecutableAsync(SessionScript, "--script", "-");

        Assert.True(exitCode == ScriptRunner.Success, output);
        Assert.Contains("Script terminé : 7 commandes exécutées.", output);
    }

    [Fact]
    public async Task ExampleScriptPasses()
    {
        string example = Path.Combine(RepositoryRoot(), "tools", "VirtualCabinet", "examples", "session.txt");

        (int exitCode, string output) = await RunExecutableAsync("--script", example);

        Assert.True(exitCode == ScriptRunner.Success, output);
    }

    private static string RepositoryRoot()
    {
        DirectoryInfo? folder = new(AppContext.BaseDirectory);
        while (folder != null && !File.Exists(Path.Combine(folder.FullName, "KiWhi.Armoire.sln")))
        {
            folder = folder.Parent;
        }

        Assert.True(folder != null, "KiWhi.Armoire.sln not found above " + AppContext.BaseDirectory);
        return folder!.FullName;
    }

    private static async Task<(int ExitCode, string Output)> RunExecutableAsync(params string[] args)
    {
        string input = null!;
        if (args.Length > 0 && args[0].Contains('\n'))
        {
            input = args[0];
            args = args[1..];
        }

        string assembly = Path.Combine(AppContext.BaseDirectory, "KiWhi.Armoire.VirtualCabinet.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(assembly);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (input != null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("The virtual cabinet did not exit within 60 s.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
