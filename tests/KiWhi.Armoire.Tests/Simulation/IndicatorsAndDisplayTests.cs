using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Simulation;

public class IndicatorsAndDisplayTests
{
    [Fact]
    public void IndicatorsStartOff()
    {
        var indicators = new SimulatedIndicators();

        Assert.Equal(IndicatorColor.Off, indicators.Color);
        Assert.Equal(BuzzerPattern.None, indicators.LastPattern);
        Assert.Empty(indicators.History);
    }

    [Fact]
    public void IndicatorsRecordEachCall()
    {
        var clock = new ManualClock(40);
        var indicators = new SimulatedIndicators(clock);

        indicators.Show(IndicatorColor.Green, BuzzerPattern.Success);
        clock.AdvanceMs(10);
        indicators.Show(IndicatorColor.Blue, BuzzerPattern.None);

        Assert.Equal(IndicatorColor.Blue, indicators.Color);
        Assert.Equal(BuzzerPattern.None, indicators.LastPattern);
        Assert.Equal(
            new[] { new IndicatorEvent(40, IndicatorColor.Green, BuzzerPattern.Success), new IndicatorEvent(50, IndicatorColor.Blue, BuzzerPattern.None) },
            indicators.History);
    }

    [Fact]
    public void DisplayShowsLines()
    {
        var display = new SimulatedDisplay();

        display.Show("Badgez votre", "carte");

        Assert.Equal("Badgez votre", display.Line1);
        Assert.Equal("carte", display.Line2);
        Assert.Single(display.History);
    }

    [Fact]
    public void OverlongLineIsCutAndCounted()
    {
        var display = new SimulatedDisplay(16);

        display.Show("Numero de place ?", "12");

        Assert.Equal("Numero de place ", display.Line1);
        Assert.Equal(1, display.OverlongLineCount);
    }

    [Fact]
    public void NullLineShowsEmpty()
    {
        var display = new SimulatedDisplay();

        display.Show(null!, "x");

        Assert.Equal(string.Empty, display.Line1);
    }

    [Theory]
    [InlineData("place")]
    [InlineData("PLACE 12")]
    [InlineData("Charge en cours place 12")]
    public void ContainsIgnoresCaseAndSpacing(string text)
    {
        var display = new SimulatedDisplay();

        display.Show("Charge en cours", "place   12");

        Assert.True(display.Contains(text));
    }

    [Fact]
    public void ContainsRejectsAbsentText()
    {
        var display = new SimulatedDisplay();

        display.Show("Charge en cours", "place 12");

        Assert.False(display.Contains("place 13"));
    }
}
