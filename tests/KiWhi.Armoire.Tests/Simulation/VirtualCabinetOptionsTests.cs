using KiWhi.Armoire.Tools.VirtualCabinet;

namespace KiWhi.Armoire.Tests.Simulation;

public class VirtualCabinetOptionsTests
{
    private static readonly ToolTexts English = new("en");

    [Fact]
    public void DefaultsAreFourBaysInFrench()
    {
        VirtualCabinetOptions options = VirtualCabinetOptions.Parse(Array.Empty<string>(), English);

        Assert.Equal(new[] { 1, 2, 3, 4 }, options.EffectiveSpotNumbers());
        Assert.Equal("fr", options.Language);
        Assert.Null(options.CentralSystemUrl);
        Assert.Null(options.ScriptPath);
    }

    [Fact]
    public void SpotsSetBayCount()
    {
        VirtualCabinetOptions options = VirtualCabinetOptions.Parse(new[] { "--spots", "101, 102,205" }, English);

        Assert.Equal(3, options.BayCount);
        Assert.Equal(new[] { 101, 102, 205 }, options.EffectiveSpotNumbers());
    }

    [Fact]
    public void OptionsAreRead()
    {
        VirtualCabinetOptions options = VirtualCabinetOptions.Parse(
            new[] { "--bays", "2", "--lang", "en", "--identity", "CAB-7", "--csms", "ws://127.0.0.1:9000/ocpp/", "--script", "-", "--power", "11000", "--meter-interval", "0" },
            English);

        Assert.Equal(2, options.BayCount);
        Assert.Equal("en", options.Language);
        Assert.Equal("CAB-7", options.Identity);
        Assert.Equal("ws://127.0.0.1:9000/ocpp", options.CentralSystemUrl);
        Assert.Equal("-", options.ScriptPath);
        Assert.Equal(11000, options.PowerW);
        Assert.Equal(0, options.MeterValueSampleIntervalSeconds);
    }

    [Theory]
    [InlineData("--bays", "0")]
    [InlineData("--bays", "100")]
    [InlineData("--spots", "1,1")]
    [InlineData("--spots", "1,x")]
    [InlineData("--spots", "0")]
    [InlineData("--lang", "de")]
    [InlineData("--csms", "http://127.0.0.1:9000/ocpp")]
    [InlineData("--identity", "CABINET-WITH-A-LONG-NAME")]
    [InlineData("--identity", "A/B")]
    [InlineData("--power", "-1")]
    [InlineData("--expect-timeout", "0")]
    [InlineData("--unknown", "1")]
    [InlineData("--bays")]
    [InlineData("--csms", "ws://127.0.0.1:1/x?y#z")]
    [InlineData("--csms", "ws://127.0.0.1:99999/")]
    [InlineData("--identity", "a:b")]
    [InlineData("--power", "1e30")]
    [InlineData("--state", "KiWhi.Armoire.Tests.dll")]
    [InlineData("extra")]
    public void BadArgumentThrows(params string[] args)
    {
        Assert.Throws<ArgumentException>(() => VirtualCabinetOptions.Parse(args, English));
    }

    [Fact]
    public void SpotCountMustMatchBays()
    {
        var exception = Assert.Throws<ArgumentException>(() => VirtualCabinetOptions.Parse(new[] { "--bays", "3", "--spots", "1,2" }, English));

        Assert.Contains("--spots gives 2 spots", exception.Message);
    }

    [Theory]
    [InlineData(new[] { "--lang", "en" }, "en")]
    [InlineData(new[] { "--bays", "x", "--lang", "en" }, "en")]
    [InlineData(new[] { "--lang", "xx" }, "fr")]
    [InlineData(new string[0], "fr")]
    public void PeekLanguageFindsLang(string[] args, string language)
    {
        Assert.Equal(language, VirtualCabinetOptions.PeekLanguage(args));
    }

    [Fact]
    public void UidOnlyFlagTakesNoValue()
    {
        VirtualCabinetOptions options = VirtualCabinetOptions.Parse(new[] { "--uid-only", "--bays", "1" }, English);

        Assert.True(options.UidOnly);
        Assert.Equal(1, options.BayCount);
    }
}
