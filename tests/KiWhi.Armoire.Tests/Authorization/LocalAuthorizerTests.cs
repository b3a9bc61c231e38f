using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Protocol.Ocpp;
using KiWhi.Armoire.Tests.Firmware;
using static KiWhi.Armoire.Tests.Authorization.AuthorizationTestSupport;

namespace KiWhi.Armoire.Tests.Authorization;

/// <summary>
/// Local decisions (OCPP 1.6 §3.5) under the keys LocalAuthListEnabled, AuthorizationCacheEnabled,
/// LocalAuthorizeOffline, LocalPreAuthorize and AllowOfflineTxForUnknownId.
/// </summary>
public class LocalAuthorizerTests
{
    private const string Listed = "04A1A1A1A1A1A1";
    private const string ListedBlocked = "04B2B2B2B2B2B2";
    private const string Cached = "04C3C3C3C3C3C3";
    private const string CachedBlocked = "04D4D4D4D4D4D4";
    private const string Unknown = "04E5E5E5E5E5E5";

    private readonly ManualClock _clock = new(1000);
    private readonly InMemoryFileStorage _storage = new();
    private readonly CabinetConfiguration _configuration = new();

    public static TheoryData<string, bool, bool, AuthorizationOutcome, AuthorizationStatus> OfflineCases()
    {
        // idTag, LocalAuthorizeOffline, AllowOfflineTxForUnknownId, outcome, status
        return new TheoryData<string, bool, bool, AuthorizationOutcome, AuthorizationStatus>
        {
            { Listed, true, false, AuthorizationOutcome.Accepted, AuthorizationStatus.Accepted },
            { Cached, true, false, AuthorizationOutcome.Accepted, AuthorizationStatus.Accepted },
            { ListedBlocked, true, false, AuthorizationOutcome.Rejected, AuthorizationStatus.Blocked },
            { CachedBlocked, true, false, AuthorizationOutcome.Rejected, AuthorizationStatus.Blocked },
            { Unknown, true, false, AuthorizationOutcome.Unreachable, AuthorizationStatus.Invalid },
            { Unknown, true, true, AuthorizationOutcome.Accepted, AuthorizationStatus.Accepted },
            { ListedBlocked, true, true, AuthorizationOutcome.Rejected, AuthorizationStatus.Blocked },
            { CachedBlocked, false, true, AuthorizationOutcome.Rejected, AuthorizationStatus.Blocked },
            { Listed, false, false, AuthorizationOutcome.Unreachable, AuthorizationStatus.Invalid },
            { Cached, false, false, AuthorizationOutcome.Unreachable, AuthorizationStatus.Invalid },
            { Listed, false, true, AuthorizationOutcome.Accepted, AuthorizationStatus.Accepted },
        };
    }

    [Theory]
    [MemberData(nameof(OfflineCases))]
    public void OfflineDecision(string idTag, bool localAuthorizeOffline, bool allowUnknown, AuthorizationOutcome outcome, AuthorizationStatus status)
    {
        _configuration.LocalAuthorizeOffline = localAuthorizeOffline;
        _configuration.AllowOfflineTxForUnknownId = allowUnknown;
        LocalAuthorizer authorizer = NewAuthorizer();

        AuthorizationOutcome actual = authorizer.DecideOffline(idTag, out AuthorizationStatus actualStatus);

        Assert.Equal(outcome, actual);
        Assert.Equal(status, actualStatus);
    }

    [Fact]
    public void ListHasPriorityOverCache()
    {
        LocalAuthorizer authorizer = NewAuthorizer();
        authorizer.Cache.Store(ListedBlocked, Info("Accepted"));

        Assert.Equal(LocalVerdict.Invalid, authorizer.Check(ListedBlocked, out AuthorizationStatus status));
        Assert.Equal(AuthorizationStatus.Blocked, status);
    }

    [Fact]
    public void ExpiredListEntryIsRejected()
    {
        _clock.SetUtcNow(ServerTime);
        LocalAuthorizer authorizer = NewAuthorizer();
        authorizer.ApplyLocalList(Update(new System.Text.Json.Nodes.JsonObject
        {
            ["listVersion"] = 9,
            ["updateType"] = "Differential",
            ["localAuthorizationList"] = new System.Text.Json.Nodes.JsonArray
            {
                new System.Text.Json.Nodes.JsonObject { ["idTag"] = "04F6", ["idTagInfo"] = new System.Text.Json.Nodes.JsonObject { ["status"] = "Accepted", ["expiryDate"] = "2026-12-04T08:30:00Z" } },
            },
        }));

        Assert.Equal(AuthorizationOutcome.Accepted, authorizer.DecideOffline("04F6", out _));
        _clock.AdvanceSeconds(1800);
        Assert.Equal(AuthorizationOutcome.Rejected, authorizer.DecideOffline("04F6", out AuthorizationStatus status));
        Assert.Equal(AuthorizationStatus.Expired, status);
    }

    [Fact]
    public void DisabledListIsIgnored()
    {
        _configuration.LocalAuthListEnabled = false;
        LocalAuthorizer authorizer = NewAuthorizer();

        Assert.Equal(-1, authorizer.LocalListVersion);
        Assert.Equal(LocalVerdict.Unknown, authorizer.Check(Listed, out _));
        Assert.Equal(UpdateStatus.NotSupported, authorizer.ApplyLocalList(Update("Full", 8, ("X", "Accepted"))));
        Assert.Equal(2, authorizer.List.Count);
    }

    [Fact]
    public void DisabledCacheIsUnused()
    {
        _configuration.AuthorizationCacheEnabled = false;
        LocalAuthorizer authorizer = NewAuthorizer();

        authorizer.OnIdTagInfo(Unknown, Info("Accepted"), out _);

        Assert.Equal(LocalVerdict.Unknown, authorizer.Check(Cached, out _));
        Assert.Equal(-1, authorizer.Cache.Entries.IndexOf(Unknown));
    }

    [Theory]
    [InlineData(Listed, true, true)]
    [InlineData(Cached, true, true)]
    [InlineData(Unknown, true, false)]
    [InlineData(ListedBlocked, true, false)]
    [InlineData(Listed, false, false)]
    public void PreAuthorization(string idTag, bool localPreAuthorize, bool expected)
    {
        _configuration.LocalPreAuthorize = localPreAuthorize;
        LocalAuthorizer authorizer = NewAuthorizer();

        Assert.Equal(expected, authorizer.IsPreAuthorized(idTag));
    }

    [Fact]
    public void UnlistedIdTagInfoIsCached()
    {
        LocalAuthorizer authorizer = NewAuthorizer();

        bool conflict = authorizer.OnIdTagInfo(Unknown, Info("Expired"), out _);

        Assert.False(conflict);
        Assert.Equal(AuthorizationStatus.Expired, authorizer.Cache.Entries.GetStatus(authorizer.Cache.Find(Unknown)));
    }

    [Fact]
    public void ListedIdTagInfoIsNotCached()
    {
        LocalAuthorizer authorizer = NewAuthorizer();

        authorizer.OnIdTagInfo(Listed, Info("Accepted"), out _);

        Assert.Equal(-1, authorizer.Cache.Find(Listed));
    }

    [Theory]
    [InlineData(Listed, "Blocked", true, AuthorizationStatus.Accepted)]
    [InlineData(ListedBlocked, "Accepted", true, AuthorizationStatus.Blocked)]
    [InlineData(ListedBlocked, "Invalid", true, AuthorizationStatus.Blocked)]
    [InlineData(Listed, "Accepted", false, AuthorizationStatus.Accepted)]
    public void DifferentServerStatusIsConflict(string idTag, string serverStatus, bool conflict, AuthorizationStatus listStatus)
    {
        LocalAuthorizer authorizer = NewAuthorizer();

        bool actual = authorizer.OnIdTagInfo(idTag, Info(serverStatus), out AuthorizationStatus actualListStatus);

        Assert.Equal(conflict, actual);
        Assert.Equal(listStatus, actualListStatus);
    }

    [Fact]
    public void ClearCacheKeepsTheList()
    {
        LocalAuthorizer authorizer = NewAuthorizer();

        Assert.Equal(ClearCacheStatus.Accepted, authorizer.ClearCache());
        Assert.Equal(0, authorizer.Cache.Count);
        Assert.Equal(2, authorizer.List.Count);
    }

    [Fact]
    public void NewInstanceLoadsListAndCache()
    {
        NewAuthorizer();

        var reloaded = new LocalAuthorizer(_configuration, _storage, _clock, NewLogger(_clock));
        reloaded.Load();

        Assert.Equal(7, reloaded.LocalListVersion);
        Assert.Equal(LocalVerdict.Valid, reloaded.Check(Cached, out _));
        Assert.Equal(LocalVerdict.Invalid, reloaded.Check(ListedBlocked, out _));
    }

    // An authorizer whose list holds Listed (Accepted) and ListedBlocked (Blocked) at version 7, and
    // whose cache holds Cached (Accepted) and CachedBlocked (Blocked).
    private LocalAuthorizer NewAuthorizer()
    {
        bool listEnabled = _configuration.LocalAuthListEnabled;
        bool cacheEnabled = _configuration.AuthorizationCacheEnabled;
        _configuration.LocalAuthListEnabled = true;
        _configuration.AuthorizationCacheEnabled = true;

        var authorizer = new LocalAuthorizer(_configuration, _storage, _clock, NewLogger(_clock));
        authorizer.Load();
        Assert.Equal(UpdateStatus.Accepted, authorizer.ApplyLocalList(Update("Full", 7, (Listed, "Accepted"), (ListedBlocked, "Blocked"))));
        authorizer.OnIdTagInfo(Cached, Info("Accepted"), out _);
        authorizer.OnIdTagInfo(CachedBlocked, Info("Blocked"), out _);

        _configuration.LocalAuthListEnabled = listEnabled;
        _configuration.AuthorizationCacheEnabled = cacheEnabled;
        return authorizer;
    }
}
