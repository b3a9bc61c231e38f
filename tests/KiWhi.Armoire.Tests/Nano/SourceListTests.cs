using System.Xml.Linq;

namespace KiWhi.Armoire.Tests.Nano;

/// <summary>
/// One source list feeds every build: each portable component's .projitems lists exactly its .cs
/// files, the device projects import those .projitems, and the device-only projects list every file
/// of their folder. A file missing from a list would compile on the host and silently vanish from
/// the device image.
/// </summary>
public class SourceListTests
{
    public static TheoryData<string, string, string[]> Components() => new()
    {
        { "protocol", "protocol/KiWhi.Armoire.Protocol.projitems", Array.Empty<string>() },
        { "hal", "hal/KiWhi.Armoire.Hal.projitems", new[] { "hal/Nano", "hal/Simulation" } },
        { "boards", "boards/KiWhi.Armoire.Boards.projitems", Array.Empty<string>() },
        { "firmware", "firmware/KiWhi.Armoire.Firmware.projitems", new[] { "firmware/Device" } },
    };

    [Theory]
    [MemberData(nameof(Components))]
    public void ProjitemsListsEverySource(string folder, string projitems, string[] excluded)
    {
        string[] onDisk = SourcesUnder(folder, excluded);
        string[] listed = ProjitemsSources(projitems);

        string[] missing = onDisk.Except(listed).ToArray();
        Assert.True(missing.Length == 0, projitems + " does not list: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Components))]
    public void ProjitemsListsOnlyExistingFiles(string folder, string projitems, string[] excluded)
    {
        string[] listed = ProjitemsSources(projitems);

        string[] absent = listed.Where(f => !File.Exists(Full(f))).ToArray();
        Assert.True(absent.Length == 0, projitems + " lists missing files: " + string.Join(", ", absent));
        Assert.All(listed, f => Assert.StartsWith(folder + "/", f));
        Assert.All(listed, f => Assert.DoesNotContain(excluded, e => f.StartsWith(e + "/", StringComparison.Ordinal)));
    }

    public static TheoryData<string, string> ComponentDeviceProjects() => new()
    {
        { "protocol/KiWhi.Armoire.Protocol.nfproj", "protocol/KiWhi.Armoire.Protocol.projitems" },
        { "hal/KiWhi.Armoire.Hal.nfproj", "hal/KiWhi.Armoire.Hal.projitems" },
        { "boards/KiWhi.Armoire.Boards.nfproj", "boards/KiWhi.Armoire.Boards.projitems" },
        { "firmware/KiWhi.Armoire.Firmware.nfproj", "firmware/KiWhi.Armoire.Firmware.projitems" },
    };

    [Theory]
    [MemberData(nameof(ComponentDeviceProjects))]
    public void DeviceProjectImportsProjitems(string nfproj, string projitems)
    {
        XDocument project = XDocument.Load(Full(nfproj));
        string projectFolder = Path.GetDirectoryName(Full(nfproj))!;

        string[] imports = project.Descendants().Where(e => e.Name.LocalName == "Import")
            .Select(e => (string?)e.Attribute("Project") ?? string.Empty)
            .Where(p => p.EndsWith(".projitems", StringComparison.Ordinal))
            .Select(p => Relative(Path.GetFullPath(Path.Combine(projectFolder, p.Replace('\\', '/')))))
            .ToArray();

        Assert.Equal(new[] { projitems }, imports);
    }

    [Theory]
    [MemberData(nameof(ComponentDeviceProjects))]
    public void ComponentDeviceProjectHasNoOwnSources(string nfproj, string projitems)
    {
        Assert.Empty(NfprojSources(nfproj));
        Assert.True(File.Exists(Full(projitems)));
    }

    // The third value lists the host-only folders. tests/Device/Platform/Host contains the host parts of
    // TestPlatform, which tests/KiWhi.Armoire.DeviceTests.Host compiles instead of the device project.
    public static TheoryData<string, string, string[]> DeviceOnlyProjects() => new()
    {
        { "hal/Nano/KiWhi.Armoire.Hal.Nano.nfproj", "hal/Nano", Array.Empty<string>() },
        { "firmware/Device/KiWhi.Armoire.Device.nfproj", "firmware/Device", Array.Empty<string>() },
        { "tests/Device/NFUnitTest.nfproj", "tests/Device", new[] { "tests/Device/Platform/Host" } },
    };

    [Theory]
    [MemberData(nameof(DeviceOnlyProjects))]
    public void DeviceOnlyProjectListsEverySource(string nfproj, string folder, string[] hostOnly)
    {
        string[] onDisk = SourcesUnder(folder, hostOnly);
        string[] listed = NfprojSources(nfproj);

        string[] missing = onDisk.Except(listed).ToArray();
        Assert.True(missing.Length == 0, nfproj + " does not list: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(DeviceOnlyProjects))]
    public void DeviceOnlyProjectListsOnlyExistingFiles(string nfproj, string folder, string[] hostOnly)
    {
        string[] listed = NfprojSources(nfproj);

        Assert.NotEmpty(listed);
        string[] absent = listed.Where(f => !File.Exists(Full(f))).ToArray();
        Assert.True(absent.Length == 0, nfproj + " lists missing files: " + string.Join(", ", absent));
        Assert.All(listed, f => Assert.StartsWith(folder + "/", f));
        Assert.All(listed, f => Assert.DoesNotContain(hostOnly, h => f.StartsWith(h + "/", StringComparison.Ordinal)));
    }

    [Fact]
    public void DeviceSolutionListsEveryDeviceProject()
    {
        string solution = File.ReadAllText(Full("KiWhi.Armoire.nfproj.sln"));
        string[] inSolution = solution.Split('\n')
            .Where(l => l.StartsWith("Project(", StringComparison.Ordinal) && l.Contains(".nfproj"))
            .Select(l => l.Split(',')[1].Trim().Trim('"').Replace('\\', '/'))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToArray();

        string[] onDisk = Directory.EnumerateFiles(RepositoryLayout.Root, "*.nfproj", SearchOption.AllDirectories)
            .Select(Relative)
            .Where(p => !IsBuildOutput(p))
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(onDisk, inSolution);
    }

    internal static string Full(string relative) => Path.Combine(RepositoryLayout.Root, relative.Replace('/', Path.DirectorySeparatorChar));

    internal static string Relative(string full) => Path.GetRelativePath(RepositoryLayout.Root, full).Replace('\\', '/');

    private static bool IsBuildOutput(string relative) =>
        relative.Split('/').Any(part => part == "bin" || part == "obj" || part == "node_modules" || part == "packages");

    private static string[] SourcesUnder(string folder, string[] excluded)
    {
        string root = Full(folder);
        if (!Directory.Exists(root))
        {
            return Array.Empty<string>();
        }

        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(Relative)
            .Where(f => !IsBuildOutput(f))
            .Where(f => !excluded.Any(e => f.StartsWith(e + "/", StringComparison.Ordinal)))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
    }

    private static string[] ProjitemsSources(string projitems)
    {
        string folder = Path.GetDirectoryName(Full(projitems))! + Path.DirectorySeparatorChar;
        return XDocument.Load(Full(projitems)).Descendants()
            .Where(e => e.Name.LocalName == "Compile")
            .Select(e => ((string?)e.Attribute("Include") ?? string.Empty).Replace("$(MSBuildThisFileDirectory)", folder).Replace('\\', '/'))
            .Select(p => Relative(Path.GetFullPath(p)))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
    }

    private static string[] NfprojSources(string nfproj)
    {
        string folder = Path.GetDirectoryName(Full(nfproj))!;
        return XDocument.Load(Full(nfproj)).Descendants()
            .Where(e => e.Name.LocalName == "Compile")
            .Select(e => ((string?)e.Attribute("Include") ?? string.Empty).Replace('\\', '/'))
            .Select(p => Relative(Path.GetFullPath(Path.Combine(folder, p))))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
    }
}
