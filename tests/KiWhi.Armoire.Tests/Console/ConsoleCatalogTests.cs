using System.Text.RegularExpressions;
using KiWhi.Armoire.Firmware;

namespace KiWhi.Armoire.Tests.Console;

public class ConsoleCatalogTests
{
    public static IEnumerable<object[]> Texts => Enum.GetValues<ConsoleTextId>().Select(id => new object[] { id });

    [Fact]
    public void Catalogue_HasOneRowPerConsoleText()
    {
        Assert.Equal(Enum.GetValues<ConsoleTextId>().Length, MessageCatalog.ConsoleTextCount);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Entry_ExistsInBothLanguages(ConsoleTextId id)
    {
        Assert.False(string.IsNullOrWhiteSpace(MessageCatalog.GetConsoleEntry(id, "fr")), id + " missing in French");
        Assert.False(string.IsNullOrWhiteSpace(MessageCatalog.GetConsoleEntry(id, "en")), id + " missing in English");
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Entry_UsesTheSamePlaceholdersInBothLanguages(ConsoleTextId id)
    {
        Assert.Equal(Placeholders(MessageCatalog.GetConsoleEntry(id, "fr")!), Placeholders(MessageCatalog.GetConsoleEntry(id, "en")!));
    }

    [Fact]
    public void Format_ReplacesEveryPlaceholderOnce()
    {
        string text = MessageCatalog.FormatConsole(ConsoleTextId.ErrorOutOfRange, "en", new[] { "Key", "{2}", "1", "9" });

        Assert.Equal("Key: {2} is outside 1 to 9: type a value in that range.", text);
    }

    [Fact]
    public void Format_MissingArgumentIsEmpty()
    {
        Assert.Equal("Usage: ", MessageCatalog.FormatConsole(ConsoleTextId.Usage, "en"));
    }

    [Fact]
    public void French_IsTheDefault()
    {
        Assert.Equal(MessageCatalog.GetConsoleEntry(ConsoleTextId.LoginFailed, "fr"), MessageCatalog.GetConsoleEntry(ConsoleTextId.LoginFailed, "de"));
    }

    [Fact]
    public void EverySettingError_HasItsOwnMessage()
    {
        var messages = new HashSet<string>();
        foreach (SettingErrorKind kind in Enum.GetValues<SettingErrorKind>().Where(k => k != SettingErrorKind.None))
        {
            string message = SettingMessages.Describe(new SettingCheck(kind, "Key", "value", "1", "2"), "en");
            Assert.True(messages.Add(message), kind + " shares its message with another error");
        }
    }

    private static string[] Placeholders(string text)
    {
        return Regex.Matches(text, @"\{\d\}").Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToArray();
    }
}
