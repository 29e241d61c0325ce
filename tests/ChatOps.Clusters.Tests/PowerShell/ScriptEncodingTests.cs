using System.Management.Automation.Language;
using System.Text;

using ChatOps.Clusters.Fakes;

namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>
/// Every file a deploy script reads or writes names its encoding in a way Windows PowerShell 5.1 understands:
/// 5.1's Get-Content reads a file without a BOM as ANSI, its Set-Content/Out-File/'>' write ANSI or UTF-16,
/// and it has no -Encoding utf8NoBOM (about_Character_Encoding, 5.1).
/// </summary>
public sealed class ScriptEncodingTests
{
    private static readonly string[] FileCmdlets = ["Get-Content", "Set-Content", "Add-Content", "Out-File", "Import-Csv", "Export-Csv", "Tee-Object"];
    private static readonly string[] ReadMethods = ["ReadAllText", "ReadAllLines"];
    private static readonly string[] WriteMethods = ["WriteAllText", "WriteAllLines", "AppendAllText", "AppendAllLines"];

    public static TheoryData<string> Scripts => [.. Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "deploy"), "*.ps*1", SearchOption.AllDirectories)
        .Where(f => f.EndsWith(".ps1", StringComparison.Ordinal) || f.EndsWith(".psm1", StringComparison.Ordinal))
        .Select(f => Path.GetRelativePath(RepositoryFiles.Root, f))];

    public static TheoryData<string> PowerShellFiles => [.. Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "deploy"), "*", SearchOption.AllDirectories)
        .Where(f => Path.GetExtension(f) is ".ps1" or ".psm1" or ".psd1" or ".psrc" or ".pssc")
        .Select(f => Path.GetRelativePath(RepositoryFiles.Root, f))];

    [Theory]
    [MemberData(nameof(Scripts))]
    public void FileCmdlets_EveryCall_SaysEncodingUtf8(string file)
    {
        var ast = Parse(file);
        var calls = ast.FindAll(a => a is CommandAst c && FileCmdlets.Contains(c.GetCommandName(), StringComparer.OrdinalIgnoreCase), true).Cast<CommandAst>();

        Assert.All(calls, c => Assert.True(EncodingOf(c) is { } e && e.Equals("UTF8", StringComparison.OrdinalIgnoreCase),
            $"{file}:{c.Extent.StartLineNumber} {c.GetCommandName()} without -Encoding UTF8: {c.Extent.Text}"));
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void FileMethods_EveryCall_PassesAnEncoding(string file)
    {
        var calls = Parse(file).FindAll(a => a is InvokeMemberExpressionAst { Static: true, Member: StringConstantExpressionAst }, true).Cast<InvokeMemberExpressionAst>();

        Assert.All(calls, c =>
        {
            var method = ((StringConstantExpressionAst)c.Member).Value;
            var arguments = c.Arguments?.Count ?? 0;
            Assert.False(ReadMethods.Contains(method) && arguments < 2, $"{file}:{c.Extent.StartLineNumber} reads without an encoding: {c.Extent.Text}");
            Assert.False(WriteMethods.Contains(method) && arguments < 3, $"{file}:{c.Extent.StartLineNumber} writes without an encoding: {c.Extent.Text}");
        });
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Redirection_NeverIntoAFile(string file)
    {
        // '>' is Out-File with 5.1's default encoding (UTF-16); only '> $null' and stream merges are harmless.
        var redirections = Parse(file).FindAll(a => a is FileRedirectionAst, true).Cast<FileRedirectionAst>();

        Assert.All(redirections, r => Assert.True(r.Location.Extent.Text == "$null", $"{file}:{r.Extent.StartLineNumber} redirects into a file: {r.Extent.Text}"));
    }

    [Theory]
    [MemberData(nameof(PowerShellFiles))]
    public void ShippedFile_AsciiOrUtf8WithBom(string file)
    {
        // Windows PowerShell 5.1 reads a script or data file without a BOM as ANSI too.
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryFiles.Root, file));
        var bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);

        Assert.True(bom || bytes.All(b => b < 0x80), $"{file} has non-ASCII characters and no UTF-8 BOM");
    }

    private static ScriptBlockAst Parse(string file) => Parser.ParseFile(Path.Combine(RepositoryFiles.Root, file), out _, out _);

    private static string? EncodingOf(CommandAst command)
    {
        var elements = command.CommandElements;
        for (var i = 1; i < elements.Count; i++)
        {
            if (elements[i] is CommandParameterAst parameter && "Encoding".StartsWith(parameter.ParameterName, StringComparison.OrdinalIgnoreCase) && parameter.ParameterName.Length >= 2)
            {
                var value = parameter.Argument ?? (i + 1 < elements.Count ? elements[i + 1] as ExpressionAst : null);
                return value is StringConstantExpressionAst s ? s.Value : value?.Extent.Text;
            }
        }

        return null;
    }
}
