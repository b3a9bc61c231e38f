namespace KiWhi.Armoire.EndToEnd.Harness;

/// <summary>Paths of the repository and of the Node.js central system the end-to-end tests start.</summary>
public static class RepositoryLayout
{
    private const string SolutionFileName = "KiWhi.Armoire.sln";

    /// <summary>Finds the repository root: the nearest folder above the test binaries that contains the solution.</summary>
    public static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFileName)))
            {
                return directory.FullName;
            }

            directory = directory.Parent;
        }

        throw new InvalidOperationException(
            $"{SolutionFileName} not found in any folder above {AppContext.BaseDirectory}; run the tests from a clone of the repository.");
    }

    /// <summary>The central-system script, tests/e2e/central-system.js.</summary>
    public static string CentralSystemScript(string root)
    {
        return Path.Combine(root, "tests", "e2e", "central-system.js");
    }

    /// <summary>
    /// Throws with the install command when ocpp-rpc is missing from tests/e2e/node_modules. The end-to-end
    /// tests fail rather than skip in that case, so a machine without the peer never reports them green.
    /// </summary>
    public static void EnsureCentralSystemInstalled(string root)
    {
        string script = CentralSystemScript(root);
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Central-system script not found: {script}.");
        }

        string packageFile = Path.Combine(root, "tests", "e2e", "node_modules", "ocpp-rpc", "package.json");
        if (!File.Exists(packageFile))
        {
            throw new InvalidOperationException(
                $"ocpp-rpc is not installed ({packageFile} is missing): run `npm ci --prefix tests/e2e` "
                + "from the repository root (tests/run.sh does it), then run the tests again.");
        }
    }
}
