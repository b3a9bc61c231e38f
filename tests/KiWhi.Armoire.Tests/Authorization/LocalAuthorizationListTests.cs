using System.Text.Json.Nodes;
using KiWhi.Armoire.Firmware;
using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;
using KiWhi.Armoire.Protocol.Ocpp;
using KiWhi.Armoire.Tests.Firmware;
using static KiWhi.Armoire.Tests.Authorization.AuthorizationTestSupport;

namespace KiWhi.Armoire.Tests.Authorization;

/// <summary>The local authorization list: SendLocalList version rules (OCPP 1.6 §5.15), capacity and persistence.</summary>
public class LocalAuthorizationListTests
{
    private readonly ManualClock _clock = new();
    private readonly InMemoryFileStorage _storage = new();
    private readonly ListLogSink _log = new();

    [Fact]
    public void NewListIsEmptyWithVersionZero()
    {
        LocalAuthorizationList list = NewList();

        Assert.Equal(0, list.Version);
        Assert.Equal(0, list.Count);
    }

    [Fact]
    public void FullUpdateSetsVersionAndEntries()
    {
        LocalAuthorizationList list = NewList();

        UpdateStatus status = list.Apply(Update("Full", 3, ("04A1", "Accepted"), ("04B2", "Blocked")));

        Assert.Equal(UpdateStatus.Accepted, status);
        Assert.Equal(3, list.Version);
        Assert.Equal(new[] { "04A1", "04B2" }, IdTags(list.Entries));
        Assert.Equal(AuthorizationStatus.Blocked, list.Entries.GetStatus(list.IndexOf("04b2")));
    }

    [Fact]
    public void FullUpdateReplacesList()
    {
        LocalAuthorizationList list = NewList();
        list.Apply(Update("Full", 3, ("04A1", "Accepted"), ("04B2", "Accepted")));

        list.Apply(Update("Full", 2, ("04C3", "Accepted")));

        Assert.Equal(2, list.Version);
        Assert.Equal(new[] { "04C3" }, IdTags(list.Entries));
    }

    [Fact]
    public void FullUpdateSkipsEntriesWithoutInfo()
    {
        LocalAuthorizationList list = NewList();

        list.Apply(Update("Full", 1, ("04A1", "Accepted"), ("04B2", null)));

        Assert.Equal(new[] { "04A1" }, IdTags(list.Entries));
    }

    [Fact]
    public void EmptyFullUpdateClearsToVersionZero()
    {
        LocalAuthorizationList list = NewList();
        list.Apply(Update("Full", 3, ("04A1", "Accepted")));

        UpdateStatus status = list.Apply(Update(new JsonObject { ["listVersion"] = 7, ["updateType"] = "Full" }));

        Assert.Equal(UpdateStatus.Accepted, status);
        Assert.Equal(0, list.Count);
        Assert.Equal(0, list.Version);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void FullUpdateNeedsPositiveVersion(int listVersion)
    {
        LocalAuthorizationList list = NewList();
        list.Apply(Update("Full", 3, ("04A1", "Accepted")));

        UpdateStatus status = list.Apply(Update("Full", listVersion, ("04B2", "Accepted")));

        Assert.Equal(UpdateStatus.Failed, status);
        Assert.Equal(3, list.Version);
        Assert.Equal(new[] { "04A1" }, IdTags(list.Entries));
    }

    [Theory]
    [InlineData(5, UpdateStatus.VersionMismatch)]
    [InlineData(4, UpdateStatus.VersionMismatch)]
    [InlineData(-1, UpdateStatus.VersionMismatch)]
    [InlineData(6, UpdateStatus.Accepted)]
    [InlineData(100, UpdateStatus.Accepted)]
    public void DifferentialUpdateNeedsHigherVersion(int listVersion, UpdateStatus expected)
    {
        LocalAuthorizationList list = NewList();
        list.Apply(Update("Full", 5, ("04A1", "Accepted")));

        UpdateStatus status = list.Apply(Update("Differential", listVersion, ("04B2", "Accepted")));

        Assert.Equal(expected, status);
        Assert.Equal(expected == UpdateStatus.Accepted ? listVersion : 5, list.Version);
        Assert.Equal(expected == UpdateStatus.Accepted ? 2 : 1, list.Count);
    }

    [Fact]
    public void DifferentialUpdateAddsChangesAndRemoves()
    {
        LocalAuthorizationList list = NewList();
        list.Apply(Update("Full", 1, ("04A1", "Accepted"), ("04B2", "Accepted"), ("04C3", "Accepted")));

        UpdateStatus status = list.Apply(Update("Differential", 2, ("04a1", "Blocked"), ("04B2", null), ("04D4", "Accepted")));

        Assert.Equal(UpdateStatus.Accepted, status);
        Assert.Equal(new[] { "04A1", "04C3", "04D4" }, IdTags(list.Entries));
        Assert.Equal(AuthorizationStatus.Blocked, list.Entries.GetStatus(list.IndexOf("04A1")));
    }

    [Fact]
    public void FirstDifferentialUpdateIsAccepted()
    {
        LocalAuthorizationList list = NewList();

        Assert.Equal(UpdateStatus.Accepted, list.Apply(Update("Differential", 1, ("04A1", "Accepted"))));
        Assert.Equal(1, list.Version);
    }

    [Fact]
    public void EmptiedListHasVersionZero()
    {
        LocalAuthorizationList list = NewList();
        list.Apply(Update("Full", 4, ("04A1", "Accepted")));

        list.Apply(Update("Differential", 5, ("04A1", null)));

        Assert.Equal(0, list.Version);
        Assert.Equal(UpdateStatus.Accepted, list.Apply(Update("Differential", 1, ("04B2", "Accepted"))));
    }

    [Fact]
    public void RepeatedIdTagFailsUpdate()
    {
        LocalAuthorizationList list = NewList();
        list.Apply(Update("Full", 1, ("04A1", "Accepted")));

        UpdateStatus status = list.Apply(Update("Differential", 2, ("04B2", "Accepted"), ("04b2", "Blocked")));

        Assert.Equal(UpdateStatus.Failed, status);
        Assert.Equal(1, list.Version);
        Assert.Equal(-1, list.IndexOf("04B2"));
    }

    [Fact]
    public void OversizedUpdateFails()
    {
        LocalAuthorizationList list = NewList();
        var entries = Enumerable.Range(0, LocalAuthorizationList.MaxEntriesPerUpdate + 1).Select(i => ("TAG" + i, (string?)"Accepted")).ToArray();

        UpdateStatus status = list.Apply(Update("Full", 1, entries));

        Assert.Equal(UpdateStatus.Failed, status);
        Assert.Equal(0, list.Count);
    }

    [Fact]
    public void UpdateBeyondCapacityFails()
    {
        LocalAuthorizationList list = NewList(capacity: 3);
        list.Apply(Update("Full", 1, ("A", "Accepted"), ("B", "Accepted")));

        UpdateStatus status = list.Apply(Update("Differential", 2, ("C", "Accepted"), ("D", "Accepted")));

        Assert.Equal(UpdateStatus.Failed, status);
        Assert.Equal(new[] { "A", "B" }, IdTags(list.Entries));
        Assert.Equal(1, list.Version);
    }

    [Fact]
    public void RemovalsMakeRoomFirst()
    {
        LocalAuthorizationList list = NewList(capacity: 2);
        list.Apply(Update("Full", 1, ("A", "Accepted"), ("B", "Accepted")));

        UpdateStatus status = list.Apply(Update("Differential", 2, ("C", "Accepted"), ("A", null)));

        Assert.Equal(UpdateStatus.Accepted, status);
        Assert.Equal(new[] { "B", "C" }, IdTags(list.Entries));
    }

    [Fact]
    public void HoldsLocalAuthListMaxLengthEntries()
    {
        LocalAuthorizationList list = NewList();
        int version = 0;
        for (int first = 0; first < LocalAuthorizationList.DefaultCapacity; first += LocalAuthorizationList.MaxEntriesPerUpdate)
        {
            var batch = Enumerable.Range(first, LocalAuthorizationList.MaxEntriesPerUpdate).Select(i => ("04" + i.ToString("X12"), (string?)"Accepted")).ToArray();
            Assert.Equal(UpdateStatus.Accepted, list.Apply(Update("Differential", ++version, batch)));
        }

        UpdateStatus overflow = list.Apply(Update("Differential", version + 1, ("04FFFFFFFFFFFF", "Accepted")));
        LocalAuthorizationList reloaded = NewList();
        reloaded.Load();

        Assert.Equal(1000, LocalAuthorizationList.DefaultCapacity);
        Assert.Equal(LocalAuthorizationList.DefaultCapacity, list.Count);
        Assert.Equal(UpdateStatus.Failed, overflow);
        Assert.Equal(LocalAuthorizationList.DefaultCapacity, reloaded.Count);
        Assert.Equal(version, reloaded.Version);
        Assert.True(reloaded.IndexOf("04" + 999.ToString("X12")) >= 0);
    }

    [Fact]
    public void ListSurvivesNewInstance()
    {
        LocalAuthorizationList list = NewList();
        var expiry = new DateTime(2027, 1, 31, 23, 0, 0, DateTimeKind.Utc);
        list.Apply(Update(new JsonObject
        {
            ["listVersion"] = 12,
            ["updateType"] = "Full",
            ["localAuthorizationList"] = new JsonArray
            {
                new JsonObject { ["idTag"] = "04A1", ["idTagInfo"] = new JsonObject { ["status"] = "Accepted", ["expiryDate"] = "2027-01-31T23:00:00Z", ["parentIdTag"] = "family-7" } },
                new JsonObject { ["idTag"] = "Résident", ["idTagInfo"] = new JsonObject { ["status"] = "Blocked" } },
                new JsonObject { ["idTag"] = "漢字", ["idTagInfo"] = new JsonObject { ["status"] = "ConcurrentTx" } },
            },
        }));

        LocalAuthorizationList reloaded = NewList();
        reloaded.Load();

        Assert.Equal(12, reloaded.Version);
        Assert.Equal(IdTags(list.Entries), IdTags(reloaded.Entries));
        int index = reloaded.IndexOf("04a1");
        Assert.Equal(expiry, reloaded.Entries.GetExpiryDate(index));
        Assert.Equal("FAMILY-7", reloaded.Entries.GetParentIdTag(index));
        Assert.Equal(AuthorizationStatus.Blocked, reloaded.Entries.GetStatus(reloaded.IndexOf("RéSIDENT")));
        Assert.Equal(AuthorizationStatus.ConcurrentTx, reloaded.Entries.GetStatus(reloaded.IndexOf("漢字")));
    }

    [Fact]
    public void CorruptFileGivesEmptyList()
    {
        NewList().Apply(Update("Full", 4, ("04A1", "Accepted")));
        byte[] content = _storage.GetBytes(LocalAuthorizationList.FileName)!;
        content[content.Length / 2] ^= 0x10;
        _storage.SetBytes(LocalAuthorizationList.FileName, content);

        LocalAuthorizationList reloaded = NewList();
        reloaded.Load();

        Assert.Equal(0, reloaded.Count);
        Assert.Equal(0, reloaded.Version);
        Assert.True(_log.Contains("not loaded"), string.Join("\n", _log.Lines));
    }

    [Fact]
    public void TruncatedFileGivesEmptyList()
    {
        NewList().Apply(Update("Full", 4, ("04A1", "Accepted"), ("04B2", "Accepted")));
        byte[] content = _storage.GetBytes(LocalAuthorizationList.FileName)!;
        for (int length = 0; length < content.Length; length++)
        {
            _storage.SetBytes(LocalAuthorizationList.FileName, content.AsSpan(0, length).ToArray());

            LocalAuthorizationList reloaded = NewList();
            reloaded.Load();

            Assert.Equal(0, reloaded.Count);
        }
    }

    [Fact]
    public void FailedSaveKeepsPreviousList()
    {
        var storage = new FailingRenameStorage(_storage);
        var list = new LocalAuthorizationList(storage, NewLogger(_clock, _log), LocalAuthorizationList.DefaultCapacity);
        list.Apply(Update("Full", 1, ("04A1", "Accepted")));
        storage.FailRenames = true;

        UpdateStatus status = list.Apply(Update("Differential", 2, ("04B2", "Accepted")));

        Assert.Equal(UpdateStatus.Failed, status);
        Assert.Equal(1, list.Version);
        Assert.Equal(new[] { "04A1" }, IdTags(list.Entries));
    }

    [Theory]
    [InlineData(TearMode.Prefix)]
    [InlineData(TearMode.TornPage)]
    public void PowerCutKeepsOldOrNewList(TearMode mode)
    {
        var flash = new PowerCutFlash();
        new LocalAuthorizationList(flash, NewLogger(_clock, _log), LocalAuthorizationList.DefaultCapacity)
            .Apply(Update("Full", 1, ("04A1", "Accepted"), ("04B2", "Accepted")));
        PowerCutFlash measured = flash.Reboot();
        LocalAuthorizationList measuredList = NewList(measured);
        measuredList.Load();
        measuredList.Apply(NextUpdate());
        long unitsPerUpdate = measured.UnitsWritten;
        int oldLists = 0;
        int newLists = 0;

        for (long unit = 0; unit <= unitsPerUpdate; unit++)
        {
            PowerCutFlash attempt = flash.Reboot();
            LocalAuthorizationList list = NewList(attempt);
            list.Load();
            attempt.CutAt(unit, mode);
            try
            {
                list.Apply(NextUpdate());
            }
            catch (PowerLossException)
            {
                // The cabinet stops here, as the CPU does on the device.
            }

            LocalAuthorizationList rebooted = NewList(attempt.Reboot());
            rebooted.Load();
            string[] tags = IdTags(rebooted.Entries);
            if (rebooted.Version == 2)
            {
                newLists++;
                Assert.Equal(new[] { "04B2", "04C3" }, tags);
            }
            else
            {
                oldLists++;
                Assert.Equal(1, rebooted.Version);
                Assert.Equal(new[] { "04A1", "04B2" }, tags);
            }
        }

        Assert.True(unitsPerUpdate > 40, "the update wrote only " + unitsPerUpdate + " units");
        Assert.True(oldLists > 0, "no cut point kept the old list");
        Assert.Equal(1, newLists);
    }

    private static SendLocalListRequest NextUpdate()
    {
        return Update("Differential", 2, ("04C3", "Accepted"), ("04A1", null));
    }

    private LocalAuthorizationList NewList(IFileStorage storage)
    {
        return new LocalAuthorizationList(storage, NewLogger(_clock, _log), LocalAuthorizationList.DefaultCapacity);
    }

    private LocalAuthorizationList NewList(int capacity = LocalAuthorizationList.DefaultCapacity)
    {
        return new LocalAuthorizationList(_storage, NewLogger(_clock, _log), capacity);
    }
}
