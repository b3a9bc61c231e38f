using System.Security.Cryptography;
using KiWhi.Armoire.Protocol.Crypto;
using Xunit;
using static KiWhi.Armoire.Tests.Crypto.DesKnownAnswerTests;

namespace KiWhi.Armoire.Tests.Crypto
{
    /// <summary>
    /// Two-key 3DES checked against the .NET runtime's TripleDES (CBC, no padding) as an independent
    /// oracle, and against single DES for the equal-halves keys that .NET rejects.
    /// </summary>
    /// <remarks>
    /// The oracle gets the 24-byte form K1‖K2‖K1 of each two-key key (keying option 2 of NIST SP 800-67):
    /// on .NET 10.0.12 with OpenSSL 3.0.19 (Debian 12), TripleDES accepts a 16-byte key but every
    /// encryption with it then fails with "invalid key length".
    /// </remarks>
    public class TripleDesTests
    {
        private const int RandomCases = 200;

        // MF0ICU2 datasheet Rev 3.3, §7.5.6 worked example: factory key in DES order, RndB and the three
        // cryptograms of the mutual authentication, with the IVs the datasheet prints for each step.
        private const string DatasheetKey = "49454D4B41455242214E4143554F5946";

        [Fact]
        public void DatasheetEncryptsRndB()
        {
            var cipher = NewTripleDes(DatasheetKey);
            byte[] iv = new byte[8];
            byte[] block = Hex("51E764602678DF2B");

            cipher.EncryptCbc(iv, block, 0, 8, block, 0);

            Assert.Equal("577293FD2F34CA51", ToHex(block));
        }

        [Fact]
        public void DatasheetEncryptsToken()
        {
            var cipher = NewTripleDes(DatasheetKey);
            byte[] iv = Hex("577293FD2F34CA51");
            byte[] token = Hex("A8AF3B256C75ED40" + "E764602678DF2B51");

            cipher.EncryptCbc(iv, token, 0, 16, token, 0);

            Assert.Equal("0A638559FC7737F9F15D7862EBBE967A", ToHex(token));
        }

        [Fact]
        public void DatasheetDecryptsRndAPrime()
        {
            var cipher = NewTripleDes(DatasheetKey);
            byte[] iv = Hex("F15D7862EBBE967A");
            byte[] block = Hex("3B884FA07C137CE1");

            cipher.DecryptCbc(iv, block, 0, 8, block, 0);

            Assert.Equal("AF3B256C75ED40A8", ToHex(block));
        }

        [Fact]
        public void CbcMatchesRuntimeTripleDes()
        {
            var random = new Random(8117);
            var cipher = new TwoKeyTripleDes();
            using TripleDES oracle = TripleDES.Create();

            for (int i = 0; i < RandomCases; i++)
            {
                byte[] key = RandomTwoKey(random);
                byte[] iv = RandomBytes(random, 8);
                byte[] plaintext = RandomBytes(random, 8 * random.Next(1, 9));
                oracle.Key = ToThreeKeyForm(key);
                byte[] expected = oracle.EncryptCbc(plaintext, iv, PaddingMode.None);

                cipher.SetKey(key, 0);
                byte[] chain = (byte[])iv.Clone();
                byte[] actual = new byte[plaintext.Length];
                cipher.EncryptCbc(chain, plaintext, 0, plaintext.Length, actual, 0);

                Assert.Equal(ToHex(expected), ToHex(actual));
            }
        }

        [Fact]
        public void CbcDecryptMatchesRuntimeTripleDes()
        {
            var random = new Random(4242);
            var cipher = new TwoKeyTripleDes();
            using TripleDES oracle = TripleDES.Create();

            for (int i = 0; i < RandomCases; i++)
            {
                byte[] key = RandomTwoKey(random);
                byte[] iv = RandomBytes(random, 8);
                byte[] ciphertext = RandomBytes(random, 8 * random.Next(1, 9));
                oracle.Key = ToThreeKeyForm(key);
                byte[] expected = oracle.DecryptCbc(ciphertext, iv, PaddingMode.None);

                cipher.SetKey(key, 0);
                byte[] actual = (byte[])ciphertext.Clone();
                cipher.DecryptCbc((byte[])iv.Clone(), actual, 0, actual.Length, actual, 0);

                Assert.Equal(ToHex(expected), ToHex(actual));
            }
        }

        [Fact]
        public void SingleDesCbcMatchesRuntimeDes()
        {
            var random = new Random(81);
            var cipher = new SingleDes();
            using DES oracle = DES.Create();

            for (int i = 0; i < RandomCases; i++)
            {
                byte[] key = RandomBytes(random, 8);
                if (DES.IsWeakKey(key) || DES.IsSemiWeakKey(key))
                {
                    continue;
                }

                byte[] iv = RandomBytes(random, 8);
                byte[] plaintext = RandomBytes(random, 8 * random.Next(1, 9));
                oracle.Key = key;
                byte[] expected = oracle.EncryptCbc(plaintext, iv, PaddingMode.None);

                cipher.SetKey(key, 0);
                byte[] actual = new byte[plaintext.Length];
                cipher.EncryptCbc(iv, plaintext, 0, plaintext.Length, actual, 0);

                Assert.Equal(ToHex(expected), ToHex(actual));
            }
        }

        [Fact]
        public void ChainedCallsEqualOneCall()
        {
            var random = new Random(7);
            var cipher = NewTripleDes("0123456789ABCDEF23456789ABCDEF01");
            byte[] plaintext = RandomBytes(random, 40);
            byte[] oneCall = new byte[40];
            byte[] chained = new byte[40];

            cipher.EncryptCbc(new byte[8], plaintext, 0, 40, oneCall, 0);
            byte[] iv = new byte[8];
            cipher.EncryptCbc(iv, plaintext, 0, 16, chained, 0);
            cipher.EncryptCbc(iv, plaintext, 16, 24, chained, 16);

            Assert.Equal(ToHex(oneCall), ToHex(chained));
        }

        [Fact]
        public void EqualHalvesBehaveAsSingleDes()
        {
            var random = new Random(99);
            var tripleDes = new TwoKeyTripleDes();
            var singleDes = new SingleDes();

            for (int i = 0; i < RandomCases; i++)
            {
                byte[] half = RandomBytes(random, 8);
                byte[] key = new byte[16];
                Array.Copy(half, 0, key, 0, 8);
                Array.Copy(half, 0, key, 8, 8);
                byte[] plaintext = RandomBytes(random, 16);
                byte[] expected = new byte[16];
                byte[] actual = new byte[16];

                singleDes.SetKey(half, 0);
                singleDes.EncryptCbc(new byte[8], plaintext, 0, 16, expected, 0);
                tripleDes.SetKey(key, 0);
                tripleDes.EncryptCbc(new byte[8], plaintext, 0, 16, actual, 0);

                Assert.Equal(ToHex(expected), ToHex(actual));
            }
        }

        // Keys from the Ultralight C default-key lists (all-zero, all-one bits) have equal halves, so
        // .NET's TripleDES rejects them as weak. Expected values are the single DES vectors of
        // DesKnownAnswerTests.ClassicVectors, since EDE with K1 = K2 is single DES.
        [Theory]
        [InlineData("00000000000000000000000000000000", "0000000000000000", "8CA64DE9C1B123A7")]
        [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "FFFFFFFFFFFFFFFF", "7359B2163E4EDC58")]
        [InlineData("01010101010101010101010101010101", "8000000000000000", "95F8A5E5DD31D900")]
        public void EqualHalvesKnownAnswers(string key, string plaintext, string ciphertext)
        {
            var cipher = NewTripleDes(key);
            byte[] block = Hex(plaintext);

            cipher.EncryptBlock(block, 0, block, 0);
            Assert.Equal(ciphertext, ToHex(block));

            cipher.DecryptBlock(block, 0, block, 0);
            Assert.Equal(plaintext, ToHex(block));
        }

        [Fact]
        public void RuntimeRejectsEqualHalves()
        {
            using TripleDES oracle = TripleDES.Create();

            Assert.Throws<CryptographicException>(() => oracle.Key = new byte[16]);
        }

        [Fact]
        public void MissingKeyThrows()
        {
            var cipher = new TwoKeyTripleDes();

            Assert.Throws<InvalidOperationException>(() => cipher.EncryptBlock(new byte[8], 0, new byte[8], 0));
        }

        [Fact]
        public void ClearForgetsKey()
        {
            var cipher = NewTripleDes(DatasheetKey);

            cipher.Clear();

            Assert.False(cipher.HasKey);
            Assert.Throws<InvalidOperationException>(() => cipher.EncryptBlock(new byte[8], 0, new byte[8], 0));
        }

        [Theory]
        [InlineData(7)]
        [InlineData(-8)]
        public void PartialBlockLengthThrows(int count)
        {
            var cipher = NewTripleDes(DatasheetKey);

            Assert.Throws<ArgumentException>(() => cipher.EncryptCbc(new byte[8], new byte[16], 0, count, new byte[16], 0));
        }

        [Fact]
        public void RangeOutsideBufferThrows()
        {
            var cipher = NewTripleDes(DatasheetKey);

            Assert.Throws<ArgumentOutOfRangeException>(() => cipher.EncryptCbc(new byte[8], new byte[16], 8, 16, new byte[16], 0));
        }

        [Fact]
        public void ShortKeyThrows()
        {
            var cipher = new TwoKeyTripleDes();

            Assert.Throws<ArgumentOutOfRangeException>(() => cipher.SetKey(new byte[15], 0));
        }

        [Fact]
        public void CbcAllocatesNothing()
        {
            var cipher = NewTripleDes(DatasheetKey);
            byte[] iv = new byte[8];
            byte[] data = new byte[64];
            cipher.EncryptCbc(iv, data, 0, 64, data, 0);

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                cipher.EncryptCbc(iv, data, 0, 64, data, 0);
                cipher.DecryptCbc(iv, data, 0, 64, data, 0);
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
        }

        private static TwoKeyTripleDes NewTripleDes(string keyHex)
        {
            var cipher = new TwoKeyTripleDes();
            cipher.SetKey(Hex(keyHex), 0);
            return cipher;
        }

        private static byte[] RandomBytes(Random random, int count)
        {
            byte[] bytes = new byte[count];
            random.NextBytes(bytes);
            return bytes;
        }

        /// <summary>Returns K1‖K2‖K1 for the two-key key K1‖K2.</summary>
        internal static byte[] ToThreeKeyForm(byte[] twoKey)
        {
            byte[] key = new byte[24];
            Array.Copy(twoKey, 0, key, 0, 16);
            Array.Copy(twoKey, 0, key, 16, 8);
            return key;
        }

        private static byte[] RandomTwoKey(Random random)
        {
            while (true)
            {
                byte[] key = RandomBytes(random, 16);
                if (!TripleDES.IsWeakKey(key))
                {
                    return key;
                }
            }
        }
    }
}
