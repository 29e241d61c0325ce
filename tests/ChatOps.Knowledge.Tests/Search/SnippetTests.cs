using ChatOps.Knowledge.Tests.Loading;

namespace ChatOps.Knowledge.Tests.Search;

/// <summary>A snippet is a passage as written: one paragraph, list item or table row, never headings and cells run together.</summary>
public sealed class SnippetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chatops-snippets-").FullName;

    [Fact]
    public void Snippet_FromATable_IsOneRowWithItsCellsApart_NotTheTableFlattened()
    {
        var article = ArticleText.Valid(related: "alpha").Replace("A switch drops heartbeat packets.", """
            A switch drops heartbeat packets.

            | Node | Firmware | State |
            |---|---|---|
            | HV01 | 2010-09-30 | matches |
            | HV04 | 2009-07-10 | heartbeat lost after the switch reboot |
            | HV05 |  | no reading: the probe timed out |
            """, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_folder, "alpha.md"), article);
        using var kb = TestFolders.Open(_folder);
        kb.Reload();

        var snippet = kb.Search("reboot").Hits.Single().Snippet;

        Assert.Equal("HV04 — 2009-07-10 — heartbeat lost after the switch **reboot**", snippet);
    }

    [Fact]
    public void Snippet_FromATableRowWithAnEmptyCell_KeepsEveryCellInItsPlace()
    {
        var article = ArticleText.Valid(related: "alpha").Replace("A switch drops heartbeat packets.", """
            A switch drops heartbeat packets.

            | Node | Firmware | State |
            |---|---|---|
            | HV05 |  | no reading: the probe timed out |
            """, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_folder, "alpha.md"), article);
        using var kb = TestFolders.Open(_folder);
        kb.Reload();

        Assert.Equal("HV05 —  — no reading: the probe **timed** out", kb.Search("timed").Hits.Single().Snippet);
    }

    [Fact]
    public void Snippet_UnderAHeading_IsTheParagraph_NotTheHeadingRunIntoIt()
    {
        File.WriteAllText(Path.Combine(_folder, "alpha.md"), ArticleText.Valid(related: "alpha"));
        using var kb = TestFolders.Open(_folder);
        kb.Reload();

        var snippet = kb.Search("switch packets").Hits.Single().Snippet;

        Assert.Equal("A **switch** drops heartbeat **packets**.", snippet);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
