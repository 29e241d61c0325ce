using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using ChatOps.Knowledge;

namespace ChatOps.Commands.Knowledge;

/// <summary><c>kb &lt;id&gt;</c>: one runbook, cut to fit a card, with a link to the full page. <c>kb</c> alone explains the kb commands.</summary>
internal sealed class KbArticleHandler(IKnowledgeBase knowledge, Links links) : ICommandHandler
{
    public static readonly CommandDefinition Definition = new()
    {
        Name = "kb",
        Aliases = ["runbook"],
        Summary = "Show a runbook by its id.",
        Usage = "kb <id>",
        Examples = ["kb vm-state-desync", "kb kill-clussvc-last-resort"],
        Arguments = [new ArgumentSpec("id", Required: false, Rest: true)],
    };

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var typed = request.Argument("id");
        if (string.IsNullOrWhiteSpace(typed))
        {
            return Task.FromResult(Usage());
        }

        // "kb vm state desync" means the id with hyphens.
        var id = string.Join('-', typed.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var runbook = knowledge.Get(id);
        return Task.FromResult(runbook is null ? Unknown(typed, id) : new ArticleReply(links).Build(runbook));
    }

    private Reply Unknown(string typed, string id)
    {
        var ids = knowledge.List().Select(r => r.Id).ToList();
        var close = DidYouMean.Suggest(id, ids);
        var suggestions = (close.Count > 0 ? close : knowledge.Suggest(typed).Select(r => r.Id))
            .Select(s => $"kb {s}")
            .ToList();
        var hint = suggestions.Count > 0
            ? DidYouMean.Phrase(suggestions)
            : $"Search instead: `kb search {typed}`, or `kb list` for every id.";
        return Reply.Error($"There is no runbook `{id}`.", hint);
    }

    private static Reply Usage() => new()
    {
        Heading = "Runbooks",
        Blocks =
        [
            new TableBlock(["Command", "What it does"],
            [
                ["kb search <words>", KbSearchHandler.Definition.Summary],
                ["kb <id>", Definition.Summary],
                ["kb list [tag]", KbListHandler.Definition.Summary],
            ]),
            new TextBlock("Example: `kb search 169.254`, then `kb duplicate-ip-apipa-after-failover`.", TextStyle.Subtle),
        ],
    };
}
