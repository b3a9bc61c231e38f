using System.Text;
using KiWhi.Armoire.Firmware;

namespace KiWhi.Armoire.Tests.Console;

public class ConsoleInputTests
{
    [Fact]
    public void Flood_Reads64BytesPerIteration()
    {
        var rig = new ConsoleRig();
        rig.Start();
        rig.Line.InjectBytes(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("status\r", 2000))));

        for (int i = 0; i < 200; i++)
        {
            int before = rig.Line.PendingInputCount;
            rig.Rig.Cabinet.RunOnce();
            Assert.InRange(before - rig.Line.PendingInputCount, 0, TechnicianConsole.MaxInputBytesPerPoll);
        }
    }

    [Fact]
    public void Flood_LeavesTheCabinetCharging()
    {
        var rig = new ConsoleRig();
        rig.Start();
        rig.Rig.StartCharging("04A1B2C3D4E5F6", 101);
        Assert.True(rig.Rig.IsClosed(1));

        rig.Line.InjectBytes(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("help\r", 5000))));
        rig.Rig.Run(5);

        Assert.True(rig.Rig.IsClosed(1));
        Assert.Equal(0, rig.Rig.Cabinet.LoopFaults);
    }

    [Fact]
    public void RandomBytes_NeverFaultTheLoop()
    {
        var random = new Random(1337);
        var rig = new ConsoleRig();
        rig.Start();
        rig.LogIn();
        for (int round = 0; round < 50; round++)
        {
            byte[] garbage = new byte[random.Next(1, 600)];
            random.NextBytes(garbage);
            rig.Send(garbage);
        }

        Assert.Equal(0, rig.Rig.Cabinet.LoopFaults);
        Assert.DoesNotContain(rig.Rig.Log.Lines, line => line.Contains("console error", StringComparison.Ordinal));
        Assert.Contains("Micrologiciel", rig.Type("\u0003status"));
    }

    [Fact]
    public void Output_Writes256BytesPerIteration()
    {
        // English, so that every byte is ASCII and a chunk never splits a character.
        var rig = new ConsoleRig("en");
        rig.Start();
        rig.LogIn();
        rig.Line.Inject("config list\r");

        int longest = 0;
        for (int i = 0; i < 100; i++)
        {
            rig.Rig.Cabinet.RunOnce();
            longest = Math.Max(longest, Encoding.UTF8.GetByteCount(rig.Line.TakeOutput()));
        }

        Assert.Equal(TechnicianConsole.MaxFlushBytesPerPoll, longest);
    }

    [Fact]
    public void Editor_BackspaceErasesAWholeUtf8Character()
    {
        var editor = new ConsoleLineEditor();
        var output = new ConsoleOutput(256, 256);

        foreach (byte b in Encoding.UTF8.GetBytes("aé€"))
        {
            editor.Feed(b, output);
        }

        editor.Feed(0x7F, output);
        editor.Feed(0x08, output);
        Assert.Equal(LineEditorEvent.LineComplete, editor.Feed(13, output));
        Assert.Equal("a", editor.TakeLine());
    }

    [Fact]
    public void Editor_CrLfEndsOneLine()
    {
        var editor = new ConsoleLineEditor();
        var output = new ConsoleOutput(256, 256);

        editor.Feed((byte)'x', output);

        Assert.Equal(LineEditorEvent.LineComplete, editor.Feed(13, output));
        Assert.Equal(LineEditorEvent.None, editor.Feed(10, output));
        Assert.Equal(LineEditorEvent.LineComplete, editor.Feed(10, output));
    }

    [Fact]
    public void Editor_FlagsAnOverlongLine()
    {
        var editor = new ConsoleLineEditor();
        var output = new ConsoleOutput(1024, 256);

        for (int i = 0; i < ConsoleLineEditor.MaxLineBytes + 10; i++)
        {
            editor.Feed((byte)'x', output);
        }

        Assert.True(editor.Overflowed);
        Assert.Equal(ConsoleLineEditor.MaxLineBytes, editor.TakeLine().Length);
        Assert.False(editor.Overflowed);
    }

    [Fact]
    public void Editor_HiddenInputIsNotEchoed()
    {
        var editor = new ConsoleLineEditor { Echo = false };
        var output = new ConsoleOutput(256, 256);
        var line = new Hal.Simulation.SimulatedSerialLine();

        foreach (byte b in Encoding.ASCII.GetBytes("secret"))
        {
            editor.Feed(b, output);
        }

        editor.Feed(13, output);
        output.Flush(line);
        Assert.Equal("\r\n", line.TakeOutput());
        Assert.Equal("secret", editor.TakeLine());
    }

    [Fact]
    public void Output_DropsWhatDoesNotFit()
    {
        var output = new ConsoleOutput(ConsoleOutput.ReserveBytes + 100, 64);

        Assert.True(output.Write(new string('x', 90), false));
        Assert.False(output.Write(new string('y', 20), false));
        Assert.True(output.Truncated);
        Assert.True(output.Write("prompt> ", true));
    }
}
