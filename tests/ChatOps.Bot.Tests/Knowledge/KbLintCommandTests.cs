using ChatOps.Bot.Knowledge;
using ChatOps.Bot.Terminal;
using ChatOps.Knowledge;

namespace ChatOps.Bot.Tests.Knowledge;

public sealed class KbLintCommandTests
{
    private static readonly string RepoKb = RunbookLinter.DefaultFolder() ?? throw new InvalidOperationException("kb/ not found");

    [Fact]
    public void Handles_KbLint_IsATerminalMode()
    {
        Assert.True(TerminalProgram.Handles(["kb", "lint"]));
        Assert.True(TerminalProgram.Handles(["kb", "lint", "/some/dir"]));
        Assert.False(TerminalProgram.Handles(["kb", "search"]));
    }

    [Fact]
    public void Run_RepositoryKb_ExitsZeroAndSaysNoProblems()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = KbLintCommand.Run(["kb", "lint", RepoKb], output, error);

        Assert.Equal(0, exit);
        Assert.Contains("32 runbooks", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("no problems", output.ToString(), StringComparison.Ordinal);
        Assert.Empty(error.ToString());
    }

    [Fact]
    public void Run_FolderWithBrokenArticle_ExitsNonZeroNamingFileAndLine()
    {
        var folder = Directory.CreateTempSubdirectory("kb-lint-").FullName;
        try
        {
            File.Copy(Path.Combine(RepoKb, "host-isolation.md"), Path.Combine(folder, "host-isolation.md"));
            var broken = File.ReadAllText(Path.Combine(RepoKb, "quorum-configuration.md")).Replace("## Prevent", "## Avoid", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, "quorum-configuration.md"), broken);
            var line = broken.Split('\n').ToList().FindIndex(l => l == "## Avoid") + 1;
            using var output = new StringWriter();
            using var error = new StringWriter();

            var exit = KbLintCommand.Run(["kb", "lint", folder], output, error);

            Assert.NotEqual(0, exit);
            Assert.Contains($"quorum-configuration.md:{line}: unknown section 'Avoid'", output.ToString(), StringComparison.Ordinal);
            Assert.Contains("problem(s)", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Run_FolderMissing_Exits2AndSaysWhere()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = KbLintCommand.Run(["kb", "lint", "/nonexistent/runbooks"], output, error);

        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent/runbooks does not exist", error.ToString(), StringComparison.Ordinal);
    }
}
