using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace KiWhi.Armoire.Tests.Nano;

/// <summary>
/// The NanoCheck builds compile every portable source, and the portable on-device tests with their
/// test framework stand-in, against nanoFramework's mscorlib 1.17.11. That compiler accepts generics
/// which nanoCLR 1.17 cannot run, so their output is inspected here. The samples compiled on the fly
/// prove that each inspection fails when generics are present.
/// </summary>
public class NanoCheckAssemblyTests
{
    public static TheoryData<string> NanoCheckAssemblies() => new()
    {
        "components",
        "device tests",
    };

    [Theory]
    [MemberData(nameof(NanoCheckAssemblies))]
    public void NanoCheckReferencesOnlyMscorlib117(string build)
    {
        byte[] image = File.ReadAllBytes(AssemblyOf(build));

        IReadOnlyList<(string Name, Version Version)> references = GenericUsageScanner.AssemblyReferences(image);

        Assert.Single(references);
        Assert.Equal("mscorlib", references[0].Name);
        Assert.Equal(1, references[0].Version.Major);
        Assert.Equal(17, references[0].Version.Minor);
    }

    [Theory]
    [MemberData(nameof(NanoCheckAssemblies))]
    public void NanoCheckHasNoGenerics(string build)
    {
        byte[] image = File.ReadAllBytes(AssemblyOf(build));

        IReadOnlyList<GenericUsage> usages = GenericUsageScanner.Scan(image);

        Assert.True(usages.Count == 0, "generics nanoCLR 1.17 cannot run:\n" + string.Join("\n", usages.Select(u => u.Kind + " " + u.Where)));
    }

    [Fact]
    public void ScannerFindsGenericTypeDefinition()
    {
        byte[] image = Compile("public class Box<T> { public T Value; }");

        Assert.Contains(GenericUsageScanner.Scan(image), u => u.Kind == GenericUsageKind.GenericParameter && u.Where.Contains("Box"));
    }

    [Fact]
    public void ScannerFindsGenericMethodDefinition()
    {
        byte[] image = Compile("public static class Util { public static int Count<T>(T[] items) { return items.Length; } }");

        Assert.Contains(GenericUsageScanner.Scan(image), u => u.Kind == GenericUsageKind.GenericParameter && u.Where.Contains("Count"));
    }

    [Fact]
    public void ScannerFindsGenericMethodCall()
    {
        byte[] image = Compile("public static class Use { public static int[] Make() { return System.Array.Empty<int>(); } }");

        IReadOnlyList<GenericUsage> usages = GenericUsageScanner.Scan(image);

        Assert.Contains(usages, u => u.Kind == GenericUsageKind.GenericMethodInstance && u.Where.Contains("Empty"));
        Assert.DoesNotContain(usages, u => u.Kind == GenericUsageKind.GenericParameter);
    }

    [Fact]
    public void ScannerFindsGenericTypeInstance()
    {
        byte[] image = Compile("public static class Use { public static object Make() { return new System.Collections.Generic.List<int>(); } }");

        IReadOnlyList<GenericUsage> usages = GenericUsageScanner.Scan(image);

        Assert.Contains(usages, u => u.Kind == GenericUsageKind.GenericTypeInstance && u.Where.StartsWith("TypeSpec", StringComparison.Ordinal));
        Assert.DoesNotContain(usages, u => u.Kind == GenericUsageKind.GenericParameter);
    }

    [Fact]
    public void ScannerFindsGenericFieldType()
    {
        byte[] image = Compile("public class Holder { public System.Collections.Generic.List<int> Items; }");

        Assert.Contains(GenericUsageScanner.Scan(image), u => u.Kind == GenericUsageKind.GenericTypeInstance && u.Where.Contains("field Holder.Items"));
    }

    [Fact]
    public void ScannerAcceptsPlainCode()
    {
        byte[] image = Compile("public class Plain { public int[] Values = new int[4]; public string Name() { return \"a\" + Values.Length; } }");

        Assert.Empty(GenericUsageScanner.Scan(image));
    }

    [Fact]
    public void ReferenceCheckSeesOtherCoreLibrary()
    {
        byte[] image = Compile("public class Plain { }");

        IReadOnlyList<(string Name, Version Version)> references = GenericUsageScanner.AssemblyReferences(image);

        Assert.DoesNotContain(references, r => r.Name == "mscorlib");
    }

    private static string AssemblyOf(string build) =>
        build == "components" ? RepositoryLayout.NanoCheckAssembly : RepositoryLayout.NanoCheckDeviceTestsAssembly;

    /// <summary>Compiles one C# 9 source file against the host's core library into a DLL image.</summary>
    private static byte[] Compile(string source)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Sample" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp9)) },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        using MemoryStream output = new();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(output);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return output.ToArray();
    }
}
