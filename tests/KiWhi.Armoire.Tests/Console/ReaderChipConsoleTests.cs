using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Console;

/// <summary>"test reader" first shows the reader chip from its VersionReg, and stops at once when no chip responds.</summary>
public class ReaderChipConsoleTests
{
    [Theory]
    [InlineData("en", 0x91, "Reader: MFRC522 version 1.0 (VersionReg 0x91).")]
    [InlineData("en", 0x92, "Reader: MFRC522 version 2.0 (VersionReg 0x92).")]
    [InlineData("fr", 0x92, "Lecteur : MFRC522 version 2.0 (VersionReg 0x92).")]
    public void GenuineChip_ShownThenCardAwaited(string language, int versionReg, string expectedLine)
    {
        var rig = StartedRig(language, versionReg);

        string answer = rig.Type("test reader");

        Assert.Contains(expectedLine + "\n", answer);
        Assert.True(rig.Console.IsTestingReader, answer);
    }

    [Theory]
    [InlineData(0x88, "Reader: MFRC522 clone (VersionReg 0x88). It may read cards, but only the NXP MFRC522 (0x91 or 0x92) is supported.")]
    [InlineData(0x12, "Reader: MFRC522 clone (VersionReg 0x12). It may read cards, but only the NXP MFRC522 (0x91 or 0x92) is supported.")]
    [InlineData(0x90, "Reader: unknown chip (VersionReg 0x90), not an NXP MFRC522 (0x91 or 0x92).")]
    public void OtherChip_WarnedButCardStillAwaited(int versionReg, string expectedLine)
    {
        var rig = StartedRig("en", versionReg);

        string answer = rig.Type("test reader");

        Assert.Contains(expectedLine + "\n", answer);
        Assert.Contains("Present a card to the reader", answer);
        Assert.True(rig.Console.IsTestingReader, answer);
    }

    [Theory]
    [InlineData(0x00, "0x00")]
    [InlineData(0xFF, "0xFF")]
    public void SilentBus_EndsTheTest(int versionReg, string shownValue)
    {
        var rig = StartedRig("en", versionReg);

        string answer = rig.Type("test reader");

        Assert.Contains("The reader does not respond on the SPI bus (VersionReg " + shownValue + "): check its 3.3 V supply and its SPI wiring. Test cancelled.\n", answer);
        Assert.DoesNotContain("Present a card", answer);
        Assert.False(rig.Console.IsTestingReader, answer);
    }

    [Fact]
    public void FailedReader_EndsTheTestInFrench()
    {
        var rig = StartedRig("fr", ReaderChipVersion.Mfrc522Version2);
        rig.Rig.Reader.ReaderFailed = true;

        string answer = rig.Type("test reader");

        Assert.Contains("Le lecteur ne répond pas sur le bus SPI (VersionReg 0x00) : vérifiez son alimentation 3,3 V et son câblage SPI. Test annulé.\n", answer);
        Assert.False(rig.Console.IsTestingReader, answer);
    }

    [Fact]
    public void ReaderWithoutDiagnostics_NoChipLine()
    {
        var rig = new ConsoleRig("en");
        rig.Rig.Hardware.CardReader = new PlainReader(rig.Rig.Reader);
        rig.Start();
        rig.LogIn();

        string answer = rig.Type("test reader");

        Assert.DoesNotContain("VersionReg", answer);
        Assert.True(rig.Console.IsTestingReader, answer);
    }

    [Fact]
    public void ChipLine_Logged()
    {
        var rig = StartedRig("en", ReaderChipVersion.Fm17522Clone);

        rig.Type("test reader");

        Assert.Contains(rig.Rig.Log.Lines, line => line.Contains("reader test: FM17522 clone of the MFRC522 (VersionReg 0x88)", StringComparison.Ordinal));
    }

    private static ConsoleRig StartedRig(string language, int versionReg)
    {
        var rig = new ConsoleRig(language);
        rig.Rig.Reader.ChipVersion = versionReg;
        rig.Start();
        rig.LogIn();
        return rig;
    }

    // A reader that implements only ICardTransceiver, like an adapter that cannot read its chip version.
    private sealed class PlainReader : ICardTransceiver
    {
        private readonly SimulatedCardReader _inner;

        public PlainReader(SimulatedCardReader inner)
        {
            _inner = inner;
        }

        public bool TryDetectCard(CardIdentity card) => _inner.TryDetectCard(card);

        public int Transceive(byte[] command, int commandLength, byte[] response, int timeoutMs, bool withCrc) =>
            _inner.Transceive(command, commandLength, response, timeoutMs, withCrc);

        public void Halt() => _inner.Halt();
    }
}
