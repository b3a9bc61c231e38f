using System.Reflection;

namespace KiWhi.Armoire.Tests.Nano;

/// <summary>Paths of the repository and of the NanoCheck build outputs, found from the test assembly.</summary>
internal static class RepositoryLayout
{
    /// <summary>Repository root: the first parent folder of the test binaries that holds KiWhi.Armoire.sln.</summary>
    public static string Root
    {
        get
        {
            DirectoryInfo? folder = new(AppContext.BaseDirectory);
            while (folder != null && !File.Exists(Path.Combine(folder.FullName, "KiWhi.Armoire.sln")))
            {
                folder = folder.Parent;
            }

            if (folder == null)
            {
                throw new InvalidOperationException("KiWhi.Armoire.sln not found above " + AppContext.BaseDirectory);
            }

            return folder.FullName;
        }
    }

    /// <summary>
    /// The NanoCheck assembly of the portable components, built in the test assembly's own
    /// configuration (Debug or Release): the test project references the NanoCheck project, so the
    /// build produced it just before.
    /// </summary>
    public static string NanoCheckAssembly => NanoCheckOutput("tests/NanoCheck/KiWhi.Armoire.NanoCheck.csproj");

    /// <summary>The NanoCheck assembly of the portable on-device tests, found like <see cref="NanoCheckAssembly"/>.</summary>
    public static string NanoCheckDeviceTestsAssembly => NanoCheckOutput("tests/NanoCheck/DeviceTests/KiWhi.Armoire.NanoCheck.DeviceTests.csproj");

    private static string NanoCheckOutput(string project)
    {
        string configuration = typeof(RepositoryLayout).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        string folder = Path.GetDirectoryName(Path.Combine(Root, project))!;
        string path = Path.Combine(folder, "bin", configuration, "netstandard2.0", Path.GetFileNameWithoutExtension(project) + ".dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                "NanoCheck assembly not found; build it with: dotnet build " + project + " -c " + configuration,
                path);
        }

        return path;
    }
}
