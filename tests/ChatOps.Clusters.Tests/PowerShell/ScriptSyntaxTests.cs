using System.Management.Automation.Language;

using ChatOps.Clusters.Fakes;

namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>Every shipped PowerShell file parses (PowerShell's own parser, nothing runs), and the node functions validate every parameter.</summary>
public sealed class ScriptSyntaxTests
{
    public static TheoryData<string> ShippedFiles => [.. Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "deploy"), "*.ps*1", SearchOption.AllDirectories)
        .Where(f => f.EndsWith(".ps1", StringComparison.Ordinal) || f.EndsWith(".psm1", StringComparison.Ordinal))
        .Select(f => Path.GetRelativePath(RepositoryFiles.Root, f))];

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Parse_ShippedFile_HasNoErrors(string file)
    {
        Parser.ParseFile(Path.Combine(RepositoryFiles.Root, file), out _, out var errors);

        Assert.True(errors.Length == 0, string.Join("; ", errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}")));
    }

    [Fact]
    public void NodeFunctions_EveryParameter_HasAValidateSetPatternOrRange()
    {
        var files = Directory.GetFiles(Path.Combine(JeaRunspacePoolFactory.JeaModules, "ChatOpsJea", "Public"), "*.ps1");
        var functions = files.SelectMany(f => Parser.ParseFile(f, out _, out _).FindAll(a => a is FunctionDefinitionAst, false).Cast<FunctionDefinitionAst>()).ToList();

        Assert.Equal(7, functions.Count);
        Assert.All(functions.SelectMany(f => (f.Body.ParamBlock?.Parameters ?? []).Select(p => (f.Name, p))), x =>
            Assert.True(x.p.Attributes.Any(a => a.TypeName.Name is "ValidatePattern" or "ValidateSet" or "ValidateRange"), $"{x.Name} -{x.p.Name.VariablePath.UserPath} is not validated"));
    }
}
