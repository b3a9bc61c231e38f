using System.Text;
using KiWhi.Armoire.Hal;
using KiWhi.Armoire.Hal.Simulation;

namespace KiWhi.Armoire.Tests.Simulation;

/// <summary>The <see cref="IFileStorage"/> contract, run against both simulated storages.</summary>
public sealed class FileStorageTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kiwhi-storage-" + Guid.NewGuid().ToString("N"));

    public static TheoryData<string> Kinds => new() { "memory", "directory" };

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, true);
        }
    }

    private IFileStorage Create(string kind)
    {
        return kind == "memory" ? new InMemoryFileStorage() : new DirectoryFileStorage(_folder);
    }

    private static byte[] Bytes(string text) => Encoding.ASCII.GetBytes(text);

    private static string ReadAll(IFileStorage storage, string name)
    {
        var buffer = new byte[256];
        int count = storage.Read(name, 0, buffer, 0, buffer.Length);
        return Encoding.ASCII.GetString(buffer, 0, count);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void MissingFileHasLengthMinusOne(string kind)
    {
        IFileStorage storage = Create(kind);

        Assert.Equal(-1, storage.GetLength("journal.bin"));
        Assert.Equal(0, storage.Read("journal.bin", 0, new byte[4], 0, 4));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void WriteThenReadRoundTrips(string kind)
    {
        IFileStorage storage = Create(kind);

        storage.Write("state.bin", Bytes("xxhello"), 2, 5);

        Assert.Equal(5, storage.GetLength("state.bin"));
        Assert.Equal("hello", ReadAll(storage, "state.bin"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ReadFromPositionReturnsRest(string kind)
    {
        IFileStorage storage = Create(kind);
        storage.Write("a", Bytes("abcdef"), 0, 6);
        var buffer = new byte[10];

        int count = storage.Read("a", 4, buffer, 1, 10 - 1);
        int pastEnd = storage.Read("a", 6, buffer, 0, 4);

        Assert.Equal(2, count);
        Assert.Equal("ef", Encoding.ASCII.GetString(buffer, 1, 2));
        Assert.Equal(0, pastEnd);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void WriteReplacesContent(string kind)
    {
        IFileStorage storage = Create(kind);
        storage.Write("a", Bytes("long content"), 0, 12);

        storage.Write("a", Bytes("new"), 0, 3);

        Assert.Equal("new", ReadAll(storage, "a"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void AppendCreatesThenExtends(string kind)
    {
        IFileStorage storage = Create(kind);

        storage.Append("log", Bytes("ab"), 0, 2);
        storage.Append("log", Bytes("cd"), 0, 2);

        Assert.Equal("abcd", ReadAll(storage, "log"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void RenameReplacesTarget(string kind)
    {
        IFileStorage storage = Create(kind);
        storage.Write("new.tmp", Bytes("v2"), 0, 2);
        storage.Write("cfg", Bytes("v1"), 0, 2);

        storage.Rename("new.tmp", "cfg");

        Assert.Equal("v2", ReadAll(storage, "cfg"));
        Assert.Equal(-1, storage.GetLength("new.tmp"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void RenameOfMissingFileThrows(string kind)
    {
        IFileStorage storage = Create(kind);

        Assert.Throws<FileNotFoundException>(() => storage.Rename("absent", "cfg"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void DeleteRemovesAndToleratesMissing(string kind)
    {
        IFileStorage storage = Create(kind);
        storage.Write("a", Bytes("x"), 0, 1);

        storage.Delete("a");
        storage.Delete("a");

        Assert.Equal(-1, storage.GetLength("a"));
    }

    [Theory]
    [InlineData("memory", "../escape")]
    [InlineData("memory", "a/b")]
    [InlineData("memory", "..")]
    [InlineData("memory", "")]
    [InlineData("directory", "../escape")]
    [InlineData("directory", "a\\b")]
    [InlineData("directory", "I:")]
    public void InvalidNameThrows(string kind, string name)
    {
        IFileStorage storage = Create(kind);

        Assert.Throws<ArgumentException>(() => storage.Write(name, Bytes("x"), 0, 1));
    }

    [Fact]
    public void DirectoryStorageKeepsFilesAcrossInstances()
    {
        new DirectoryFileStorage(_folder).Write("state.bin", Bytes("kept"), 0, 4);

        var reopened = new DirectoryFileStorage(_folder);

        Assert.Equal("kept", ReadAll(reopened, "state.bin"));
    }

    [Fact]
    public void PowerCutTearsWrite()
    {
        var storage = new InMemoryFileStorage();
        storage.CutPowerAfterBytes(3);

        Assert.Throws<SimulatedPowerCutException>(() => storage.Write("a", Bytes("hello"), 0, 5));
        Assert.True(storage.IsPowerCut);
        Assert.Throws<SimulatedPowerCutException>(() => storage.GetLength("a"));

        storage.RestorePower();

        Assert.Equal("hel", ReadAll(storage, "a"));
    }

    [Fact]
    public void PowerCutTearsAppend()
    {
        var storage = new InMemoryFileStorage();
        storage.Write("log", Bytes("ab"), 0, 2);
        storage.CutPowerAfterBytes(1);

        Assert.Throws<SimulatedPowerCutException>(() => storage.Append("log", Bytes("cd"), 0, 2));
        storage.RestorePower();

        Assert.Equal("abc", ReadAll(storage, "log"));
    }

    [Fact]
    public void ZeroBudgetBlocksRename()
    {
        var storage = new InMemoryFileStorage();
        storage.Write("new.tmp", Bytes("v2"), 0, 2);
        storage.CutPowerAfterBytes(0);

        Assert.Throws<SimulatedPowerCutException>(() => storage.Rename("new.tmp", "cfg"));
        storage.RestorePower();

        Assert.Equal(-1, storage.GetLength("cfg"));
        Assert.Equal(2, storage.GetLength("new.tmp"));
    }

    [Fact]
    public void WriteWithinBudgetSucceeds()
    {
        var storage = new InMemoryFileStorage();
        storage.CutPowerAfterBytes(5);

        storage.Write("a", Bytes("hello"), 0, 5);

        Assert.False(storage.IsPowerCut);
        Assert.Throws<SimulatedPowerCutException>(() => storage.Delete("a"));
    }
}
