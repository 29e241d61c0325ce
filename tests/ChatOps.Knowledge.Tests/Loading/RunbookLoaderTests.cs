using ChatOps.Knowledge.Loading;

namespace ChatOps.Knowledge.Tests.Loading;

public sealed class RunbookLoaderTests
{
    public static TheoryData<string, string, int, string> BrokenArticles => new()
    {
        { "missing field", ArticleText.Valid().Replace("summary: The alpha problem, in one sentence.\n", string.Empty, StringComparison.Ordinal), 1, "required field 'summary'" },
        { "unknown section", ArticleText.Valid().Replace("## Prevent", "## Workaround", StringComparison.Ordinal), ArticleText.PreventLine, "unknown section 'Workaround'" },
        { "dangling related", ArticleText.Valid(related: "gamma"), ArticleText.RelatedLine, "'gamma'" },
        { "empty section", ArticleText.Valid().Replace("A switch drops heartbeat packets.\n", string.Empty, StringComparison.Ordinal), ArticleText.CauseLine, "section 'Cause' is empty" },
        { "bad YAML", ArticleText.Valid().Replace("title: Alpha nodes lose their heartbeat", "title: [Alpha nodes", StringComparison.Ordinal), ArticleText.TitleLine, "invalid YAML" },
        { "unknown key", ArticleText.Valid().Replace("title:", "titel:", StringComparison.Ordinal), ArticleText.TitleLine, "unknown front matter key 'titel'" },
        { "bad severity", ArticleText.Valid().Replace("severity: high", "severity: urgent", StringComparison.Ordinal), 5, "severity 'urgent'" },
        { "bad hotfix", ArticleText.Valid().Replace("KB123456", "970529", StringComparison.Ordinal), 11, "hotfix '970529'" },
        { "id is not the file name", ArticleText.Valid(id: "alpha-two"), 2, "does not match the file name" },
        { "sections out of order", ArticleText.Valid().Replace("## Cause", "## Tmp", StringComparison.Ordinal).Replace("## Symptoms", "## Cause", StringComparison.Ordinal).Replace("## Tmp", "## Symptoms", StringComparison.Ordinal), ArticleText.CauseLine, "comes after" },
        { "event without its provider", ArticleText.Valid().Replace("provider: Microsoft-Windows-FailoverClustering, ", string.Empty, StringComparison.Ordinal), 10, "event 1135 needs its log and its provider" },
        { "event with an unknown level", ArticleText.Valid().Replace("level: Critical", "level: Fatal", StringComparison.Ordinal), 10, "event 1135 has level 'Fatal'" },
        { "event with an unknown version", ArticleText.Valid().Replace("\"2022\"", "\"2030\"", StringComparison.Ordinal), 10, "event 1135 has version '2030'" },
        { "event ids without their provider (the old key)", ArticleText.Valid().Replace("events: [{ log: System, provider: Microsoft-Windows-FailoverClustering, id: 1135, level: Critical, versions: [\"2016\", \"2022\"] }]", "event_ids: [1135]", StringComparison.Ordinal), 10, "unknown front matter key 'event_ids'" },
        { "no front matter", "# Alpha\n\n## Symptoms\n\nText.\n", 1, "no YAML front matter" },
        { "front matter not closed", "---\nid: alpha\n", 1, "not closed" },
    };

    [Theory]
    [MemberData(nameof(BrokenArticles))]
    public void Load_BrokenArticle_ReportsFileLineAndSkipsIt(string scenario, string text, int line, string message)
    {
        var result = RunbookLoader.Load([ArticleText.File("alpha", text), ArticleText.File("beta", ArticleText.Valid("beta", "alpha"))]);

        Assert.True(result.Problems.Any(p => p.File == "alpha.md" && p.Line == line && p.Message.Contains(message, StringComparison.Ordinal)),
            $"{scenario}: expected alpha.md:{line}: …{message}…, got:\n{string.Join('\n', result.Problems)}");
        Assert.DoesNotContain(result.Runbooks, r => r.Id == "alpha");
        Assert.Contains(result.Runbooks, r => r.Id == "beta");
    }

    [Fact]
    public void Load_DuplicateId_SecondIsReportedAtItsIdLine()
    {
        var result = RunbookLoader.Load([
            ("/one/alpha.md", ArticleText.Valid(related: "alpha")),
            ("/two/alpha.md", ArticleText.Valid(related: "alpha")),
        ]);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("alpha.md", 2), (problem.File, problem.Line));
        Assert.Contains("already used", problem.Message, StringComparison.Ordinal);
        Assert.Single(result.Runbooks);
    }

    [Fact]
    public void Load_ValidArticle_ReadsEveryField()
    {
        var result = RunbookLoader.Load([ArticleText.File("alpha", ArticleText.Valid()), ArticleText.File("beta", ArticleText.Valid("beta", "alpha"))]);

        Assert.Empty(result.Problems);
        var alpha = result.Runbooks.Single(r => r.Id == "alpha");
        Assert.Equal("Alpha nodes lose their heartbeat", alpha.Title);
        var e = Assert.Single(alpha.Events);
        Assert.Equal(("System", "Microsoft-Windows-FailoverClustering", 1135, "Critical"), (e.Log, e.Provider, e.Id, e.Level));
        Assert.Equal(["2016", "2022"], e.Versions);
        Assert.Equal([1135], alpha.EventIds);
        Assert.Equal(["KB123456"], alpha.Hotfixes);
        Assert.Contains("心跳", alpha.Keywords);
        Assert.Equal(["beta"], alpha.Related);
    }

    [Fact]
    public void LoadFolder_RepositoryKb_AllArticlesLoadWithoutProblems()
    {
        var result = RunbookLoader.LoadFolder(TestFolders.Kb);

        Assert.Empty(result.Problems);
        Assert.Equal(32, result.Runbooks.Count);
    }

    [Fact]
    public void Lint_FolderWithBrokenFile_PrintsFileAndLine()
    {
        var folder = Directory.CreateTempSubdirectory("kb-lint-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "alpha.md"), ArticleText.Valid(related: "gamma"));

            var problems = RunbookLinter.Lint(folder);

            Assert.Equal($"alpha.md:{ArticleText.RelatedLine}: related id(s) 'gamma' match no article in the folder", Assert.Single(problems).ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
