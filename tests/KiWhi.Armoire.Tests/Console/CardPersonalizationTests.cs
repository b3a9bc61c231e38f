using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Tests.Card;

namespace KiWhi.Armoire.Tests.Console;

/// <summary>The console's card personalise command turns a blank Ultralight C into a KiWhi Pass the cabinet accepts.</summary>
public class CardPersonalizationTests
{
    private static readonly byte[] Uid = CardTestSupport.Hex("04C0FFEE000042");

    private static ConsoleRig AuthenticatingConsole(bool withKey = true) => new(configure: c =>
    {
        c.RequireCardAuthentication = true;
        c.CardMasterKey = withKey ? CardTestSupport.TestMasterKey : null;
    });

    [Fact]
    public void BlankCard_BecomesAcceptedPass()
    {
        var console = AuthenticatingConsole();
        console.Start();
        console.LogIn();
        var card = new UltralightCCard(Uid);

        console.Type("card personalise 4712");
        console.Rig.Reader.Present(card);
        string output = console.Wait(1);
        console.Rig.Reader.Remove();
        console.Wait(2);

        Assert.Contains("personnalisée", output);
        console.Rig.Badge(card);
        console.Rig.Type("101#");
        console.Rig.Run(1);
        Assert.True(console.Rig.IsClosed(1));
        Assert.Equal("04C0FFEE000042", console.Rig.Server.CallsOf("StartTransaction").Single().Str("idTag"));
    }

    [Fact]
    public void Command_NeedsLogin()
    {
        var console = AuthenticatingConsole();
        console.Start();

        string output = console.Type("card personalise 1");

        Assert.DoesNotContain("Présentez", output);
    }

    [Fact]
    public void Command_RequiresAMasterKey()
    {
        var console = AuthenticatingConsole(withKey: false);
        console.Start();
        console.LogIn();

        string output = console.Type("card personalise 1");

        Assert.Contains("CardMasterKey", output);
    }

    [Theory]
    [InlineData("card personalise 0")]
    [InlineData("card personalise 99999999999")]
    [InlineData("card personalise abc")]
    [InlineData("card personalise 1 -5")]
    public void BadNumber_IsRejectedWithTheValue(string line)
    {
        var console = AuthenticatingConsole();
        console.Start();
        console.LogIn();

        string output = console.Type(line);

        Assert.Contains("invalide", output);
    }

    [Fact]
    public void ProtectedForeignCard_IsReportedAsFailed()
    {
        var console = AuthenticatingConsole();
        console.Start();
        console.LogIn();
        // A card protected (AUTH0 04h) under a key this cabinet does not know.
        var foreign = CardTestSupport.PersonalizedCard(Uid, 9, 9).CloneWithKey(CardTestSupport.Hex("0123456789ABCDEF0123456789ABCDEF"));

        console.Type("card personalise 5");
        console.Rig.Reader.Present(foreign);
        string output = console.Wait(1);

        Assert.Contains("échouée", output);
    }
}
