using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Protocol.Iso14443;
using KiWhi.Armoire.Tools.VirtualCabinet;

namespace KiWhi.Armoire.Tests.Simulation;

/// <summary>The virtual cabinet's demo cards, read with the firmware's own KiWhi Pass reader.</summary>
public class CardFactoryTests
{
    private static KiWhiPassReadResult ReadWithDemoKey(SimulatedCard card)
    {
        var reader = new SimulatedCardReader();
        reader.Present(card);
        var identity = new CardIdentity();
        Assert.True(reader.TryDetectCard(identity));
        var passReader = new KiWhiPassReader(reader, new SystemRandomSource(), CardFactory.DemoMasterKey, 0, KiWhiIdTagRule.Uid);
        var result = new KiWhiPassReadResult();
        passReader.Read(identity, result);
        return result;
    }

    [Theory]
    [InlineData("alice", "04A11CE5000001")]
    [InlineData("MALLORY", "04BAD000000004")]
    [InlineData("04a1b2c3d4e5f6", "04A1B2C3D4E5F6")]
    public void PersonalisedCardAuthenticates(string nameOrUid, string idTag)
    {
        KiWhiPassReadResult result = ReadWithDemoKey(new CardFactory(uidOnly: false).Get(nameOrUid));

        Assert.True(result.IsAccepted, "rejected: " + result.Rejection);
        Assert.Equal(idTag, result.IdTag);
    }

    [Theory]
    [InlineData("alice-clone")]
    [InlineData("blank")]
    [InlineData("DEADBEEF")]
    [InlineData("14A1B2C3D4E5F6")]
    public void OtherCardsAreRejected(string nameOrUid)
    {
        KiWhiPassReadResult result = ReadWithDemoKey(new CardFactory(uidOnly: false).Get(nameOrUid));

        Assert.False(result.IsAccepted);
    }

    [Fact]
    public void CardIsMadeOncePerName()
    {
        var factory = new CardFactory(uidOnly: false);

        SimulatedCard first = factory.Get("bob");
        SimulatedCard second = factory.Get("Bob");

        Assert.Same(first, second);
        Assert.Equal("bob", factory.NameOf(first));
    }

    [Fact]
    public void UidOnlyModeMakesUidCards()
    {
        SimulatedCard card = new CardFactory(uidOnly: true).Get("alice");

        Assert.IsType<UidCard>(card);
        Assert.Equal("04A11CE5000001", Convert.ToHexString(card.Uid));
    }

    [Theory]
    [InlineData("zoe")]
    [InlineData("04A1B2")]
    public void UnknownNameIsFormatError(string nameOrUid)
    {
        Assert.Throws<FormatException>(() => new CardFactory(uidOnly: false).Get(nameOrUid));
    }
}
