using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Configuration;

public class CentralSystemCertificateTests
{
    // A real self-signed root, made by the runtime for each run: its PEM and DER forms are what an
    // installer gets from the central system's operator.
    private static readonly X509Certificate2 Root = MakeRoot();

    private static X509Certificate2 MakeRoot()
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        CertificateRequest request = new("CN=KiWhi Test Root CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
    }

    private static InMemoryFileStorage StorageWith(byte[] content)
    {
        InMemoryFileStorage storage = new();
        storage.Write(CentralSystemCertificate.FileName, content, 0, content.Length);
        return storage;
    }

    [Fact]
    public void PemRoot_ReturnedAsText()
    {
        string pem = Root.ExportCertificatePem();

        string? loaded = CentralSystemCertificate.Load(StorageWith(Encoding.ASCII.GetBytes(pem)), out string? problem);

        Assert.Null(problem);
        Assert.Equal(pem, loaded);
        Assert.Equal(Root.Thumbprint, X509Certificate2.CreateFromPem(loaded).Thumbprint);
    }

    [Fact]
    public void PemWithUtf8Bom_ReturnedWithoutTheMark()
    {
        string pem = Root.ExportCertificatePem();

        string? loaded = CentralSystemCertificate.Load(StorageWith([0xEF, 0xBB, 0xBF, .. Encoding.ASCII.GetBytes(pem)]), out string? problem);

        Assert.Null(problem);
        Assert.Equal(pem, loaded);
    }

    [Fact]
    public void Utf16Pem_RejectedWithTheFix()
    {
        byte[] file = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Root.ExportCertificatePem())];

        Assert.Null(CentralSystemCertificate.Load(StorageWith(file), out string? problem));
        Assert.Contains("save it as UTF-8", problem);
    }

    [Fact]
    public void PrivateKeyBesideCertificate_Rejected()
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        string file = key.ExportPkcs8PrivateKeyPem() + "\n" + Root.ExportCertificatePem();

        Assert.Null(CentralSystemCertificate.Load(StorageWith(Encoding.ASCII.GetBytes(file)), out string? problem));
        Assert.Contains("contains a private key", problem);
    }

    [Fact]
    public void MissingFile_NoProblem()
    {
        string? loaded = CentralSystemCertificate.Load(new InMemoryFileStorage(), out string? problem);

        Assert.Null(loaded);
        Assert.Null(problem);
    }

    [Fact]
    public void DerFile_RejectedWithConversionHint()
    {
        string? loaded = CentralSystemCertificate.Load(StorageWith(Root.RawData), out string? problem);

        Assert.Null(loaded);
        Assert.Contains("is not ASCII text", problem);
        Assert.Contains("openssl x509 -inform der", problem);
    }

    [Fact]
    public void PrivateKeyBlock_Rejected()
    {
        byte[] key = Encoding.ASCII.GetBytes("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        string? loaded = CentralSystemCertificate.Load(StorageWith(key), out string? problem);

        Assert.Null(loaded);
        Assert.Contains("contains a private key", problem);
    }

    [Fact]
    public void MissingEndMarker_Rejected()
    {
        string pem = Root.ExportCertificatePem();
        string truncated = pem.Substring(0, pem.IndexOf("-----END", StringComparison.Ordinal));

        Assert.Null(CentralSystemCertificate.Load(StorageWith(Encoding.ASCII.GetBytes(truncated)), out string? problem));
        Assert.Contains("block found", problem);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(CentralSystemCertificate.MaxFileBytes + 1)]
    public void EmptyOrOversizedFile_Rejected(int length)
    {
        byte[] content = new byte[length];
        Array.Fill(content, (byte)'A');

        string? loaded = CentralSystemCertificate.Load(StorageWith(content), out string? problem);

        Assert.Null(loaded);
        Assert.Contains(length + " bytes", problem);
    }
}
