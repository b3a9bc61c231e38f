using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Simulation;

public class SimulatedKeypadTests
{
    private sealed class KeyRecorder : IKeypadListener
    {
        public List<char> Keys { get; } = new();

        public void OnKeyPressed(char key) => Keys.Add(key);
    }

    [Fact]
    public void KeysBeforeStartAreLost()
    {
        var keypad = new SimulatedKeypad();

        bool delivered = keypad.Press('1');

        Assert.False(delivered);
        Assert.Equal(1, keypad.LostKeyCount);
    }

    [Fact]
    public void TypeDeliversKeysInOrder()
    {
        var keypad = new SimulatedKeypad();
        var recorder = new KeyRecorder();
        keypad.Start(recorder);

        bool delivered = keypad.Type("12#*0");

        Assert.True(delivered);
        Assert.Equal("12#*0", new string(recorder.Keys.ToArray()));
    }

    [Fact]
    public void InvalidKeyThrows()
    {
        var keypad = new SimulatedKeypad();
        keypad.Start(new KeyRecorder());

        Assert.Throws<ArgumentException>(() => keypad.Press('A'));
    }

    [Fact]
    public void TypeWithInvalidKeyPressesNothing()
    {
        var keypad = new SimulatedKeypad();
        var recorder = new KeyRecorder();
        keypad.Start(recorder);

        Assert.Throws<ArgumentException>(() => keypad.Type("12x#"));
        Assert.Empty(recorder.Keys);
    }

    [Fact]
    public void StopLosesLaterKeys()
    {
        var keypad = new SimulatedKeypad();
        var recorder = new KeyRecorder();
        keypad.Start(recorder);

        keypad.Press('1');
        keypad.Stop();
        keypad.Press('2');

        Assert.Equal(new[] { '1' }, recorder.Keys);
        Assert.False(keypad.IsStarted);
    }
}
