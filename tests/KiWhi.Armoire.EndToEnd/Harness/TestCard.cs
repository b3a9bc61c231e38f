using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.EndToEnd.Harness;

/// <summary>A resident's KiWhi Pass for the scenarios, with the idTag the cabinet derives from it.</summary>
public sealed class TestCard
{
    private TestCard(string idTag, UltralightCCard card)
    {
        IdTag = idTag;
        Card = card;
    }

    /// <summary>idTag under the default idTag rule: the UID in upper-case hexadecimal.</summary>
    public string IdTag { get; }

    /// <summary>The personalized card to present to the reader.</summary>
    public UltralightCCard Card { get; }

    /// <summary>Issues a card with UID <paramref name="uidHex"/> for the rig's <see cref="CabinetRig.CardMasterKey"/>.</summary>
    public static TestCard Issue(string uidHex, uint cardNumber)
    {
        return new TestCard(uidHex.ToUpperInvariant(), KiWhiPassIssuer.Issue(uidHex, CabinetRig.CardMasterKey, cardNumber));
    }
}
