using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Protocol.Ocpp;

namespace KiWhi.Armoire.Tests.Authorization;

public class AuthorizationTableTests
{
    [Theory]
    [InlineData("04a1b2c3d4e5f6", "04A1B2C3D4E5F6")]
    [InlineData("Resident-Tag", "RESIDENT-TAG")]
    [InlineData("abc", "aBc")]
    public void IdTagsCompareIgnoringAsciiCase(string stored, string presented)
    {
        var table = new AuthorizationTable(4);
        table.Put(stored, AuthorizationStatus.Accepted, false, default, null, 1);

        Assert.Equal(0, table.IndexOf(presented));
    }

    [Fact]
    public void NonAsciiLettersAreNotFolded()
    {
        var table = new AuthorizationTable(4);
        table.Put("carte-é", AuthorizationStatus.Accepted, false, default, null, 1);

        Assert.Equal(-1, table.IndexOf("CARTE-É"));
        Assert.Equal(0, table.IndexOf("CARTE-é"));
    }

    [Fact]
    public void EntriesStaySorted()
    {
        var random = new Random(3);
        var table = new AuthorizationTable(200);
        var tags = Enumerable.Range(0, 200).Select(i => i.ToString("X6")).OrderBy(_ => random.Next()).ToArray();

        foreach (string tag in tags)
        {
            Assert.True(table.Put(tag, AuthorizationStatus.Accepted, false, default, null, 0));
        }

        Assert.Equal(tags.OrderBy(t => t, StringComparer.Ordinal), AuthorizationTestSupport.IdTags(table));
        foreach (string tag in tags)
        {
            Assert.Equal(tag, table.GetIdTag(table.IndexOf(tag)));
        }
    }

    [Fact]
    public void FullTableOnlyReplacesKnownIdTags()
    {
        var table = new AuthorizationTable(2);
        table.Put("A", AuthorizationStatus.Accepted, false, default, null, 1);
        table.Put("B", AuthorizationStatus.Accepted, false, default, null, 2);

        Assert.False(table.Put("C", AuthorizationStatus.Accepted, false, default, null, 3));
        Assert.True(table.Put("b", AuthorizationStatus.Blocked, false, default, "G", 4));
        Assert.Equal(2, table.Count);
        Assert.Equal(AuthorizationStatus.Blocked, table.GetStatus(table.IndexOf("B")));
        Assert.Equal("G", table.GetParentIdTag(table.IndexOf("B")));
        Assert.Equal(4, table.GetSequence(table.IndexOf("B")));
    }

    [Fact]
    public void RemoveKeepsOthersFindable()
    {
        var table = new AuthorizationTable(5);
        foreach (string tag in new[] { "E", "A", "C", "B", "D" })
        {
            table.Put(tag, AuthorizationStatus.Accepted, false, default, null, 0);
        }

        Assert.True(table.Remove("c"));
        Assert.False(table.Remove("C"));

        Assert.Equal(new[] { "A", "B", "D", "E" }, AuthorizationTestSupport.IdTags(table));
    }

    [Fact]
    public void ExpiryDateIsKeptToTheTick()
    {
        var table = new AuthorizationTable(1);
        var expiry = new DateTime(2027, 3, 1, 12, 30, 15, DateTimeKind.Utc).AddTicks(1234567);

        table.Put("A", AuthorizationStatus.Accepted, true, expiry, null, 0);

        Assert.True(table.HasExpiryDate(0));
        Assert.Equal(expiry, table.GetExpiryDate(0));
        Assert.Equal(DateTimeKind.Utc, table.GetExpiryDate(0).Kind);
    }

    [Fact]
    public void ClearEmptiesTheTable()
    {
        var table = new AuthorizationTable(3);
        table.Put("A", AuthorizationStatus.Accepted, false, default, null, 0);

        table.Clear();

        Assert.Equal(0, table.Count);
        Assert.Equal(-1, table.IndexOf("A"));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.GetIdTag(0));
    }
}
