using KiWhi.Armoire.EndToEnd.Harness;
using Xunit;

namespace KiWhi.Armoire.EndToEnd;

public sealed class RepositoryLayoutTests
{
    [Fact]
    public void MissingPackagesNameInstallCommand()
    {
        string root = Path.Combine(Path.GetTempPath(), "kiwhi-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "tests", "e2e"));
        File.WriteAllText(RepositoryLayout.CentralSystemScript(root), "");
        try
        {
            var exception = Assert.Throws<InvalidOperationException>(() => RepositoryLayout.EnsureCentralSystemInstalled(root));

            Assert.Contains("npm ci --prefix tests/e2e", exception.Message);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
