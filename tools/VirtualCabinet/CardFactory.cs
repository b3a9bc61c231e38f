using System;
using System.Collections.Generic;
using System.Text;
using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Protocol.Iso14443;

namespace KiWhi.Armoire.Tools.VirtualCabinet
{
    /// <summary>
    /// Makes the cards that the badge command puts on the reader. By default these are KiWhi Pass cards:
    /// simulated Ultralight C cards personalised with keys diversified from <see cref="DemoMasterKey"/>,
    /// which the virtual cabinet also uses, so they pass the cabinet's authentication. In UID-only mode
    /// every card is a <see cref="UidCard"/>. A card is made once per name or UID and reused, so its
    /// state (counter, keys) carries over from one badge to the next.
    /// </summary>
    public sealed class CardFactory
    {
        /// <summary>
        /// Cabinet master key of the virtual cabinet: the ASCII text "KiWhi-DEMO-ONLY!". It is public on
        /// purpose and must never be used for real cards.
        /// </summary>
        public static readonly byte[] DemoMasterKey = Encoding.ASCII.GetBytes("KiWhi-DEMO-ONLY!");

        private const uint DemoIssuerId = 1;

        private readonly bool _uidOnly;
        private readonly Dictionary<string, SimulatedCard> _cards = new Dictionary<string, SimulatedCard>(StringComparer.OrdinalIgnoreCase);
        private uint _nextCardNumber = 1;

        /// <summary>Creates a factory of KiWhi Pass cards, or of UID-only cards when <paramref name="uidOnly"/> is true.</summary>
        public CardFactory(bool uidOnly)
        {
            _uidOnly = uidOnly;
        }

        /// <summary>
        /// Returns the card named by <paramref name="nameOrUid"/>: a preset name (see <see cref="PresetCards"/>)
        /// or a UID of 8, 14 or 20 hexadecimal digits. A 7-byte UID starting with 04h becomes a KiWhi Pass
        /// card. Any other UID becomes a card that completes anticollision and NAKs every command, which
        /// the cabinet rejects unless it runs in UID-only mode. Throws <see cref="FormatException"/> for
        /// other text.
        /// </summary>
        public SimulatedCard Get(string nameOrUid)
        {
            if (nameOrUid == null)
            {
                throw new ArgumentNullException(nameof(nameOrUid));
            }

            string key = PresetCards.IsPreset(nameOrUid) ? nameOrUid.ToLowerInvariant() : nameOrUid.ToUpperInvariant();
            if (_cards.TryGetValue(key, out SimulatedCard existing))
            {
                return existing;
            }

            SimulatedCard card = Create(key);
            _cards[key] = card;
            return card;
        }

        /// <summary>Returns the preset name of <paramref name="card"/> when it came from this factory under one, or null.</summary>
        public string NameOf(SimulatedCard card)
        {
            foreach (KeyValuePair<string, SimulatedCard> entry in _cards)
            {
                if (ReferenceEquals(entry.Value, card) && PresetCards.IsPreset(entry.Key))
                {
                    return entry.Key;
                }
            }

            return null;
        }

        private SimulatedCard Create(string key)
        {
            string uidHex = PresetCards.UidOf(key) ?? key;
            UidCard uidCard = UidCard.FromHex(uidHex);
            if (_uidOnly || uidCard.Uid.Length != UltralightCIdentification.UidLength || uidCard.Uid[0] != 0x04)
            {
                return uidCard;
            }

            if (key == PresetCards.BlankName)
            {
                return new UltralightCCard(uidCard.Uid);
            }

            if (key == PresetCards.CloneName)
            {
                var wrongKey = new byte[UltralightCKeyFormat.KeyLength];
                new SystemRandomSource().NextBytes(wrongKey, 0, wrongKey.Length);
                var original = (UltralightCCard)Get("alice");
                return original.CloneWithKey(wrongKey);
            }

            return Personalize(uidCard.Uid);
        }

        private UltralightCCard Personalize(byte[] uid)
        {
            var card = new UltralightCCard(uid);
            var reader = new SimulatedCardReader();
            reader.Present(card);
            var identity = new CardIdentity();
            if (!reader.TryDetectCard(identity))
            {
                throw new InvalidOperationException("Internal error: the personalisation reader did not detect card " + Convert.ToHexString(uid) + ".");
            }

            var personalizer = new KiWhiPassPersonalizer(reader, new SystemRandomSource(), DemoMasterKey, 0);
            KiWhiPassPersonalizationResult result = personalizer.Personalize(identity, _nextCardNumber++, DemoIssuerId, lockConfiguration: false);
            if (result != KiWhiPassPersonalizationResult.Personalized)
            {
                throw new InvalidOperationException(
                    "Internal error: personalising card " + Convert.ToHexString(uid) + " failed with " + result + " at step " + personalizer.LastStep + ".");
            }

            reader.Remove();
            return card;
        }
    }
}
