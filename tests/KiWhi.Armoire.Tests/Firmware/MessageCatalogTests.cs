using KiWhi.Armoire.Firmware;

namespace KiWhi.Armoire.Tests.Firmware;

public class MessageCatalogTests
{
    public static IEnumerable<object[]> Texts => Enum.GetValues<TextId>().Select(id => new object[] { id });

    [Fact]
    public void Catalogue_HasOneEntryPerTextInEachLanguage()
    {
        int count = Enum.GetValues<TextId>().Length;

        Assert.Equal(count, MessageCatalog.FrenchCount);
        Assert.Equal(count, MessageCatalog.EnglishCount);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Entry_ExistsInBothLanguagesWithTwoLines(TextId id)
    {
        foreach (string language in new[] { "fr", "en" })
        {
            string? entry = MessageCatalog.GetEntry(id, language);
            Assert.False(string.IsNullOrWhiteSpace(entry), id + " missing in " + language);
            Assert.Equal(1, entry!.Count(c => c == '\n'));
        }
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Entry_FitsTheDisplayWithLongestArguments(TextId id)
    {
        foreach (string language in new[] { "fr", "en" })
        {
            for (int line = 0; line < 2; line++)
            {
                string text = MessageCatalog.GetLine(id, language, line, "9999", "1234.5");
                Assert.True(text.Length <= MessageCatalog.DisplayColumns, id + " " + language + " line " + line + " is " + text.Length + " columns: " + text);
            }
        }
    }

    [Fact]
    public void French_IsTheDefault()
    {
        Assert.Equal(MessageCatalog.GetEntry(TextId.Idle, "fr"), MessageCatalog.GetEntry(TextId.Idle, null!));
        Assert.Equal(MessageCatalog.GetEntry(TextId.Idle, "fr"), MessageCatalog.GetEntry(TextId.Idle, "de"));
    }

    [Theory]
    [InlineData(0, "0.0")]
    [InlineData(99, "0.0")]
    [InlineData(1550, "1.5")]
    [InlineData(123456, "123.4")]
    [InlineData(-5, "0.0")]
    public void KilowattHours_AreFormattedRoundedDown(long energyWh, string expected)
    {
        Assert.Equal(expected, FrontPanel.FormatKilowattHours(energyWh));
    }

    [Theory]
    [InlineData("04A1B2C3D4E5F6", "****E5F6")]
    [InlineData("ABCD", "****")]
    public void IdTagMask_KeepsTheLastFourCharacters(string idTag, string expected)
    {
        Assert.Equal(expected, FrontPanel.Mask(idTag));
    }
}
