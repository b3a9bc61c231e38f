using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace KiWhi.Armoire.Tests.Nano;

/// <summary>
/// TestPlatform, the platform services of the on-device tests, is declared three times.
/// tests/Device/Platform/Device is compiled only by the device project, which no build here compiles.
/// tests/Device/Platform/Host is compiled by the host runner, and tests/NanoCheck/DeviceTests by the
/// nanoFramework check build. A member missing from one of them breaks only that build, so their
/// public members are compared here, as source text.
/// </summary>
public class DeviceTestPlatformTests
{
    private const string DeviceFolder = "tests/Device/Platform/Device";
    private const string HostFolder = "tests/Device/Platform/Host";
    private const string NanoCheckFolder = "tests/NanoCheck/DeviceTests";

    [Fact]
    public void HostDeclaresTheDeviceMembers()
    {
        AssertSameMembers(DeviceFolder, HostFolder);
    }

    [Fact]
    public void NanoCheckDeclaresTheDeviceMembers()
    {
        AssertSameMembers(DeviceFolder, NanoCheckFolder);
    }

    [Fact]
    public void DeviceDeclaresStorage()
    {
        string[] members = PublicMembers(DeviceFolder);

        Assert.Contains("public static TestFileStorage CreateStorage(string testName)", members);
        Assert.Contains("public static void DeleteStorage(TestFileStorage storage)", members);
    }

    [Fact]
    public void SignatureTextIncludesParameterTypes()
    {
        string[] members = MembersOf("namespace N { public static partial class TestPlatform { public static int A(long b) { return 0; } private static void C() { } } }");

        Assert.Equal(new[] { "class public static partial", "public static int A(long b)" }, members);
    }

    private static void AssertSameMembers(string deviceFolder, string otherFolder)
    {
        string[] device = PublicMembers(deviceFolder);
        string[] other = PublicMembers(otherFolder);

        string[] missing = device.Except(other).ToArray();
        string[] extra = other.Except(device).ToArray();
        Assert.True(missing.Length == 0, otherFolder + " does not declare: " + string.Join("; ", missing));
        Assert.True(extra.Length == 0, otherFolder + " declares what " + deviceFolder + " does not: " + string.Join("; ", extra));
    }

    /// <summary>Public members of the TestPlatform parts in the .cs files of <paramref name="folder"/>, as sorted signature lines.</summary>
    private static string[] PublicMembers(string folder)
    {
        string[] files = Directory.GetFiles(SourceListTests.Full(folder), "*.cs");
        Assert.NotEmpty(files);
        return files.SelectMany(f => MembersOf(File.ReadAllText(f))).Distinct().OrderBy(m => m, StringComparer.Ordinal).ToArray();
    }

    private static string[] MembersOf(string source)
    {
        SyntaxNode root = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp9)).GetRoot();
        var members = new List<string>();
        foreach (ClassDeclarationSyntax part in root.DescendantNodes().OfType<ClassDeclarationSyntax>().Where(c => c.Identifier.Text == "TestPlatform"))
        {
            members.Add("class " + part.Modifiers.ToString());
            foreach (MemberDeclarationSyntax member in part.Members.Where(m => m.Modifiers.Any(SyntaxKind.PublicKeyword)))
            {
                members.Add(Signature(member));
            }
        }

        return members.OrderBy(m => m, StringComparer.Ordinal).ToArray();
    }

    private static string Signature(MemberDeclarationSyntax member)
    {
        string modifiers = member.Modifiers.ToString();
        switch (member)
        {
            case MethodDeclarationSyntax method:
                return Collapse(modifiers + " " + method.ReturnType + " " + method.Identifier.Text + method.ParameterList);
            case PropertyDeclarationSyntax property:
                string accessors = property.AccessorList == null
                    ? "get"
                    : string.Join(" ", property.AccessorList.Accessors.Select(a => (a.Modifiers.ToString() + " " + a.Keyword.Text).Trim()));
                return Collapse(modifiers + " " + property.Type + " " + property.Identifier.Text + " { " + accessors + " }");
            case FieldDeclarationSyntax field:
                return Collapse(modifiers + " " + field.Declaration.Type + " " + string.Join(", ", field.Declaration.Variables.Select(v => v.Identifier.Text)));
            default:
                return Collapse(member.Kind() + " " + member);
        }
    }

    private static string Collapse(string text) => string.Join(" ", text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
