using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Tools.VirtualCabinet;

namespace KiWhi.Armoire.Tests.Simulation;

/// <summary>The command set against the simulations alone: the firmware does not run in these tests.</summary>
public sealed class VirtualCabinetCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kiwhi-vc-" + Guid.NewGuid().ToString("N"));
    private readonly LogBook _log = new(null);
    private readonly VirtualCabinetHost _host;
    private readonly StringWriter _output = new();
    private readonly CommandInterpreter _interpreter;

    public VirtualCabinetCommandTests()
    {
        var options = new VirtualCabinetOptions { BayCount = 2, CentralSystemUrl = "ws://127.0.0.1:9/ocpp" };
        _host = new VirtualCabinetHost(options, _log, _folder, runFirmware: false);
        _host.Start();
        _interpreter = new CommandInterpreter(_host, new ToolTexts("en"), _output, TimeSpan.FromMilliseconds(300));
    }

    public void Dispose()
    {
        _host.Dispose();
        _log.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, true);
        }
    }

    private sealed class KeyRecorder : IKeypadListener
    {
        public List<char> Keys { get; } = new();

        public void OnKeyPressed(char key) => Keys.Add(key);
    }

    [Fact]
    public void BadgePresentsPreset()
    {
        CommandOutcome outcome = _interpreter.Execute("badge bob");

        Assert.Equal(CommandOutcome.Continue, outcome);
        Assert.True(_host.Reader.CardInField);
        Assert.Contains("Card bob (04B0B000000002)", _output.ToString());
    }

    [Fact]
    public void BadgeAcceptsAnyUid()
    {
        _interpreter.Execute("badge 04A1B2C3D4E5F6");
        var identity = new CardIdentity();

        Assert.True(_host.Reader.TryDetectCard(identity));
        Assert.Equal(7, identity.UidLength);
    }

    [Fact]
    public void BadgeWithBadUidIsInvalid()
    {
        Assert.Equal(CommandOutcome.Invalid, _interpreter.Execute("badge 04A1B2"));
        Assert.False(_host.Reader.CardInField);
    }

    [Fact]
    public void RemoveTakesCardOff()
    {
        _interpreter.Execute("badge alice");

        _interpreter.Execute("remove");

        Assert.False(_host.Reader.CardInField);
    }

    [Theory]
    [InlineData("key 12#")]
    [InlineData("keys 12#")]
    [InlineData("  KEY   12#  ")]
    public void KeyTypesOnKeypad(string line)
    {
        var recorder = new KeyRecorder();
        _host.Keypad.Start(recorder);

        CommandOutcome outcome = _interpreter.Execute(line);

        Assert.Equal(CommandOutcome.Continue, outcome);
        Assert.Equal("12#", new string(recorder.Keys.ToArray()));
    }

    [Fact]
    public void InvalidKeyPressesNothing()
    {
        var recorder = new KeyRecorder();
        _host.Keypad.Start(recorder);

        CommandOutcome outcome = _interpreter.Execute("key 1A#");

        Assert.Equal(CommandOutcome.Invalid, outcome);
        Assert.Empty(recorder.Keys);
        Assert.Contains("no key \"A\"", _output.ToString());
    }

    [Fact]
    public void ExpectContactorSeesLaterClosure()
    {
        var patient = new CommandInterpreter(_host, new ToolTexts("en"), _output, Waits.Network);
        var closer = new Thread(() =>
        {
            Thread.Sleep(50);
            _host.Contactors.Set(2, true);
        });
        closer.Start();

        CommandOutcome outcome = patient.Execute("expect contactor 2 closed");
        closer.Join();

        Assert.Equal(CommandOutcome.Continue, outcome);
    }

    [Fact]
    public void ExpectContactorFailsAfterTimeout()
    {
        CommandOutcome outcome = _interpreter.Execute("expect contactor 1 closed");

        Assert.Equal(CommandOutcome.ExpectationFailed, outcome);
        Assert.Contains("FAILED: the contactor of bay 1 is not closed after 0.3 s", _output.ToString());
    }

    [Fact]
    public void ExpectDisplayMatchesText()
    {
        _host.Display.Show("Numero de place", "puis #");

        Assert.Equal(CommandOutcome.Continue, _interpreter.Execute("expect display numero  de PLACE"));
        Assert.Equal(CommandOutcome.ExpectationFailed, _interpreter.Execute("expect display Badgez"));
    }

    [Theory]
    [InlineData("expect contactor 3 closed")]
    [InlineData("expect contactor 1 ajar")]
    [InlineData("expect link half")]
    [InlineData("power 0 1000")]
    [InlineData("power 1 -5")]
    [InlineData("wait soon")]
    [InlineData("wait 4000")]
    [InlineData("dance")]
    [InlineData("remove now")]
    public void BadCommandIsInvalid(string line)
    {
        Assert.Equal(CommandOutcome.Invalid, _interpreter.Execute(line));
    }

    [Theory]
    [InlineData("badge", "Missing or extra arguments")]
    [InlineData("status now", "Missing or extra arguments")]
    [InlineData("power 1 1e30", "from 0 to 1000000")]
    [InlineData("dance", "Unknown command")]
    public void BadCommand_IsExplained(string line, string expected)
    {
        Assert.Equal(CommandOutcome.Invalid, _interpreter.Execute(line));

        Assert.Contains(expected, _output.ToString());
    }

    [Fact]
    public void PowerSetsBayPower()
    {
        _interpreter.Execute("power 2 3600");

        Assert.Equal(3600, _host.Meters.GetPowerW(2));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("# a comment")]
    public void BlankAndCommentDoNothing(string line)
    {
        Assert.Equal(CommandOutcome.Continue, _interpreter.Execute(line));
        Assert.Equal(string.Empty, _output.ToString());
    }

    [Fact]
    public void QuitEndsSession()
    {
        Assert.Equal(CommandOutcome.Quit, _interpreter.Execute("quit"));
    }

    [Fact]
    public void StatusShowsBays()
    {
        _host.Contactors.Set(1, true);

        _interpreter.Execute("status");

        Assert.Contains("   1       1  closed", _output.ToString());
        Assert.Contains("   2       2  open", _output.ToString());
    }

    [Fact]
    public void ScriptStopsAtFailedExpectation()
    {
        var script = new StringReader("# demo\nbadge alice\nexpect contactor 1 closed\nremove\n");

        int exitCode = ScriptRunner.Run(script, _interpreter, new ToolTexts("en"), _output, _log);

        Assert.Equal(ScriptRunner.ExpectationFailed, exitCode);
        Assert.Contains("Script stopped at line 3.", _output.ToString());
        Assert.True(_host.Reader.CardInField);
    }

    [Fact]
    public void ScriptWithUnknownCommandIsInvalid()
    {
        int exitCode = ScriptRunner.Run(new StringReader("badge alice\nfly away\n"), _interpreter, new ToolTexts("en"), _output, _log);

        Assert.Equal(ScriptRunner.InvalidScript, exitCode);
    }

    [Fact]
    public void ScriptEndsAtQuit()
    {
        int exitCode = ScriptRunner.Run(new StringReader("badge alice\nquit\nexpect contactor 1 closed\n"), _interpreter, new ToolTexts("en"), _output, _log);

        Assert.Equal(ScriptRunner.Success, exitCode);
        Assert.Contains("Script finished: 2 commands run.", _output.ToString());
    }

    [Fact]
    public void HelpIsFrenchByDefault()
    {
        var french = new CommandInterpreter(_host, new ToolTexts("fr"), _output, TimeSpan.FromMilliseconds(100));

        french.Execute("help");

        Assert.Contains("Pose une carte sur le lecteur", _output.ToString());
    }
}
