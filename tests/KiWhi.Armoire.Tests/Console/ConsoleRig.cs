using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Tests.Firmware;

namespace KiWhi.Armoire.Tests.Console;

/// <summary>
/// A <see cref="CabinetRig"/> with a technician console on a <see cref="SimulatedSerialLine"/>: lines
/// are typed as a terminal sends them (text then CR) and the loop runs in 10 ms steps until the
/// console is idle, so every test sees the whole answer.
/// </summary>
public sealed class ConsoleRig
{
    public const string Password = "Technicien-2026";
    public const int TypingStepMs = 10;

    /// <summary>Stored hash of <see cref="Password"/>, computed once with a fixed salt so transcripts do not depend on it.</summary>
    public static readonly string PasswordHash = HashPassword(Password);

    public ConsoleRig(string language = "fr", bool provisioned = true, Action<CabinetConfiguration>? configure = null, int bays = 2)
    {
        Rig = new CabinetRig(bays, c =>
        {
            c.Language = language;
            c.IsProvisioned = provisioned;
            if (provisioned)
            {
                c.BoardProfileName = "esp32-wrover-devkitc";
                c.WifiSsid = "Parking-B2";
                c.TechnicianPasswordHash = PasswordHash;
            }

            configure?.Invoke(c);
        }, start: false);
        Line = new SimulatedSerialLine();
        Rig.Hardware.ConsoleLine = Line;
    }

    public CabinetRig Rig { get; }
    public SimulatedSerialLine Line { get; }
    public InMemoryFileStorage Storage => (InMemoryFileStorage)Rig.Hardware.Storage;
    public TechnicianConsole Console => Rig.Cabinet.Console!;

    /// <summary>Starts the cabinet and returns what the console printed (banner and prompt, or the setup).</summary>
    public string Start()
    {
        Rig.Cabinet.Start();
        return Settle();
    }

    /// <summary>Types <paramref name="line"/> and Enter, and returns everything the console printed in answer.</summary>
    public string Type(string line)
    {
        Line.Inject(line + "\r");
        return Settle();
    }

    /// <summary>Sends raw bytes and returns the answer.</summary>
    public string Send(byte[] bytes)
    {
        Line.InjectBytes(bytes);
        return Settle();
    }

    /// <summary>Runs the cabinet for <paramref name="seconds"/> of simulated time and returns what the console printed meanwhile.</summary>
    public string Wait(double seconds)
    {
        Rig.Run(seconds);
        return Settle();
    }

    /// <summary>Logs in with the right password; fails the test when the session does not open.</summary>
    public void LogIn()
    {
        Type("login");
        string answer = Type(Password);
        Assert.True(Console.IsLoggedIn, "login failed:\n" + answer);
    }

    /// <summary>Runs the loop until the console is idle and no input waits; returns the output, CR LF turned into LF.</summary>
    public string Settle()
    {
        for (int i = 0; i < 100000; i++)
        {
            Rig.Cabinet.RunOnce();
            if (Line.PendingInputCount == 0 && Console.IsIdle)
            {
                return Line.TakeOutput().Replace("\r\n", "\n");
            }

            Rig.Clock.AdvanceMs(TypingStepMs);
        }

        throw new InvalidOperationException("the console never became idle; output so far:\n" + Line.PeekOutput());
    }

    private static string HashPassword(string password)
    {
        var hasher = new TechnicianPassword();
        hasher.BeginHash(password, new SeededRandomSource(2026), TechnicianPassword.DefaultIterations);
        while (!hasher.Step(TechnicianPassword.DefaultIterations))
        {
        }

        return hasher.Record!;
    }
}
