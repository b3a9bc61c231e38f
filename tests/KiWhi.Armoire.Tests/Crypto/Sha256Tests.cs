using System.Security.Cryptography;
using System.Text;
using KiWhi.Armoire.Protocol.Crypto;
using Xunit;

namespace KiWhi.Armoire.Tests.Crypto
{
    /// <summary>SHA-256, HMAC-SHA256 and PBKDF2-HMAC-SHA256 against published vectors and the .NET runtime.</summary>
    public class Sha256Tests
    {
        // FIPS 180-2 Appendix B (B.1 "abc", B.2 the 448-bit message, B.3 one million 'a'), and the
        // digest of the empty message listed with the NIST CAVP SHAVS byte-oriented test vectors.
        [Theory]
        [InlineData("", 1, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
        [InlineData("abc", 1, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
        [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
        [InlineData("a", 1000000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")]
        public void Sha256_FipsExamples(string text, int repeat, string expectedHex)
        {
            byte[] data = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(text, repeat)));

            Assert.Equal(expectedHex, Convert.ToHexStringLower(Sha256.Hash(data)));
        }

        [Fact]
        public void Sha256_MatchesRuntimeForEveryLengthAroundPadding()
        {
            var random = new Random(180);
            for (int length = 0; length <= 200; length++)
            {
                byte[] data = new byte[length];
                random.NextBytes(data);

                Assert.Equal(SHA256.HashData(data), Sha256.Hash(data));
            }
        }

        [Fact]
        public void Sha256_SplitUpdatesGiveTheSameDigest()
        {
            var random = new Random(4);
            byte[] data = new byte[1000];
            random.NextBytes(data);
            var sha = new Sha256();
            byte[] digest = new byte[Sha256.HashSize];

            int offset = 0;
            while (offset < data.Length)
            {
                int count = Math.Min(random.Next(0, 130), data.Length - offset);
                sha.Update(data, offset, count);
                offset += count;
            }

            sha.Final(digest, 0);
            Assert.Equal(SHA256.HashData(data), digest);
        }

        [Fact]
        public void Sha256_FinalResetsForTheNextMessage()
        {
            var sha = new Sha256();
            byte[] first = new byte[Sha256.HashSize];
            byte[] second = new byte[Sha256.HashSize];
            byte[] abc = Encoding.ASCII.GetBytes("abc");

            sha.Update(abc, 0, abc.Length);
            sha.Final(first, 0);
            sha.Update(abc, 0, abc.Length);
            sha.Final(second, 0);

            Assert.Equal(first, second);
        }

        // RFC 4231 §4.2, §4.3 and §4.7 (test cases 1, 2 and 6).
        [Theory]
        [InlineData("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", "4869205468657265", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")]
        [InlineData("4a656665", "7768617420646f2079612077616e7420666f72206e6f7468696e673f", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
        [InlineData(
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368204b6579204669727374",
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")]
        public void Hmac_Rfc4231Cases(string keyHex, string dataHex, string expectedHex)
        {
            byte[] key = Convert.FromHexString(keyHex);
            byte[] data = Convert.FromHexString(dataHex);
            var hmac = new HmacSha256();
            byte[] mac = new byte[HmacSha256.MacSize];

            hmac.SetKey(key, 0, key.Length);
            hmac.ComputeMac(data, 0, data.Length, mac, 0);

            Assert.Equal(expectedHex, Convert.ToHexStringLower(mac));
        }

        [Fact]
        public void Hmac_MatchesRuntimeAroundBlockSize()
        {
            var random = new Random(2104);
            var hmac = new HmacSha256();
            byte[] mac = new byte[HmacSha256.MacSize];
            foreach (int keyLength in new[] { 0, 1, 32, 63, 64, 65, 200 })
            {
                byte[] key = new byte[keyLength];
                byte[] data = new byte[random.Next(0, 150)];
                random.NextBytes(key);
                random.NextBytes(data);

                hmac.SetKey(key, 0, key.Length);
                hmac.ComputeMac(data, 0, data.Length, mac, 0);

                Assert.True(HMACSHA256.HashData(key, data).SequenceEqual(mac), "key of " + keyLength + " bytes");
            }
        }

        // RFC 7914 §11, the two PBKDF2-HMAC-SHA256 vectors.
        [Theory]
        [InlineData("passwd", "salt", 1,
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783")]
        [InlineData("Password", "NaCl", 80000,
            "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d")]
        public void Pbkdf2_Rfc7914Vectors(string password, string salt, int iterations, string expectedHex)
        {
            byte[] key = Pbkdf2Sha256.DeriveKey(Encoding.ASCII.GetBytes(password), Encoding.ASCII.GetBytes(salt), iterations, 64);

            Assert.Equal(expectedHex, Convert.ToHexStringLower(key));
        }

        [Fact]
        public void Pbkdf2_MatchesRuntime()
        {
            var random = new Random(8018);
            for (int i = 0; i < 20; i++)
            {
                byte[] password = new byte[random.Next(0, 80)];
                byte[] salt = new byte[random.Next(0, 40)];
                random.NextBytes(password);
                random.NextBytes(salt);
                int iterations = random.Next(1, 300);
                int length = random.Next(1, 100);

                byte[] expected = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, length);

                Assert.Equal(expected, Pbkdf2Sha256.DeriveKey(password, salt, iterations, length));
            }
        }

        [Fact]
        public void Pbkdf2_StepsDoNoMoreThanTheBudget()
        {
            byte[] password = Encoding.ASCII.GetBytes("technicien");
            byte[] salt = new byte[16];
            var pbkdf2 = new Pbkdf2Sha256();
            pbkdf2.Begin(password, 0, password.Length, salt, 0, salt.Length, 100, 32);

            int steps = 0;
            while (!pbkdf2.Step(7))
            {
                steps++;
            }

            byte[] key = new byte[32];
            pbkdf2.GetDerivedKey(key, 0);
            Assert.Equal(100 / 7, steps);
            Assert.Equal(Rfc2898DeriveBytes.Pbkdf2(password, salt, 100, HashAlgorithmName.SHA256, 32), key);
        }

        [Fact]
        public void Pbkdf2_RejectsZeroIterations()
        {
            var pbkdf2 = new Pbkdf2Sha256();

            Assert.Throws<ArgumentOutOfRangeException>(() => pbkdf2.Begin(new byte[1], 0, 1, new byte[1], 0, 1, 0, 32));
        }
    }
}
