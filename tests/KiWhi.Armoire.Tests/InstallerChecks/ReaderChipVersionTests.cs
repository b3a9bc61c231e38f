using KiWhi.Armoire.Hal;

namespace KiWhi.Armoire.Tests.InstallerChecks;

/// <summary>
/// VersionReg values: 91h and 92h are the NXP MFRC522 versions 1.0 and 2.0 (data sheet section 9.3.4.8),
/// 88h the FM17522 clone listed by the Arduino MFRC522 library, 12h a value that unbranded RC522 modules return.
/// </summary>
public class ReaderChipVersionTests
{
    [Theory]
    [InlineData(0x91, ReaderChipKind.Mfrc522)]
    [InlineData(0x92, ReaderChipKind.Mfrc522)]
    [InlineData(0x88, ReaderChipKind.KnownClone)]
    [InlineData(0x12, ReaderChipKind.KnownClone)]
    [InlineData(0x00, ReaderChipKind.NoAnswer)]
    [InlineData(0xFF, ReaderChipKind.NoAnswer)]
    [InlineData(ReaderChipVersion.ReadFailed, ReaderChipKind.NoAnswer)]
    [InlineData(0x100, ReaderChipKind.NoAnswer)]
    [InlineData(0x90, ReaderChipKind.Unknown)]
    [InlineData(0x01, ReaderChipKind.Unknown)]
    [InlineData(0xFE, ReaderChipKind.Unknown)]
    public void Classify_NamesTheChip(int versionReg, ReaderChipKind expected)
    {
        Assert.Equal(expected, ReaderChipVersion.Classify(versionReg));
    }

    [Theory]
    [InlineData(0x91, "1.0")]
    [InlineData(0x92, "2.0")]
    [InlineData(0x88, null)]
    [InlineData(0x00, null)]
    public void Mfrc522Version_OnlyForNxpValues(int versionReg, string? expected)
    {
        Assert.Equal(expected, ReaderChipVersion.Mfrc522Version(versionReg));
    }

    [Theory]
    [InlineData(0x00, "0x00")]
    [InlineData(0x0A, "0x0A")]
    [InlineData(0x92, "0x92")]
    [InlineData(0xFF, "0xFF")]
    [InlineData(ReaderChipVersion.ReadFailed, "--")]
    [InlineData(0x100, "--")]
    public void FormatValue_TwoUpperCaseDigits(int versionReg, string expected)
    {
        Assert.Equal(expected, ReaderChipVersion.FormatValue(versionReg));
    }

    [Theory]
    [InlineData(0x92, "MFRC522 version 2.0 (VersionReg 0x92)")]
    [InlineData(0x88, "FM17522 clone of the MFRC522 (VersionReg 0x88)")]
    [InlineData(0x12, "unbranded MFRC522 clone (VersionReg 0x12)")]
    [InlineData(0x37, "unknown chip (VersionReg 0x37)")]
    [InlineData(0xFF, "no answer on the SPI bus (VersionReg 0xFF)")]
    [InlineData(ReaderChipVersion.ReadFailed, "no answer: the SPI transfer failed")]
    public void Describe_OneLine(int versionReg, string expected)
    {
        Assert.Equal(expected, ReaderChipVersion.Describe(versionReg));
    }
}
