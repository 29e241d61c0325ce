using ChatOps.Bot.Rendering;
using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Gateway;
using ChatOps.Commands.Clusters;
using ChatOps.Commands.Replies;
using ChatOps.Knowledge;
using Fact = ChatOps.Commands.Replies.Fact;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace ChatOps.Bot.Teams;

/// <summary>
/// The Teams compose box: the search message extension's commands <c>kb</c> (runbooks, from the
/// same index as <c>kb search</c>) and <c>cluster</c> (nodes and VMs by name, with their live
/// state), and unfurling of a pasted link to one of the service's <c>/kb/{id}</c> pages. A blank,
/// oversized or unsearchable query, a cluster that does not answer in time, and a link that is not
/// one of its runbooks get an empty result, never an error.
/// </summary>
internal sealed partial class MessageExtension(IKnowledgeBase knowledge, IClusterGateway gateway, Links links, AdaptiveCardRenderer cards, ILogger<MessageExtension> logger)
{
    /// <summary>The runbook search command id in the manifest.</summary>
    public const string SearchCommand = "kb";

    /// <summary>The node and VM search command id in the manifest.</summary>
    public const string ClusterCommand = "cluster";

    /// <summary>How long a cluster search may wait for the nodes: Teams gives a query a few seconds.</summary>
    private static readonly TimeSpan ClusterBudget = TimeSpan.FromSeconds(3);

    /// <summary>Longest query searched; longer text is refused with an empty result.</summary>
    public const int MaxQueryLength = 200;

    private const int MaxResults = 10;

    public async Task<MessagingExtensionResponse> SearchAsync(MessagingExtensionQuery? query, CancellationToken cancellationToken)
    {
        var text = query?.Parameters?.FirstOrDefault(p => p.Name is "query" or "searchQuery")?.Value?.ToString()?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > MaxQueryLength)
        {
            return Results([]);
        }

        try
        {
            return query!.CommandId switch
            {
                SearchCommand => Results(knowledge.Search(text, MaxResults).Hits.Select(h => Attachment(h.Runbook, h.Snippet)).ToList()),
                ClusterCommand => Results(await ClusterMatchesAsync(text, cancellationToken)),
                _ => Results([]),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogSearchFailed(ex, query!.CommandId, text.Length);
            return Results([]);
        }
    }

    /// <summary>Nodes and VMs whose name contains the text, exact and prefix matches first, each with its state now.</summary>
    private async Task<List<MessagingExtensionAttachment>> ClusterMatchesAsync(string text, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(ClusterBudget);
        var snapshot = await gateway.GetSnapshotAsync(budget.Token);
        var findings = ClusterChecks.RunAll(snapshot).Findings;
        int Rank(string name) => name.Equals(text, StringComparison.OrdinalIgnoreCase) ? 0 : name.StartsWith(text, StringComparison.OrdinalIgnoreCase) ? 1 : 2;
        var nodes = snapshot.Nodes.Where(n => n.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Select(n => (Rank(n.Name), n.Name, Summary: ClusterSummaries.Node(snapshot, n, findings)));
        var vms = snapshot.Vms.Where(v => v.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
            .Select(v => (Rank(v.Name), v.Name, Summary: ClusterSummaries.Vm(v, findings)));
        return nodes.Concat(vms).OrderBy(m => m.Item1).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase).Take(MaxResults).Select(m => Card(m.Summary)).ToList();
    }

    private MessagingExtensionAttachment Card(ClusterSummary summary) => new()
    {
        ContentType = AdaptiveCardRenderer.ContentType,
        Content = cards.Render(summary.Card),
        Preview = new ThumbnailCard { Title = summary.Card.Heading, Text = summary.Line }.ToAttachment(),
    };

    /// <summary>The card for a pasted link to one of this service's runbook pages, or an empty result.</summary>
    public MessagingExtensionResponse Unfurl(AppBasedLinkQuery? query)
    {
        if (!Uri.TryCreate(query?.Url, UriKind.Absolute, out var url) || !Uri.TryCreate(links.Page("kb/"), UriKind.Absolute, out var kbRoot) ||
            !string.Equals(url.GetLeftPart(UriPartial.Authority), kbRoot.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase) ||
            !url.AbsolutePath.StartsWith(kbRoot.AbsolutePath, StringComparison.OrdinalIgnoreCase))
        {
            return Results([]);
        }

        var id = Uri.UnescapeDataString(url.AbsolutePath[kbRoot.AbsolutePath.Length..].Trim('/'));
        return knowledge.Get(id) is { } runbook ? Results([Attachment(runbook, runbook.Summary)]) : Results([]);
    }

    private MessagingExtensionAttachment Attachment(Runbook runbook, string snippet)
    {
        var reply = new Reply
        {
            Heading = runbook.Title,
            Blocks =
            [
                new TextBlock(runbook.Summary),
                new FactsBlock([new Fact("Severity", runbook.Severity, runbook.Severity is "critical" or "high" ? CellStatus.Attention : CellStatus.None)]),
                new LinksBlock([links.Runbook(runbook.Id, "Open the runbook")]),
            ],
        };
        return new MessagingExtensionAttachment
        {
            ContentType = AdaptiveCardRenderer.ContentType,
            Content = cards.Render(reply),
            Preview = new ThumbnailCard { Title = runbook.Title, Subtitle = runbook.Severity, Text = PlainText.Of(Reply.Text(snippet)) }.ToAttachment(),
        };
    }

    private static MessagingExtensionResponse Results(IList<MessagingExtensionAttachment> attachments) => new()
    {
        ComposeExtension = new MessagingExtensionResult { Type = "result", AttachmentLayout = "list", Attachments = attachments },
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message-extension {Command} search of {Length} characters failed or ran out of time; answered with no results")]
    private partial void LogSearchFailed(Exception exception, string command, int length);
}
