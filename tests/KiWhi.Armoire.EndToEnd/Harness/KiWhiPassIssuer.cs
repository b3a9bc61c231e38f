using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Protocol.Iso14443;
using Xunit;

namespace KiWhi.Armoire.EndToEnd.Harness;

/// <summary>
/// Issues KiWhi Pass cards for the scenarios: blank simulated MIFARE Ultralight C cards personalized by the
/// product's own <see cref="KiWhiPassPersonalizer"/> for a cabinet master key.
/// </summary>
public static class KiWhiPassIssuer
{
    /// <summary>Issuer id written on every card the scenarios use.</summary>
    public const uint IssuerId = 7;

    /// <summary>
    /// Personalizes a new card with UID <paramref name="uidHex"/> (7 bytes in hexadecimal) for
    /// <paramref name="masterKey"/> and returns it out of the field. Fails the test when personalization fails.
    /// </summary>
    public static UltralightCCard Issue(string uidHex, byte[] masterKey, uint cardNumber)
    {
        var card = new UltralightCCard(Convert.FromHexString(uidHex), new SeededRandomSource((int)cardNumber));
        var reader = new SimulatedCardReader();
        reader.Present(card);

        var identity = new CardIdentity();
        Assert.True(reader.TryDetectCard(identity), $"The blank card {uidHex} did not answer the reader.");
        var personalizer = new KiWhiPassPersonalizer(reader, new SeededRandomSource(1000 + (int)cardNumber), masterKey, 0);
        KiWhiPassPersonalizationResult result = personalizer.Personalize(identity, cardNumber, IssuerId, false);

        reader.Remove();
        Assert.True(result == KiWhiPassPersonalizationResult.Personalized, $"Personalizing card {uidHex} failed: {result}.");
        return card;
    }
}
