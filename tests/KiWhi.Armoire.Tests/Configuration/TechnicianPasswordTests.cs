using System.Security.Cryptography;
using System.Text;
using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Configuration;

public class TechnicianPasswordTests
{
    private static string Hash(string password, int iterations = 50)
    {
        var hasher = new TechnicianPassword();
        hasher.BeginHash(password, new SeededRandomSource(11), iterations);
        while (!hasher.Step(7))
        {
        }

        return hasher.Record!;
    }

    private static bool Verify(string password, string record)
    {
        var verifier = new TechnicianPassword();
        if (!verifier.BeginVerify(password, record))
        {
            return false;
        }

        while (!verifier.Step(7))
        {
        }

        return verifier.Matches;
    }

    [Fact]
    public void Record_IsPbkdf2OfTheUtf8Password()
    {
        string record = Hash("Mot-de-passe-é", 50);
        string[] parts = record.Split('$');

        Assert.Equal("pbkdf2-sha256", parts[0]);
        Assert.Equal("50", parts[1]);
        byte[] salt = Convert.FromBase64String(parts[2]);
        Assert.Equal(TechnicianPassword.SaltLength, salt.Length);
        byte[] expected = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes("Mot-de-passe-é"), salt, 50, HashAlgorithmName.SHA256, 32);
        Assert.Equal(Convert.ToBase64String(expected), parts[3]);
    }

    [Fact]
    public void Record_NeverContainsThePassword()
    {
        Assert.DoesNotContain("Technicien", Hash("Technicien-2026"));
    }

    [Fact]
    public void Verify_AcceptsTheRightPassword()
    {
        Assert.True(Verify("Technicien-2026", Hash("Technicien-2026")));
    }

    [Theory]
    [InlineData("Technicien-2027")]
    [InlineData("technicien-2026")]
    [InlineData("")]
    public void Verify_RejectsAnyOtherPassword(string password)
    {
        Assert.False(Verify(password, Hash("Technicien-2026")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Technicien-2026")]
    [InlineData("sha1$50$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$0$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$99999999$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$50$not base64$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$50$AAAAAAAAAAAAAAAAAAAAAA==$AAAA")]
    public void MalformedRecord_MatchesNothing(string? record)
    {
        Assert.False(TechnicianPassword.IsWellFormed(record!));
        Assert.False(Verify("Technicien-2026", record!));
    }

    [Fact]
    public void Step_RunsNoMoreThanItsBudget()
    {
        var verifier = new TechnicianPassword();
        verifier.BeginVerify("Technicien-2026", Hash("Technicien-2026", 100));

        int steps = 1;
        while (!verifier.Step(10))
        {
            steps++;
        }

        Assert.Equal(10, steps);
    }

    [Fact]
    public void TwoHashes_UseDifferentSalts()
    {
        var hasher = new TechnicianPassword();
        var random = new SeededRandomSource(3);
        hasher.BeginHash("Technicien-2026", random, 10);
        while (!hasher.Step(10))
        {
        }

        string first = hasher.Record!;
        hasher.BeginHash("Technicien-2026", random, 10);
        while (!hasher.Step(10))
        {
        }

        Assert.NotEqual(first.Split('$')[2], hasher.Record!.Split('$')[2]);
    }
}
