using ChatOps.Commands.Clusters;
using ChatOps.Commands.Replies;
using ChatOps.Knowledge;

namespace ChatOps.Commands.Knowledge;

/// <summary>
/// An article as a reply: its facts, then its sections in order until the card budget is
/// spent. A section that does not fit is cut at a block boundary and the reply says which
/// sections continue in the full article, which is always linked.
/// </summary>
internal sealed class ArticleReply(Links links)
{
    private readonly ArticleConverter _converter = new(links);

    public Reply Build(Runbook runbook, int budget = ArticleBudget.BodyBytes)
    {
        var blocks = new List<ReplyBlock> { new TextBlock(runbook.Summary), new FactsBlock(Facts(runbook)) };
        var sections = _converter.Sections(runbook);
        var left = budget;
        var cutFrom = -1;
        for (var s = 0; s < sections.Count && cutFrom < 0; s++)
        {
            foreach (var block in sections[s].Blocks)
            {
                var size = ArticleBudget.Estimate(block);
                if (size > left)
                {
                    cutFrom = s;
                    break;
                }

                blocks.Add(block);
                left -= size;
            }
        }

        var full = links.Runbook(runbook.Id, "Full article");
        if (cutFrom >= 0)
        {
            var rest = sections.Skip(cutFrom).Select(s => s.Title).Where(t => t.Length > 0).ToList();
            blocks.Add(new TextBlock(
                $"The article is cut here to fit in a card; {(rest.Count == 1 ? "section" : "sections")} {string.Join(", ", rest)} continue in the full article.",
                TextStyle.Warning));
        }

        blocks.Add(new LinksBlock([full]));
        return new Reply
        {
            Heading = runbook.Title,
            Blocks = blocks,
            Buttons = runbook.Related.Take(3).Select(r => new ReplyButton($"kb {r}", $"kb {r}")).ToList(),
        };
    }

    private static List<Fact> Facts(Runbook runbook)
    {
        var facts = new List<Fact>
        {
            new("Id", runbook.Id),
            new("Severity", runbook.Severity, runbook.Severity is "critical" or "high" ? CellStatus.Attention : CellStatus.None),
        };
        AddList(facts, "Applies to", runbook.AppliesTo);
        AddList(facts, "Events", runbook.Events.Select(e => $"{EventText.Provider(e.Provider)} {e.Id} ({e.Level})").Distinct().ToList());
        AddList(facts, "Hotfixes", runbook.Hotfixes);
        AddList(facts, "Errors", runbook.Errors.Select(e => $"`{e}`").ToList());
        AddList(facts, "Related", runbook.Related);
        return facts;
    }

    private static void AddList(List<Fact> facts, string name, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            facts.Add(new Fact(name, string.Join(", ", values)));
        }
    }
}
