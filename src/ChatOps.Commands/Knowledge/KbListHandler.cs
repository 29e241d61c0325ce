using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using ChatOps.Knowledge;

namespace ChatOps.Commands.Knowledge;

/// <summary><c>kb list [tag]</c>: every runbook, or those with a severity, keyword, check, action or Windows version.</summary>
internal sealed class KbListHandler(IKnowledgeBase knowledge) : ICommandHandler
{
    public static readonly CommandDefinition Definition = new()
    {
        Name = "kb list",
        Summary = "List the runbooks, or those with a tag (severity, keyword, check, Windows version).",
        Usage = "kb list [tag]",
        Examples = ["kb list", "kb list critical", "kb list quorum", "kb list Windows Server 2008 R2"],
        Arguments = [new ArgumentSpec("tag", Required: false, Rest: true)],
    };

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var tag = request.Argument("tag");
        var runbooks = knowledge.List(tag);
        if (runbooks.Count == 0)
        {
            return Task.FromResult(NoneTagged(tag));
        }

        var rows = runbooks
            .Select(r => (IReadOnlyList<TableCell>)[r.Id, new TableCell(r.Severity, r.Severity is "critical" or "high" ? CellStatus.Attention : CellStatus.None), r.Title])
            .ToList();
        var status = knowledge.Status;
        var footer = $"{runbooks.Count} of {status.Loaded} runbooks. `kb <id>` shows one.";
        if (status.Problems.Count > 0)
        {
            footer += $" {status.FailedFiles.Count} file(s) skipped because of errors: {string.Join(", ", status.FailedFiles)}.";
        }

        return Task.FromResult(new Reply
        {
            Heading = tag is null ? "Runbooks" : $"Runbooks tagged “{tag}”",
            Blocks = [new TableBlock(["Id", "Severity", "Title"], rows), new TextBlock(footer, TextStyle.Subtle)],
        });
    }

    private Reply NoneTagged(string? tag)
    {
        if (tag is null)
        {
            return Reply.Error("No runbook is loaded.", "Check the bot's log or run `kb lint` on the runbook folder.");
        }

        var tags = knowledge.List()
            .SelectMany(r => r.Keywords.Concat(r.Checks).Concat(r.Actions).Concat(r.AppliesTo).Append(r.Severity))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var hint = DidYouMean.Suggest(tag, tags) is { Count: > 0 } close
            ? DidYouMean.Phrase(close.Select(c => $"kb list {c}").ToList())
            : $"Tags are severities (critical, high, medium, low, info), keywords, check ids and Windows versions; or try `kb search {tag}`.";
        return Reply.Error($"No runbook is tagged “{tag}”.", hint);
    }
}
