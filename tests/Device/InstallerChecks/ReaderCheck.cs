using KiWhi.Armoire.Boards;
using KiWhi.Armoire.Hal;
using nanoFramework.TestFramework;

namespace KiWhi.Armoire.Tests.Device.InstallerChecks
{
    /// <summary>
    /// The card reader responds on its SPI bus and is an NXP MFRC522. No card is needed: the check reads
    /// the chip's VersionReg.
    /// </summary>
    [TestClass]
    public class ReaderCheck
    {
        [TestMethod]
        public void ReaderIsMfrc522()
        {
            InstallerCheck.RequireHardware();
            IReaderDiagnostics diagnostics = TestPlatform.CardReader as IReaderDiagnostics;
            if (diagnostics == null)
            {
                Assert.SkipTest("the card reader adapter of this platform does not report its chip version");
            }

            BoardProfile board = TestPlatform.Board;
            int versionReg = diagnostics.ReadChipVersion();
            OutputHelper.WriteLine("Card reader: " + ReaderChipVersion.Describe(versionReg));

            ReaderChipKind kind = ReaderChipVersion.Classify(versionReg);
            Assert.IsTrue(kind != ReaderChipKind.NoAnswer, "card reader not found: " + ReaderChipVersion.Describe(versionReg)
                + ". Check the reader's 3.3 V supply and its wiring to board '" + board.Name + "': MOSI GPIO " + board.SpiMosiPin
                + ", MISO GPIO " + board.SpiMisoPin + ", SCK GPIO " + board.SpiClockPin + ", SDA (chip select) GPIO " + board.ReaderChipSelectPin + ".");
            Assert.IsTrue(kind == ReaderChipKind.Mfrc522, "the card reader is not an NXP MFRC522: " + ReaderChipVersion.Describe(versionReg)
                + ". Only VersionReg 0x91 (version 1.0) and 0x92 (version 2.0) are supported: fit a module with a genuine MFRC522.");
        }
    }
}
