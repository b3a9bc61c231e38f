using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Protocol.Ocpp;
using KiWhi.Armoire.Tests.Firmware;
using static KiWhi.Armoire.Tests.Authorization.AuthorizationTestSupport;

namespace KiWhi.Armoire.Tests.Authorization;

/// <summary>The authorization cache: what it keeps, what it evicts first, expiry, ClearCache and persistence.</summary>
public class AuthorizationCacheTests
{
    private readonly ManualClock _clock = new(1000);
    private readonly InMemoryFileStorage _storage = new();
    private readonly ListLogSink _log = new();

    [Fact]
    public void StoredIdTagInfoIsFound()
    {
        AuthorizationCache cache = NewCache();

        cache.Store("04a1b2", Info("Blocked", parentIdTag: "grp"));

        int index = cache.Find("04A1B2");
        Assert.Equal(AuthorizationStatus.Blocked, cache.Entries.GetStatus(index));
        Assert.Equal("GRP", cache.Entries.GetParentIdTag(index));
    }

    [Fact]
    public void NewerIdTagInfoReplacesTheOlder()
    {
        AuthorizationCache cache = NewCache();
        cache.Store("A", Info("Accepted"));

        cache.Store("a", Info("Expired"));

        Assert.Equal(1, cache.Count);
        Assert.Equal(AuthorizationStatus.Expired, cache.Entries.GetStatus(cache.Find("A")));
    }

    [Fact]
    public void FullCacheEvictsInvalidFirst()
    {
        AuthorizationCache cache = NewCache(capacity: 3);
        cache.Store("A", Info("Accepted"));
        cache.Store("B", Info("Accepted"));
        cache.Store("C", Info("Blocked"));

        cache.Store("D", Info("Accepted"));

        Assert.Equal(new[] { "A", "B", "D" }, IdTags(cache.Entries));
        Assert.Equal(1, cache.Evictions);
    }

    [Fact]
    public void FullCacheEvictsOldestInvalid()
    {
        AuthorizationCache cache = NewCache(capacity: 3);
        cache.Store("A", Info("Invalid"));
        cache.Store("B", Info("Accepted"));
        cache.Store("C", Info("Expired"));

        cache.Store("D", Info("Accepted"));

        Assert.Equal(new[] { "B", "C", "D" }, IdTags(cache.Entries));
    }

    [Fact]
    public void FullValidCacheEvictsOldest()
    {
        AuthorizationCache cache = NewCache(capacity: 3);
        cache.Store("A", Info("Accepted"));
        cache.Store("B", Info("Accepted"));
        cache.Store("C", Info("Accepted"));
        cache.Store("A", Info("Accepted"));

        cache.Store("D", Info("Accepted"));

        Assert.Equal(new[] { "A", "C", "D" }, IdTags(cache.Entries));
    }

    [Fact]
    public void ExpiredEntryIsEvictedFirst()
    {
        _clock.SetUtcNow(ServerTime);
        AuthorizationCache cache = NewCache(capacity: 2);
        cache.Store("A", Info("Accepted"));
        cache.Store("B", Info("Accepted", expiry: ServerTime.AddMinutes(1)));
        _clock.AdvanceSeconds(120);

        cache.Store("C", Info("Accepted"));

        Assert.Equal(new[] { "A", "C" }, IdTags(cache.Entries));
    }

    [Fact]
    public void AcceptedEntryExpiresOnExpiryDate()
    {
        _clock.SetUtcNow(ServerTime);
        AuthorizationCache cache = NewCache();
        cache.Store("A", Info("Accepted", expiry: ServerTime.AddHours(1)));

        Assert.Equal(AuthorizationStatus.Accepted, cache.Entries.GetStatus(cache.Find("A")));
        _clock.AdvanceSeconds(3600);
        Assert.Equal(AuthorizationStatus.Expired, cache.Entries.GetStatus(cache.Find("A")));

        AuthorizationCache reloaded = NewCache();
        reloaded.Load();
        Assert.Equal(AuthorizationStatus.Expired, reloaded.Entries.GetStatus(reloaded.Entries.IndexOf("A")));
    }

    [Fact]
    public void ExpiryUncheckedWithoutWallClock()
    {
        AuthorizationCache cache = NewCache();

        cache.Store("A", Info("Accepted", expiry: new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc)));

        Assert.False(_clock.IsWallClockSet);
        Assert.Equal(AuthorizationStatus.Accepted, cache.Entries.GetStatus(cache.Find("A")));
    }

    [Fact]
    public void ClearEmptiesCacheAndFile()
    {
        AuthorizationCache cache = NewCache();
        cache.Store("A", Info("Accepted"));

        Assert.True(cache.Clear());

        AuthorizationCache reloaded = NewCache();
        reloaded.Load();
        Assert.Equal(0, cache.Count);
        Assert.Equal(0, reloaded.Count);
    }

    [Fact]
    public void CacheAndOrderSurviveNewInstance()
    {
        AuthorizationCache cache = NewCache(capacity: 3);
        cache.Store("A", Info("Accepted"));
        cache.Store("B", Info("Accepted"));
        cache.Store("C", Info("Accepted"));
        cache.Store("A", Info("Accepted", parentIdTag: "P"));

        AuthorizationCache reloaded = NewCache(capacity: 3);
        reloaded.Load();
        reloaded.Store("D", Info("Accepted"));

        Assert.Equal(new[] { "A", "C", "D" }, IdTags(reloaded.Entries));
        Assert.Equal("P", reloaded.Entries.GetParentIdTag(reloaded.Find("A")));
    }

    [Fact]
    public void SameIdTagInfoWrittenOnce()
    {
        AuthorizationCache cache = NewCache();
        cache.Store("A", Info("Accepted", parentIdTag: "P"));
        long written = _storage.BytesWritten;

        cache.Store("A", Info("Accepted", parentIdTag: "p"));

        Assert.Equal(written, _storage.BytesWritten);
    }

    [Fact]
    public void CorruptFileGivesEmptyCache()
    {
        NewCache().Store("A", Info("Accepted"));
        byte[] content = _storage.GetBytes(AuthorizationCache.FileName)!;
        content[^1] ^= 0x01;
        _storage.SetBytes(AuthorizationCache.FileName, content);

        AuthorizationCache reloaded = NewCache();
        reloaded.Load();

        Assert.Equal(0, reloaded.Count);
        Assert.True(_log.Contains("checksum mismatch"), string.Join("\n", _log.Lines));
    }

    private AuthorizationCache NewCache(int capacity = AuthorizationCache.DefaultCapacity)
    {
        return new AuthorizationCache(_storage, _clock, NewLogger(_clock, _log), capacity);
    }
}
