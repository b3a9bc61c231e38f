using System.Text.Json;
using System.Xml.Linq;

namespace KiWhi.Armoire.Tests.Nano;

/// <summary>
/// The device projects pin one nanoFramework release train: a package has the same version in every
/// packages.config, each reference's HintPath points into that version's folder, and each
/// packages.lock.json resolves exactly what packages.config lists. The firmware flashed on the board
/// must carry native assemblies matching these managed versions, so a drift breaks the device only.
/// </summary>
public class PackageTrainTests
{
    public static TheoryData<string> DeviceProjects()
    {
        TheoryData<string> projects = new();
        foreach (string path in NfprojPaths())
        {
            projects.Add(path);
        }

        return projects;
    }

    [Fact]
    public void EveryPackageHasOneVersion()
    {
        var versions = NfprojPaths()
            .SelectMany(p => PackagesConfig(p).Select(entry => (Project: p, entry.Id, entry.Version)))
            .GroupBy(e => e.Id)
            .Where(g => g.Select(e => e.Version).Distinct().Count() > 1)
            .Select(g => g.Key + ": " + string.Join(", ", g.Select(e => e.Version + " in " + e.Project)))
            .ToArray();

        Assert.True(versions.Length == 0, "packages pinned at several versions:\n" + string.Join("\n", versions));
    }

    [Fact]
    public void EveryPackageBuildsOnCoreLibrary11711()
    {
        foreach (string project in NfprojPaths())
        {
            Assert.Contains(PackagesConfig(project), e => e.Id == "nanoFramework.CoreLibrary" && e.Version == "1.17.11");
        }
    }

    // NFProjectSystem.props of the nanoFramework extension sets OutputPath to bin\$(Configuration)\
    // without a condition, so a project's own OutputPath counts only after that import.
    [Theory]
    [MemberData(nameof(DeviceProjects))]
    public void OutputPathFollowsProjectSystemProps(string project)
    {
        XElement[] elements = XDocument.Load(SourceListTests.Full(project)).Descendants().ToArray();
        int import = Array.FindIndex(elements, e => e.Name.LocalName == "Import"
            && ((string?)e.Attribute("Project") ?? "").EndsWith("NFProjectSystem.props", StringComparison.Ordinal));
        int outputPath = Array.FindIndex(elements, e => e.Name.LocalName == "OutputPath");

        Assert.True(import >= 0, project + " does not import NFProjectSystem.props");
        Assert.True(outputPath > import, project + " sets OutputPath before importing NFProjectSystem.props");
    }

    // The nanoFramework test adapter 3.0.77 (TestAdapter/Discover.cs, FindNfprojFile) passes each
    // parent folder back through Path.GetDirectoryName, so it looks for the .nfproj only in every
    // second parent of the test assembly: the assembly must sit an even number of folders down.
    [Fact]
    public void TestAssemblySitsTwoFoldersBelowItsProject()
    {
        string outputPath = XDocument.Load(SourceListTests.Full("tests/Device/NFUnitTest.nfproj")).Descendants()
            .Last(e => e.Name.LocalName == "OutputPath").Value;

        Assert.Equal(2, outputPath.Split('\\', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [MemberData(nameof(DeviceProjects))]
    public void HintPathsMatchPackagesConfig(string project)
    {
        (string Id, string Version)[] pinned = PackagesConfig(project);
        string[] hintPaths = XDocument.Load(SourceListTests.Full(project)).Descendants()
            .Where(e => e.Name.LocalName == "HintPath")
            .Select(e => e.Value.Replace('\\', '/'))
            .ToArray();

        Assert.NotEmpty(hintPaths);
        foreach (string hintPath in hintPaths)
        {
            Assert.Contains(pinned, e => hintPath.Contains("/packages/" + e.Id + "." + e.Version + "/lib/", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(DeviceProjects))]
    public void LockFileMatchesPackagesConfig(string project)
    {
        string folder = Path.GetDirectoryName(SourceListTests.Full(project))!;
        using JsonDocument lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "packages.lock.json")));
        JsonElement dependencies = lockFile.RootElement.GetProperty("dependencies").GetProperty(".NETnanoFramework,Version=v1.0");

        (string Id, string Version)[] locked = dependencies.EnumerateObject()
            .Select(p => (p.Name, p.Value.GetProperty("resolved").GetString() ?? string.Empty))
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(PackagesConfig(project).OrderBy(e => e.Id, StringComparer.Ordinal).ToArray(), locked);
    }

    private static string[] NfprojPaths() =>
        Directory.EnumerateFiles(RepositoryLayout.Root, "*.nfproj", SearchOption.AllDirectories)
            .Select(SourceListTests.Relative)
            .Where(p => !p.Split('/').Any(part => part == "bin" || part == "obj" || part == "packages"))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToArray();

    private static (string Id, string Version)[] PackagesConfig(string project)
    {
        string folder = Path.GetDirectoryName(SourceListTests.Full(project))!;
        return XDocument.Load(Path.Combine(folder, "packages.config")).Descendants("package")
            .Select(e => ((string?)e.Attribute("id") ?? string.Empty, (string?)e.Attribute("version") ?? string.Empty))
            .ToArray();
    }
}
