using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using KiWhi.Armoire.Tests.Nano;
using Xunit.Abstractions;

namespace KiWhi.Armoire.Tests.Console;

/// <summary>
/// A technician's session on the virtual cabinet in a real terminal: tmux runs the tool in a
/// 160x50 pane, keys are sent with send-keys and the screen is read with capture-pane. Each test
/// uses its own tmux server (its own socket), which it kills at the end.
/// </summary>
public sealed class TmuxConsoleTests : IDisposable
{
    private const string Password = "Technicien-2026";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ITestOutputHelper _output;
    private readonly string _socket = "kiwhi-console-" + Guid.NewGuid().ToString("N");
    private readonly string _stateFolder = Path.Combine(Path.GetTempPath(), "kiwhi-tmux-" + Guid.NewGuid().ToString("N"));
    private bool _started;

    public TmuxConsoleTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public void Dispose()
    {
        if (_started)
        {
            _output.WriteLine("last screen:\n" + Capture());
            Tmux("kill-server");
        }

        if (Directory.Exists(_stateFolder))
        {
            Directory.Delete(_stateFolder, true);
        }
    }

    [Fact]
    public void Technician_UsesTheConsoleInFrench()
    {
        StartVirtualCabinet("fr");

        Type("console");
        WaitFor("Console technicien : le clavier va maintenant à la console de l'armoire");
        WaitFor("VIRTUAL-01> ");

        Type("test relay 1");
        WaitFor("« test » demande une session technicien : tapez d'abord « login ».");

        Type("login");
        WaitFor("Mot de passe :");
        Type(Password);
        WaitFor("Session technicien ouverte ; elle se ferme après 300 s sans frappe.");

        Type("test relay 1 2");
        WaitFor("Contacteur de la borne 1 (place 1) fermé pour 2 s.");
        WaitFor("Contacteur de la borne 1 ouvert.");

        Type("config set MeterValueSampleInterval 30");
        WaitFor("MeterValueSampleInterval = 30 s enregistré.");

        // A typo corrected with Backspace, as a technician would.
        Keys("-l", "statuz");
        Keys("BSpace");
        Type("s");
        WaitFor("Fautes de boucle    0");

        Type("logout");
        WaitFor("Session technicien fermée.");

        Keys("C-]");
        WaitFor("Retour aux commandes de l'armoire virtuelle.");
        Assert.DoesNotContain(Password, Capture());

        Type("quit");
        WaitForExit();
    }

    [Fact]
    public void Technician_UsesTheConsoleInEnglish()
    {
        StartVirtualCabinet("en");

        Type("console");
        WaitFor("VIRTUAL-01> ");
        Type("login");
        WaitFor("Password:");
        Type("not-the-password");
        WaitFor("Wrong password.");
        Type("login");
        Type(Password);
        WaitFor("Technician session opened");

        Type("config set HeartbeatInterval 99999");
        WaitFor("HeartbeatInterval: 99999 s is outside 0 s to 86400 s: type a value in that range.");
        Type("bays");
        WaitFor("Bay 2 (spot 2): available, contactor open");

        // Ctrl+C drops the line being typed.
        Keys("-l", "reboot");
        Keys("C-c");
        WaitFor("reboot^C");
        Type("time");
        WaitFor("UTC time");

        Keys("C-]");
        WaitFor("Back to the virtual cabinet's commands.");
        Type("quit");
        WaitForExit();
    }

    [Fact]
    public void Installer_RunsTheFirstBootSetup()
    {
        StartVirtualCabinet("en", "--first-boot");
        string bench = Regex.Match(Capture(), @"ws://127\.0\.0\.1:\d+/ocpp").Value;

        // A freshly flashed cabinet speaks French until the first answer chooses the language.
        Type("console");
        WaitFor("Première mise en service : aucune configuration n'est enregistrée.");
        WaitFor("Langue de la console et des écrans (fr, en) [fr] :");
        Type("en");
        WaitFor("Board (");
        Type("esp32-wrover-devkitc");
        WaitFor("Wi-Fi network name (SSID):");
        Type("Parking-B2");
        WaitFor("Wi-Fi password (hidden input, empty for an open network):");
        Type("motdepasse-wifi");
        WaitFor("Central system URL (ws:// or wss://):");
        Type(bench);
        WaitFor("Charge-point identity");
        Type("ARMOIRE-07");
        WaitFor("AuthorizationKey for Basic authentication");
        Keys("Enter");
        WaitFor("KiWhi Pass card master key (32 hexadecimal digits, hidden input):");
        Type("4B695768692D44454D4F2D4F4E4C5921");
        WaitFor("Number of bays (1 to 2)");
        Type("2");
        WaitFor("Spot number of bay 1");
        Type("101");
        WaitFor("Spot number of bay 2 [102]:");
        Keys("Enter");
        WaitFor("Technician password (8 bytes at least, hidden input):");
        Type(Password);
        WaitFor("Confirm the technician password:");
        Type(Password);
        WaitFor("Save this configuration and reboot? (yes, no):");
        Type("yes");
        WaitFor("Configuration saved.");

        // The firmware reboots on the configuration it saved: provisioned, online, with the new password.
        WaitFor("KiWhi Armoire 0.1.0, charge point ARMOIRE-07.");
        Type("login");
        Type(Password);
        WaitFor("Technician session opened");
        Type("status");
        WaitFor("Registration        Accepted");
        Assert.DoesNotContain("motdepasse-wifi", Capture());
        Assert.DoesNotContain(Password, Capture());

        Keys("C-]");
        Type("quit");
        WaitForExit();
    }

    private void StartVirtualCabinet(string language, string extraOptions = "")
    {
        string dll = VirtualCabinetAssembly();
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        string credentials = extraOptions.Length == 0 ? " --technician-password " + Password : " " + extraOptions;
        string command = Quote(dotnet) + " " + Quote(dll) + " --lang " + language + " --bays 2" + credentials
            + " --state " + Quote(_stateFolder) + "; echo \"virtual cabinet exited with status $?\"";

        Tmux("-f", "/dev/null", "new-session", "-d", "-s", "cabinet", "-x", "160", "-y", "50", command);
        _started = true;
        Tmux("set-option", "-t", "cabinet", "remain-on-exit", "on");
        WaitFor(language == "fr" ? "quit                     Arrête l'armoire virtuelle." : "quit                     Stop the virtual cabinet.");
    }

    private void Type(string text)
    {
        Keys("-l", text);
        Keys("Enter");
    }

    private void Keys(params string[] keys)
    {
        var arguments = new List<string> { "send-keys", "-t", "cabinet" };
        arguments.AddRange(keys);
        Tmux(arguments.ToArray());
    }

    private void WaitFor(string text)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < Patience)
        {
            if (Capture().Contains(text, StringComparison.Ordinal))
            {
                return;
            }

            Thread.Sleep(100);
        }

        Assert.Fail("the terminal did not show \"" + text + "\" within " + Patience.TotalSeconds + " s; screen:\n" + Capture());
    }

    // The pane's shell prints the tool's exit status (tmux 3.3a has no reliable pane_dead_status).
    private void WaitForExit()
    {
        WaitFor("virtual cabinet exited with status ");
        Assert.Contains("virtual cabinet exited with status 0", Capture());
    }

    private string Capture()
    {
        return Tmux("capture-pane", "-p", "-J", "-S", "-200", "-t", "cabinet");
    }

    private string Tmux(params string[] arguments)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(_socket);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("tmux could not be started");
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && arguments[0] != "kill-server")
        {
            throw new InvalidOperationException("tmux " + string.Join(" ", arguments) + " failed (" + process.ExitCode + "): " + error
                + " Is tmux installed? tests/run.sh installs it with apt-get.");
        }

        return output;
    }

    // The tool's own build output, in the configuration of this test assembly; the test project
    // references the tool, so the build produced it.
    private static string VirtualCabinetAssembly()
    {
        string configuration = typeof(TmuxConsoleTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        string path = Path.Combine(RepositoryLayout.Root, "tools", "VirtualCabinet", "bin", configuration, "net10.0", "KiWhi.Armoire.VirtualCabinet.dll");
        Assert.True(File.Exists(path), path + " is missing: build the solution first");
        return path;
    }

    private static string Quote(string argument)
    {
        return "'" + argument.Replace("'", "'\\''") + "'";
    }
}
