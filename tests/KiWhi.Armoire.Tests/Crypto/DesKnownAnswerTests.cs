using KiWhi.Armoire.Protocol.Crypto;
using Xunit;

namespace KiWhi.Armoire.Tests.Crypto
{
    /// <summary>Published DES known-answer vectors, each with its source.</summary>
    public class DesKnownAnswerTests
    {
        // FIPS 81 (DES Modes of Operation), Appendix B and C: key 0123456789ABCDEF,
        // plaintext "Now is the time for all ", CBC initial vector 1234567890ABCDEF.
        private const string Fips81Key = "0123456789ABCDEF";
        private const string Fips81Iv = "1234567890ABCDEF";
        private const string Fips81Plaintext = "4E6F77206973207468652074696D6520666F7220616C6C20";
        private const string Fips81EcbCiphertext = "3FA40E8A984D48156A271787AB8883F9893D51EC4B563B53";
        private const string Fips81CbcCiphertext = "E5C7CDDE872BF27C43E934008C389C0F683788499A7C05F6";

        [Fact]
        public void Fips81EcbEncrypts()
        {
            var des = NewDes(Fips81Key);
            byte[] data = Hex(Fips81Plaintext);

            for (int offset = 0; offset < data.Length; offset += 8)
            {
                des.EncryptBlock(data, offset, data, offset);
            }

            Assert.Equal(Fips81EcbCiphertext, ToHex(data));
        }

        [Fact]
        public void Fips81EcbDecrypts()
        {
            var des = NewDes(Fips81Key);
            byte[] data = Hex(Fips81EcbCiphertext);

            for (int offset = 0; offset < data.Length; offset += 8)
            {
                des.DecryptBlock(data, offset, data, offset);
            }

            Assert.Equal(Fips81Plaintext, ToHex(data));
        }

        [Fact]
        public void Fips81CbcEncrypts()
        {
            var des = NewDes(Fips81Key);
            byte[] iv = Hex(Fips81Iv);
            byte[] output = new byte[24];

            des.EncryptCbc(iv, Hex(Fips81Plaintext), 0, 24, output, 0);

            Assert.Equal(Fips81CbcCiphertext, ToHex(output));
            Assert.Equal("683788499A7C05F6", ToHex(iv));
        }

        [Fact]
        public void Fips81CbcDecrypts()
        {
            var des = NewDes(Fips81Key);
            byte[] iv = Hex(Fips81Iv);
            byte[] output = new byte[24];

            des.DecryptCbc(iv, Hex(Fips81CbcCiphertext), 0, 24, output, 0);

            Assert.Equal(Fips81Plaintext, ToHex(output));
            Assert.Equal("683788499A7C05F6", ToHex(iv));
        }

        // NIST SP 800-20 Table A.1 (variable plaintext known-answer test), key 01...01 (all key bits zero).
        [Theory]
        [InlineData("8000000000000000", "95F8A5E5DD31D900")]
        [InlineData("4000000000000000", "DD7F121CA5015619")]
        [InlineData("2000000000000000", "2E8653104F3834EA")]
        [InlineData("1000000000000000", "4BD388FF6CD81D4F")]
        [InlineData("0800000000000000", "20B9E767B2FB1456")]
        [InlineData("0400000000000000", "55579380D77138EF")]
        [InlineData("0200000000000000", "6CC5DEFAAF04512F")]
        public void VariablePlaintextKnownAnswers(string plaintext, string ciphertext)
        {
            var des = NewDes("0101010101010101");
            byte[] block = Hex(plaintext);

            des.EncryptBlock(block, 0, block, 0);
            Assert.Equal(ciphertext, ToHex(block));

            des.DecryptBlock(block, 0, block, 0);
            Assert.Equal(plaintext, ToHex(block));
        }

        // NIST SP 800-20 Table A.2 (variable key known-answer test), plaintext zero.
        [Theory]
        [InlineData("8001010101010101", "95A8D72813DAA94D")]
        [InlineData("4001010101010101", "0EEC1487DD8C26D5")]
        public void VariableKeyKnownAnswers(string key, string ciphertext)
        {
            var des = NewDes(key);
            byte[] block = new byte[8];

            des.EncryptBlock(block, 0, block, 0);

            Assert.Equal(ciphertext, ToHex(block));
        }

        // Classic DES validation vectors: all-zero and all-one blocks and keys, which include weak keys
        // that System.Security.Cryptography.DES rejects, and the worked example of J. Orlin Grabbe,
        // "The DES Algorithm Illustrated".
        [Theory]
        [InlineData("0000000000000000", "0000000000000000", "8CA64DE9C1B123A7")]
        [InlineData("FFFFFFFFFFFFFFFF", "FFFFFFFFFFFFFFFF", "7359B2163E4EDC58")]
        [InlineData("3000000000000000", "1000000000000001", "958E6E627A05557B")]
        [InlineData("133457799BBCDFF1", "0123456789ABCDEF", "85E813540F0AB405")]
        public void ClassicVectors(string key, string plaintext, string ciphertext)
        {
            var des = NewDes(key);
            byte[] block = Hex(plaintext);

            des.EncryptBlock(block, 0, block, 0);

            Assert.Equal(ciphertext, ToHex(block));
        }

        // R. L. Rivest, "Testing implementations of DES" (MIT, 1985): X(i+1) = E(Xi, Xi) for even i,
        // D(Xi, Xi) for odd i, from X0 = 9474B8E8C73BCA7D. X16 detects any single fault of the algorithm.
        [Fact]
        public void RivestSixteenIterations()
        {
            byte[] x = Hex("9474B8E8C73BCA7D");
            var des = new SingleDes();

            for (int i = 0; i < 16; i++)
            {
                des.SetKey(x, 0);
                if (i % 2 == 0)
                {
                    des.EncryptBlock(x, 0, x, 0);
                }
                else
                {
                    des.DecryptBlock(x, 0, x, 0);
                }
            }

            Assert.Equal("1B1A2DDB4C642438", ToHex(x));
        }

        [Fact]
        public void ParityBitsAreIgnored()
        {
            var withParity = NewDes(Fips81Key);
            var parityFlipped = NewDes("0022446688AACCEE");
            byte[] first = Hex("4E6F772069732074");
            byte[] second = Hex("4E6F772069732074");

            withParity.EncryptBlock(first, 0, first, 0);
            parityFlipped.EncryptBlock(second, 0, second, 0);

            Assert.Equal(ToHex(first), ToHex(second));
        }

        private static SingleDes NewDes(string keyHex)
        {
            var des = new SingleDes();
            des.SetKey(Hex(keyHex), 0);
            return des;
        }

        internal static byte[] Hex(string hex)
        {
            return Convert.FromHexString(hex);
        }

        internal static string ToHex(byte[] bytes)
        {
            return Convert.ToHexString(bytes);
        }
    }
}
