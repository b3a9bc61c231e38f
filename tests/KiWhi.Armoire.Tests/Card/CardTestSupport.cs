using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Protocol.Crypto;
using KiWhi.Armoire.Protocol.Iso14443;

namespace KiWhi.Armoire.Tests.Card
{
    /// <summary>Shared fixtures of the card tests.</summary>
    internal static class CardTestSupport
    {
        /// <summary>
        /// Master key of the tests: the example master key of NXP AN10922, never a production key.
        /// </summary>
        public static readonly byte[] TestMasterKey = Convert.FromHexString("00112233445566778899AABBCCDDEEFF");

        /// <summary>UID used by the AN10922 example; any 7-byte UID starting with 04h would do.</summary>
        public static readonly byte[] TestUid = Convert.FromHexString("04782E21801D80");

        public static byte[] Hex(string hex)
        {
            return Convert.FromHexString(hex);
        }

        public static string ToHex(byte[] bytes)
        {
            return Convert.ToHexString(bytes);
        }

        /// <summary>Returns the card key the cabinet derives for <paramref name="uid"/>: AN10922 over UID ‖ "KiWhi".</summary>
        public static byte[] DiversifiedKey(byte[] uid)
        {
            var diversifier = new An10922KeyDiversifier(TestMasterKey, 0);
            byte[] input = new byte[KiWhiPassLayout.DiversificationInputLength];
            int length = KiWhiPassLayout.WriteDiversificationInput(uid, 0, input, 0);
            byte[] key = new byte[16];
            diversifier.DiversifyKey(input, 0, length, key, 0);
            return key;
        }

        public static byte[] FactoryKey()
        {
            byte[] key = new byte[16];
            UltralightCKeyFormat.CopyFactoryKey(key, 0);
            return key;
        }

        /// <summary>
        /// Builds a personalized card by writing its pages directly (not through the personalizer), so
        /// reader tests do not depend on the personalizer.
        /// </summary>
        public static UltralightCCard PersonalizedCard(byte[] uid, uint cardNumber, uint issuerId)
        {
            var card = new UltralightCCard(uid);
            byte[] data = new byte[16];
            KiWhiPassLayout.Encode(cardNumber, issuerId, data, 0);
            for (int page = 0; page < 4; page++)
            {
                card.SetPage(4 + page, data.AsSpan(page * 4, 4).ToArray());
            }

            card.SetPage(UltralightCommands.Auth1Page, new byte[] { 0x00, 0, 0, 0 });
            card.SetPage(UltralightCommands.Auth0Page, new byte[] { 0x04, 0, 0, 0 });
            card.ProgramKey(DiversifiedKey(uid));
            return card;
        }

        /// <summary>Presents <paramref name="card"/> and selects it; throws when detection fails.</summary>
        public static CardIdentity PresentAndDetect(SimulatedCardReader reader, SimulatedCard card)
        {
            reader.Present(card);
            return Detect(reader);
        }

        public static CardIdentity Detect(SimulatedCardReader reader)
        {
            var identity = new CardIdentity();
            if (!reader.TryDetectCard(identity))
            {
                throw new InvalidOperationException("The simulated reader did not detect the card.");
            }

            return identity;
        }

        /// <summary>Runs the full authentication with <paramref name="key"/> on a freshly activated card.</summary>
        public static UltralightCAuthResult AuthenticateFresh(SimulatedCardReader reader, byte[] key)
        {
            reader.Halt();
            var identity = new CardIdentity();
            if (!reader.TryDetectCard(identity))
            {
                return UltralightCAuthResult.Timeout;
            }

            var authenticator = new UltralightCAuthenticator(reader, new SystemRandomSource());
            return authenticator.Authenticate(key, 0);
        }
    }

    /// <summary>Returns the same bytes on every call, for protocol vectors that fix RndA or RndB.</summary>
    internal sealed class FixedRandomSource : IRandomSource
    {
        private readonly byte[] _bytes;

        public FixedRandomSource(string hex)
        {
            _bytes = Convert.FromHexString(hex);
        }

        public void NextBytes(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                buffer[offset + i] = _bytes[i % _bytes.Length];
            }
        }
    }
}
