using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Tests.Card;

namespace KiWhi.Armoire.Tests.Firmware;

/// <summary>
/// The resident flow with KiWhi Pass authentication on: only a card that proves its diversified key
/// reaches the central system; clones, replays, blank cards and cards pulled away mid-exchange are
/// rejected at the panel.
/// </summary>
public class CardAuthenticationFlowTests : CabinetTestBase
{
    private static readonly byte[] Uid = CardTestSupport.Hex("04A1B2C3D4E5F6");

    private CabinetRig AuthenticatingRig() => NewRig(configure: c =>
    {
        c.RequireCardAuthentication = true;
        c.CardMasterKey = CardTestSupport.TestMasterKey;
    });

    [Fact]
    public void GenuineCard_StartsWithItsUidAsIdTag()
    {
        var rig = AuthenticatingRig();

        rig.Badge(CardTestSupport.PersonalizedCard(Uid, 42, 7));
        rig.Type("101#");
        rig.Run(1);

        Assert.True(rig.IsClosed(1));
        Assert.Equal("04A1B2C3D4E5F6", rig.Server.CallsOf("Authorize").Single().Str("idTag"));
        Assert.Equal("04A1B2C3D4E5F6", rig.Server.CallsOf("StartTransaction").Single().Str("idTag"));
    }

    [Fact]
    public void GenuineCard_StopsItsOwnSession()
    {
        var rig = AuthenticatingRig();
        var card = CardTestSupport.PersonalizedCard(Uid, 42, 7);
        rig.Badge(card);
        rig.Type("101#");

        rig.Badge(card);

        Assert.False(rig.IsClosed(1));
        Assert.Equal("Local", rig.Server.CallsOf("StopTransaction").Single().Str("reason"));
    }

    [Fact]
    public void CloneWithSameUid_NeverReachesTheServer()
    {
        var rig = AuthenticatingRig();
        var genuine = CardTestSupport.PersonalizedCard(Uid, 42, 7);
        var clone = genuine.CloneWithKey(CardTestSupport.Hex("0123456789ABCDEF0123456789ABCDEF"));

        rig.Reader.Present(clone);
        rig.Run(0.5);

        Assert.Empty(rig.Server.CallsOf("Authorize"));
        Assert.Contains("reconnue", rig.Display.Line2);
        Assert.True(rig.Log.Contains("authentication failed"));
    }

    [Fact]
    public void BlankCard_IsRejected()
    {
        var rig = AuthenticatingRig();

        rig.Reader.Present(new UltralightCCard(Uid));
        rig.Run(0.5);

        Assert.Empty(rig.Server.CallsOf("Authorize"));
        Assert.Contains("reconnue", rig.Display.Line2);
    }

    [Fact]
    public void ReplayedExchange_IsRejected()
    {
        var rig = AuthenticatingRig();
        var genuine = CardTestSupport.PersonalizedCard(Uid, 42, 7);
        rig.Badge(genuine);
        rig.Type("*");
        rig.Run(6);
        var recorded = genuine.RecordedResponses.ToArray();
        int authorizeBefore = rig.Server.CallsOf("Authorize").Count();

        var replayer = new UltralightCCard(Uid);
        replayer.ReplayResponses(recorded);
        rig.Reader.Present(replayer);
        rig.Run(0.5);

        Assert.Equal(authorizeBefore, rig.Server.CallsOf("Authorize").Count());
        Assert.Contains("reconnue", rig.Display.Line2);
    }

    [Fact]
    public void CardRemovedMidAuthentication_IsRejected()
    {
        var rig = AuthenticatingRig();
        var card = CardTestSupport.PersonalizedCard(Uid, 42, 7);
        card.RemoveFromFieldAtFrame(2, () => rig.Reader.Remove(), executeFrame: false);

        rig.Reader.Present(card);
        rig.Run(0.5);

        Assert.Empty(rig.Server.CallsOf("Authorize"));
        Assert.Empty(rig.Contactors.ClosedBays());
    }

    [Fact]
    public void UnknownLayoutVersion_IsRejectedWithItsOwnMessage()
    {
        var rig = AuthenticatingRig();
        var card = CardTestSupport.PersonalizedCard(Uid, 42, 7);
        byte[] page = card.GetPage(4);
        page[2] = 0x7F;
        card.SetPage(4, page);

        rig.Reader.Present(card);
        rig.Run(0.5);

        Assert.Empty(rig.Server.CallsOf("Authorize"));
        Assert.Contains("format inconnu", rig.Display.Line2);
    }

    [Fact]
    public void MissingMasterKey_RejectsEveryCard()
    {
        var rig = NewRig(configure: c => c.RequireCardAuthentication = true);

        rig.Reader.Present(CardTestSupport.PersonalizedCard(Uid, 42, 7));
        rig.Run(0.5);

        Assert.Empty(rig.Server.CallsOf("Authorize"));
        Assert.True(rig.Log.Contains("no valid card master key"));
    }

    [Fact]
    public void MasterKey_NeverAppearsInTheLog()
    {
        var rig = AuthenticatingRig();
        rig.Badge(CardTestSupport.PersonalizedCard(Uid, 42, 7));

        string log = string.Join("\n", rig.Log.Lines);
        Assert.DoesNotContain("00112233445566778899AABBCCDDEEFF", log, StringComparison.OrdinalIgnoreCase);
    }
}
