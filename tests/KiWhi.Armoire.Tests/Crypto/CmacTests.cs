using System.Security.Cryptography;
using KiWhi.Armoire.Protocol.Crypto;
using Xunit;
using static KiWhi.Armoire.Tests.Crypto.DesKnownAnswerTests;

namespace KiWhi.Armoire.Tests.Crypto
{
    /// <summary>CMAC over two-key 3DES and AN10922 key diversification.</summary>
    public class CmacTests
    {
        // NIST SP 800-38B examples (csrc.nist.gov, "TDES_CMAC.pdf"), two-key TDEA samples #1 to #4:
        // Key1 = 0123456789ABCDEF, Key2 = 23456789ABCDEF01 (Key3 = Key1), messages are prefixes of
        // the SP 800-38B example plaintext.
        private const string NistKey = "0123456789ABCDEF23456789ABCDEF01";
        private const string NistMessage = "6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E51";

        [Theory]
        [InlineData(0, "79CE52A7F786A960")]
        [InlineData(16, "CC18A0B79AF2413B")]
        [InlineData(20, "C06D377ECD101969")]
        [InlineData(32, "9CD33580F9B64DFB")]
        public void NistTwoKeyTdeaSamples(int messageLength, string expectedTag)
        {
            var cmac = new DesCmac(new TwoKeyTripleDes());
            cmac.SetKey(Hex(NistKey), 0);
            byte[] tag = new byte[8];

            cmac.ComputeMac(Hex(NistMessage), 0, messageLength, tag, 0);

            Assert.Equal(expectedTag, ToHex(tag));
        }

        [Fact]
        public void MatchesCbcMacOracle()
        {
            var random = new Random(38);
            var cmac = new DesCmac(new TwoKeyTripleDes());
            using TripleDES oracle = TripleDES.Create();

            for (int i = 0; i < 100; i++)
            {
                byte[] key = new byte[16];
                random.NextBytes(key);
                if (TripleDES.IsWeakKey(key))
                {
                    continue;
                }

                byte[] message = new byte[random.Next(0, 41)];
                random.NextBytes(message);
                oracle.Key = TripleDesTests.ToThreeKeyForm(key);
                cmac.SetKey(key, 0);
                byte[] tag = new byte[8];

                cmac.ComputeMac(message, 0, message.Length, tag, 0);

                Assert.Equal(ToHex(OracleCmac(oracle, message)), ToHex(tag));
            }
        }

        // The diversification vector of NXP AN10922 for 2TDEA: master key 00112233...FF,
        // M = UID 04782E21801D80 ‖ AID 3042F5 ‖ system identifier "NXP A".
        [Fact]
        public void An10922TwoKeyVector()
        {
            var diversifier = new An10922KeyDiversifier(Hex("00112233445566778899AABBCCDDEEFF"), 0);
            byte[] input = Hex("04782E21801D803042F54E58502041");
            byte[] key = new byte[16];

            diversifier.DiversifyKey(input, 0, input.Length, key, 0);

            Assert.Equal(WithoutParity("16F8597C9E8910C86B9648D006107DD7"), WithoutParity(ToHex(key)));
        }

        [Fact]
        public void ShortInputIsPaddedToTwoBlocks()
        {
            byte[] masterKey = Hex("00112233445566778899AABBCCDDEEFF");
            var diversifier = new An10922KeyDiversifier(masterKey, 0);
            byte[] input = Hex("04782E21");
            byte[] key = new byte[16];
            diversifier.DiversifyKey(input, 0, input.Length, key, 0);

            // Two blocks 21h‖M‖80h‖00..., last block XORed with K2, computed with the oracle.
            using TripleDES oracle = TripleDES.Create();
            oracle.Key = TripleDesTests.ToThreeKeyForm(masterKey);
            byte[] padded = Hex("2104782E21800000" + "0000000000000000");
            byte[] expectedFirstHalf = OracleCmacOfPaddedBlocks(oracle, padded);

            Assert.Equal(ToHex(expectedFirstHalf), ToHex(key).Substring(0, 16));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(16)]
        public void InvalidInputLengthThrows(int count)
        {
            var diversifier = new An10922KeyDiversifier(new byte[16], 0);

            Assert.Throws<ArgumentOutOfRangeException>(() => diversifier.DiversifyKey(new byte[16], 0, count, new byte[16], 0));
        }

        /// <summary>SP 800-38B CMAC written from the specification over the runtime's TripleDES (K1‖K2‖K1 form, see TripleDesTests).</summary>
        private static byte[] OracleCmac(TripleDES oracle, byte[] message)
        {
            int blocks = Math.Max(1, (message.Length + 7) / 8);
            byte[] padded = new byte[blocks * 8];
            Array.Copy(message, padded, message.Length);
            bool complete = message.Length > 0 && message.Length % 8 == 0;
            if (!complete)
            {
                padded[message.Length] = 0x80;
            }

            return OracleMacOfBlocks(oracle, padded, complete);
        }

        private static byte[] OracleCmacOfPaddedBlocks(TripleDES oracle, byte[] padded)
        {
            return OracleMacOfBlocks(oracle, padded, complete: false);
        }

        private static byte[] OracleMacOfBlocks(TripleDES oracle, byte[] blocks, bool complete)
        {
            byte[] l = oracle.EncryptEcb(new byte[8], PaddingMode.None);
            byte[] k1 = Double(l);
            byte[] k2 = Double(k1);
            byte[] subkey = complete ? k1 : k2;
            byte[] data = (byte[])blocks.Clone();
            for (int i = 0; i < 8; i++)
            {
                data[data.Length - 8 + i] ^= subkey[i];
            }

            byte[] cbc = oracle.EncryptCbc(data, new byte[8], PaddingMode.None);
            return cbc.AsSpan(cbc.Length - 8).ToArray();
        }

        private static byte[] Double(byte[] value)
        {
            byte[] result = new byte[8];
            for (int i = 0; i < 7; i++)
            {
                result[i] = (byte)((value[i] << 1) | (value[i + 1] >> 7));
            }

            result[7] = (byte)(value[7] << 1);
            if ((value[0] & 0x80) != 0)
            {
                result[7] ^= 0x1B;
            }

            return result;
        }

        private static string WithoutParity(string hex)
        {
            byte[] bytes = Hex(hex);
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] &= 0xFE;
            }

            return ToHex(bytes);
        }
    }
}
