using KiWhi.Armoire.Protocol.Crypto;
using nanoFramework.TestFramework;

namespace KiWhi.Armoire.Tests.Device
{
    /// <summary>
    /// DES, two-key 3DES, CMAC and AN10922 key diversification on nanoCLR, with the published vectors
    /// the host tests use (tests/KiWhi.Armoire.Tests/Crypto): the cipher code is the same, but shifts,
    /// casts and array copies run on the device's interpreter.
    /// </summary>
    [TestClass]
    public class CryptoVectorTests
    {
        // FIPS 81 (DES Modes of Operation), Appendix B and C: key 0123456789ABCDEF,
        // plaintext "Now is the time for all ", CBC initial vector 1234567890ABCDEF.
        private const string Fips81Key = "0123456789ABCDEF";
        private const string Fips81Iv = "1234567890ABCDEF";
        private const string Fips81Plaintext = "4E6F77206973207468652074696D6520666F7220616C6C20";
        private const string Fips81EcbCiphertext = "3FA40E8A984D48156A271787AB8883F9893D51EC4B563B53";
        private const string Fips81CbcCiphertext = "E5C7CDDE872BF27C43E934008C389C0F683788499A7C05F6";
        private const string Fips81LastCbcBlock = "683788499A7C05F6";

        // MF0ICU2 datasheet Rev 3.3, §7.5.6 worked example: factory key in DES order, RndB, and the
        // three cryptograms of the mutual authentication with the IV the datasheet prints for each.
        private const string DatasheetKey = "49454D4B41455242214E4143554F5946";

        // NIST SP 800-38B examples ("TDES_CMAC.pdf", csrc.nist.gov), two-key TDEA samples #1 to #4:
        // Key1 = 0123456789ABCDEF, Key2 = 23456789ABCDEF01 (Key3 = Key1). The messages are prefixes of
        // the SP 800-38B example plaintext.
        private const string NistCmacKey = "0123456789ABCDEF23456789ABCDEF01";
        private const string NistCmacMessage = "6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E51";

        [TestMethod]
        public void DesFips81EcbEncrypts()
        {
            SingleDes des = NewDes(Fips81Key);
            byte[] data = HexText.Parse(Fips81Plaintext);

            for (int offset = 0; offset < data.Length; offset += 8)
            {
                des.EncryptBlock(data, offset, data, offset);
            }

            Assert.AreEqual(Fips81EcbCiphertext, HexText.Format(data));
        }

        [TestMethod]
        public void DesFips81EcbDecrypts()
        {
            SingleDes des = NewDes(Fips81Key);
            byte[] data = HexText.Parse(Fips81EcbCiphertext);

            for (int offset = 0; offset < data.Length; offset += 8)
            {
                des.DecryptBlock(data, offset, data, offset);
            }

            Assert.AreEqual(Fips81Plaintext, HexText.Format(data));
        }

        [TestMethod]
        public void DesFips81CbcEncrypts()
        {
            SingleDes des = NewDes(Fips81Key);
            byte[] iv = HexText.Parse(Fips81Iv);
            byte[] output = new byte[24];

            des.EncryptCbc(iv, HexText.Parse(Fips81Plaintext), 0, 24, output, 0);

            Assert.AreEqual(Fips81CbcCiphertext, HexText.Format(output));
            Assert.AreEqual(Fips81LastCbcBlock, HexText.Format(iv));
        }

        [TestMethod]
        public void DesFips81CbcDecrypts()
        {
            SingleDes des = NewDes(Fips81Key);
            byte[] iv = HexText.Parse(Fips81Iv);
            byte[] output = new byte[24];

            des.DecryptCbc(iv, HexText.Parse(Fips81CbcCiphertext), 0, 24, output, 0);

            Assert.AreEqual(Fips81Plaintext, HexText.Format(output));
            Assert.AreEqual(Fips81LastCbcBlock, HexText.Format(iv));
        }

        // NIST SP 800-20 Table A.1 (variable plaintext known-answer test), key 01...01 (all key bits zero):
        // plaintext, ciphertext.
        [TestMethod]
        public void DesVariablePlaintextKnownAnswers()
        {
            string[] rows = new string[]
            {
                "8000000000000000", "95F8A5E5DD31D900",
                "4000000000000000", "DD7F121CA5015619",
                "2000000000000000", "2E8653104F3834EA",
                "1000000000000000", "4BD388FF6CD81D4F",
                "0800000000000000", "20B9E767B2FB1456",
                "0400000000000000", "55579380D77138EF",
                "0200000000000000", "6CC5DEFAAF04512F",
            };
            SingleDes des = NewDes("0101010101010101");

            for (int i = 0; i < rows.Length; i += 2)
            {
                byte[] block = HexText.Parse(rows[i]);

                des.EncryptBlock(block, 0, block, 0);
                Assert.AreEqual(rows[i + 1], HexText.Format(block), "encrypt " + rows[i]);

                des.DecryptBlock(block, 0, block, 0);
                Assert.AreEqual(rows[i], HexText.Format(block), "decrypt " + rows[i + 1]);
            }
        }

        // NIST SP 800-20 Table A.2 (variable key known-answer test), plaintext zero: key, ciphertext.
        [TestMethod]
        public void DesVariableKeyKnownAnswers()
        {
            string[] rows = new string[]
            {
                "8001010101010101", "95A8D72813DAA94D",
                "4001010101010101", "0EEC1487DD8C26D5",
            };

            for (int i = 0; i < rows.Length; i += 2)
            {
                byte[] block = new byte[8];

                NewDes(rows[i]).EncryptBlock(block, 0, block, 0);

                Assert.AreEqual(rows[i + 1], HexText.Format(block), "key " + rows[i]);
            }
        }

        // Classic DES validation vectors: all-zero and all-one blocks and keys, and the worked example of
        // J. Orlin Grabbe, "The DES Algorithm Illustrated": key, plaintext, ciphertext.
        [TestMethod]
        public void DesClassicVectors()
        {
            string[] rows = new string[]
            {
                "0000000000000000", "0000000000000000", "8CA64DE9C1B123A7",
                "FFFFFFFFFFFFFFFF", "FFFFFFFFFFFFFFFF", "7359B2163E4EDC58",
                "3000000000000000", "1000000000000001", "958E6E627A05557B",
                "133457799BBCDFF1", "0123456789ABCDEF", "85E813540F0AB405",
            };

            for (int i = 0; i < rows.Length; i += 3)
            {
                byte[] block = HexText.Parse(rows[i + 1]);

                NewDes(rows[i]).EncryptBlock(block, 0, block, 0);

                Assert.AreEqual(rows[i + 2], HexText.Format(block), "key " + rows[i]);
            }
        }

        // R. L. Rivest, "Testing implementations of DES" (MIT, 1985): X(i+1) = E(Xi, Xi) for even i,
        // D(Xi, Xi) for odd i, from X0 = 9474B8E8C73BCA7D. X16 detects any single fault of the algorithm.
        [TestMethod]
        public void DesRivestSixteenIterations()
        {
            byte[] x = HexText.Parse("9474B8E8C73BCA7D");
            SingleDes des = new SingleDes();

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

            Assert.AreEqual("1B1A2DDB4C642438", HexText.Format(x));
        }

        [TestMethod]
        public void TripleDesDatasheetEncryptsRndB()
        {
            TwoKeyTripleDes cipher = NewTripleDes(DatasheetKey);
            byte[] block = HexText.Parse("51E764602678DF2B");

            cipher.EncryptCbc(new byte[8], block, 0, 8, block, 0);

            Assert.AreEqual("577293FD2F34CA51", HexText.Format(block));
        }

        // Two blocks in CBC mode: RndA ‖ RndB′ chained from IV = ek(RndB).
        [TestMethod]
        public void TripleDesCbcDatasheetEncryptsToken()
        {
            TwoKeyTripleDes cipher = NewTripleDes(DatasheetKey);
            byte[] iv = HexText.Parse("577293FD2F34CA51");
            byte[] token = HexText.Parse("A8AF3B256C75ED40" + "E764602678DF2B51");

            cipher.EncryptCbc(iv, token, 0, 16, token, 0);

            Assert.AreEqual("0A638559FC7737F9F15D7862EBBE967A", HexText.Format(token));
            Assert.AreEqual("F15D7862EBBE967A", HexText.Format(iv));
        }

        [TestMethod]
        public void TripleDesCbcDatasheetDecryptsRndAPrime()
        {
            TwoKeyTripleDes cipher = NewTripleDes(DatasheetKey);
            byte[] iv = HexText.Parse("F15D7862EBBE967A");
            byte[] block = HexText.Parse("3B884FA07C137CE1");

            cipher.DecryptCbc(iv, block, 0, 8, block, 0);

            Assert.AreEqual("AF3B256C75ED40A8", HexText.Format(block));
        }

        // Keys with equal halves make EDE single DES, so the expected values are the single DES
        // vectors above (classic all-zero and all-one, SP 800-20 Table A.1 row 1): key, plaintext, ciphertext.
        [TestMethod]
        public void TripleDesEqualHalvesKnownAnswers()
        {
            string[] rows = new string[]
            {
                "00000000000000000000000000000000", "0000000000000000", "8CA64DE9C1B123A7",
                "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "FFFFFFFFFFFFFFFF", "7359B2163E4EDC58",
                "01010101010101010101010101010101", "8000000000000000", "95F8A5E5DD31D900",
            };

            for (int i = 0; i < rows.Length; i += 3)
            {
                TwoKeyTripleDes cipher = NewTripleDes(rows[i]);
                byte[] block = HexText.Parse(rows[i + 1]);

                cipher.EncryptBlock(block, 0, block, 0);
                Assert.AreEqual(rows[i + 2], HexText.Format(block), "encrypt with key " + rows[i]);

                cipher.DecryptBlock(block, 0, block, 0);
                Assert.AreEqual(rows[i + 1], HexText.Format(block), "decrypt with key " + rows[i]);
            }
        }

        // Message length in bytes, expected tag.
        [TestMethod]
        public void CmacNistTwoKeyTdeaSamples()
        {
            int[] messageLengths = new int[] { 0, 16, 20, 32 };
            string[] tags = new string[] { "79CE52A7F786A960", "CC18A0B79AF2413B", "C06D377ECD101969", "9CD33580F9B64DFB" };
            DesCmac cmac = new DesCmac(new TwoKeyTripleDes());
            cmac.SetKey(HexText.Parse(NistCmacKey), 0);
            byte[] message = HexText.Parse(NistCmacMessage);

            for (int i = 0; i < messageLengths.Length; i++)
            {
                byte[] tag = new byte[8];

                cmac.ComputeMac(message, 0, messageLengths[i], tag, 0);

                Assert.AreEqual(tags[i], HexText.Format(tag), "sample #" + (i + 1).ToString());
            }
        }

        // NXP AN10922, 2TDEA diversification example: master key 00112233...FF, input M = UID 04782E21801D80
        // ‖ AID 3042F5 ‖ system identifier "NXP A". The keys are compared without their parity bits.
        [TestMethod]
        public void An10922TwoKeyDiversification()
        {
            An10922KeyDiversifier diversifier = new An10922KeyDiversifier(HexText.Parse("00112233445566778899AABBCCDDEEFF"), 0);
            byte[] input = HexText.Parse("04782E21801D803042F54E58502041");
            byte[] key = new byte[16];

            diversifier.DiversifyKey(input, 0, input.Length, key, 0);

            Assert.AreEqual(WithoutParity("16F8597C9E8910C86B9648D006107DD7"), WithoutParity(HexText.Format(key)));
        }

        private static SingleDes NewDes(string keyHex)
        {
            SingleDes des = new SingleDes();
            des.SetKey(HexText.Parse(keyHex), 0);
            return des;
        }

        private static TwoKeyTripleDes NewTripleDes(string keyHex)
        {
            TwoKeyTripleDes cipher = new TwoKeyTripleDes();
            cipher.SetKey(HexText.Parse(keyHex), 0);
            return cipher;
        }

        private static string WithoutParity(string hex)
        {
            byte[] bytes = HexText.Parse(hex);
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] &= 0xFE;
            }

            return HexText.Format(bytes);
        }
    }
}
