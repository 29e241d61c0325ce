using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using ChatOps.Knowledge;

namespace ChatOps.Commands.Knowledge;

/// <summary><c>kb search &lt;words&gt;</c>: the five best runbooks, English or Chinese, ids and error text.</summary>
internal sealed class KbSearchHandler(IKnowledgeBase knowledge, Links links) : ICommandHandler
{
    private const int Top = 5;

    public static readonly CommandDefinition Definition = new()
    {
        Name = "kb search",
        Aliases = ["搜索"],
        Summary = "Search the runbooks (English or Chinese, event ids, KB numbers, error text).",
        Usage = "kb search <words>",
        Examples = ["kb search APIPA", "kb search 4096", "kb search KB970529", "kb search 虚拟机 状态 不同步"],
        Arguments = [new ArgumentSpec("words", Rest: true)],
    };

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var words = request.Argument("words") ?? string.Empty;
        var result = knowledge.Search(words, Top);
        return Task.FromResult(result.Hits.Count == 0 ? NoMatch(words) : Hits(words, result));
    }

    private Reply Hits(string words, SearchResult result)
    {
        var blocks = new List<ReplyBlock>();
        if (result.Fuzzy)
        {
            blocks.Add(new TextBlock("No exact match; these match words spelled alike.", TextStyle.Subtle));
        }

        var position = 0;
        foreach (var hit in result.Hits)
        {
            var runbook = hit.Runbook;
            blocks.Add(new HeadingBlock($"{++position}. {runbook.Title}", 3));
            blocks.Add(new TextBlock(runbook.Summary));
            if (hit.Snippet.Length > 0)
            {
                blocks.Add(new TextBlock($"…{hit.Snippet}…", TextStyle.Subtle));
            }

            blocks.Add(new TextBlock($"`kb {runbook.Id}` · {runbook.Severity}", TextStyle.Subtle));
        }

        blocks.Add(new LinksBlock(result.Hits.Select(h => links.Runbook(h.Runbook.Id, h.Runbook.Title)).ToList()));
        return new Reply
        {
            Heading = $"Runbooks for “{Shorten(words)}”",
            Blocks = blocks,
            Buttons = result.Hits.Take(3).Select(h => new ReplyButton($"kb {h.Runbook.Id}", $"kb {h.Runbook.Id}")).ToList(),
        };
    }

    private Reply NoMatch(string words)
    {
        var closest = knowledge.Suggest(words);
        var blocks = new List<ReplyBlock> { new TextBlock($"No runbook matches “{Shorten(words)}”.", TextStyle.Warning) };
        if (closest.Count > 0)
        {
            blocks.Add(new TextBlock("Closest titles:"));
            blocks.Add(new ListBlock(closest.Select(r => $"{r.Title} — `kb {r.Id}`").ToList()));
        }

        blocks.Add(new TextBlock("Try other or fewer words, an event id (`4096`), a KB number, or `kb list` for every runbook.", TextStyle.Subtle));
        return new Reply { Blocks = blocks, Outcome = ReplyOutcome.Failed };
    }

    private static string Shorten(string words) => words.Length <= 60 ? words : words[..59] + "…";
}
