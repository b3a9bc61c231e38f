using System.Text;
using KiWhi.Armoire.Firmware;

namespace KiWhi.Armoire.Tests.Console;

public class OcppFrameLogTests
{
    private static string Record(OcppFrameLog log, string frame, bool outgoing = true)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(frame);
        log.Record(outgoing, bytes, 0, bytes.Length, 1234);
        return log.GetText(log.Count - 1, out _, out _, out _, out _);
    }

    [Fact]
    public void ShortFrame_IsKeptWhole()
    {
        var log = new OcppFrameLog();

        string text = Record(log, "[2,\"1\",\"Heartbeat\",{}]");

        Assert.Equal("[2,\"1\",\"Heartbeat\",{}]", text);
        log.GetText(0, out bool outgoing, out int length, out bool masked, out long timeMs);
        Assert.True(outgoing);
        Assert.Equal(22, length);
        Assert.False(masked);
        Assert.Equal(1234, timeMs);
    }

    [Fact]
    public void LongFrame_IsCutWithoutSplittingACharacter()
    {
        var log = new OcppFrameLog();
        string frame = new string('a', OcppFrameLog.MaxStoredBytes - 1) + "é and more";

        string text = Record(log, frame);

        Assert.Equal(new string('a', OcppFrameLog.MaxStoredBytes - 1), text);
    }

    [Theory]
    [InlineData("[2,\"9\",\"ChangeConfiguration\",{\"key\":\"AuthorizationKey\",\"value\":\"00112233445566778899AABBCCDDEEFF\"}]")]
    [InlineData("[2,\"9\",\"changeconfiguration\",{\"key\":\"Authorization\\u004bey\",\"value\":\"00112233445566778899AABBCCDDEEFF\"}]")]
    [InlineData("[3,\"9\",{\"AUTHORIZATIONKEY\":\"00112233445566778899AABBCCDDEEFF\"}]")]
    public void SecretValue_NeverReachesTheLog(string frame)
    {
        var log = new OcppFrameLog();

        string text = Record(log, frame, outgoing: false);

        Assert.DoesNotContain("0011", text);
        log.GetText(0, out _, out _, out bool masked, out _);
        Assert.True(masked);
    }

    [Fact]
    public void ControlCharacters_AreReplaced()
    {
        var log = new OcppFrameLog();

        string text = Record(log, "[2,\"1\",\"\u001b[2J\",{}]", outgoing: false);

        Assert.DoesNotContain('\u001b', text);
    }

    [Fact]
    public void Ring_KeepsTheLatestFrames()
    {
        var log = new OcppFrameLog();
        for (int i = 0; i < OcppFrameLog.Capacity + 3; i++)
        {
            Record(log, "[2,\"" + i + "\",\"Heartbeat\",{}]");
        }

        Assert.Equal(OcppFrameLog.Capacity, log.Count);
        Assert.Equal("[2,\"3\",\"Heartbeat\",{}]", log.GetText(0, out _, out _, out _, out _));
    }
}
