using System.Text;
using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Knowledge;

/// <summary>
/// A rough size of blocks once rendered as an Adaptive Card, so an article is cut at a block
/// boundary of our choosing rather than wherever the renderer's hard limit falls. The per-element
/// allowances are the JSON an Adaptive Card spends around each piece of text.
/// </summary>
internal static class ArticleBudget
{
    /// <summary>What the article body may take of the 28 KB card; the rest is heading, facts, links and the renderer's own.</summary>
    public const int BodyBytes = 20 * 1024;

    public static int Estimate(ReplyBlock block) => block switch
    {
        TextBlock t => 120 + Bytes(t.Text),
        HeadingBlock h => 140 + Bytes(h.Text),
        ListBlock l => 80 + l.Items.Sum(i => 140 + Bytes(i)),
        CodeBlock c => 200 + (int)(Bytes(c.Code) * 1.2),
        TableBlock table => 200 + table.Columns.Sum(c => 220 + Bytes(c)) + table.Rows.Sum(r => 120 + r.Sum(c => 220 + Bytes(c.Text))),
        LinksBlock links => 80 + links.Links.Sum(l => 160 + Bytes(l.Title) + Bytes(l.Url)),
        FactsBlock facts => 80 + facts.Facts.Sum(f => 60 + Bytes(f.Name) + Bytes(f.Value)),
        _ => 200,
    };

    /// <summary>
    /// The text's bytes as JSON, and a run's worth for every bold or code mark: each one starts a new
    /// text run (its own object with its type and style) in the rendered card.
    /// </summary>
    private static int Bytes(string text) =>
        Encoding.UTF8.GetByteCount(text) + text.Count(c => c is '"' or '\\' or '\n') + (RunMarks(text) * RunBytes);

    /// <summary>What a text run costs beside its text: <c>{"type":"TextRun","text":"","weight":"Bolder"}</c> and its separators.</summary>
    private const int RunBytes = 70;

    private static int RunMarks(string text) => text.Split("**").Length - 1 + text.Count(c => c == '`');
}
