using ChatOps.Bot.Rendering;
using ChatOps.Commands.Replies;
using ChatOps.Knowledge;
using Fact = ChatOps.Commands.Replies.Fact;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace ChatOps.Bot.Teams;

/// <summary>
/// Runbooks where Teams users look outside the chat: the search message extension (command
/// <c>kb</c> in the compose box) and unfurling of a pasted link to <c>/kb/{id}</c>, both answered
/// from the same index as <c>kb search</c>. A blank, oversized or unsearchable query, and a link
/// that is not one of this service's runbooks, get an empty result, never an error.
/// </summary>
internal sealed partial class RunbookCards(IKnowledgeBase knowledge, Links links, AdaptiveCardRenderer cards, ILogger<RunbookCards> logger)
{
    /// <summary>The message extension command id in the manifest.</summary>
    public const string SearchCommand = "kb";

    /// <summary>Longest query searched; longer text is refused with an empty result.</summary>
    public const int MaxQueryLength = 200;

    private const int MaxResults = 10;

    public MessagingExtensionResponse Search(MessagingExtensionQuery? query)
    {
        var text = query?.Parameters?.FirstOrDefault(p => p.Name is "query" or "searchQuery")?.Value?.ToString()?.Trim();
        if (query?.CommandId != SearchCommand || string.IsNullOrEmpty(text) || text.Length > MaxQueryLength)
        {
            return Results([]);
        }

        try
        {
            return Results(knowledge.Search(text, MaxResults).Hits.Select(h => Attachment(h.Runbook, h.Snippet)).ToList());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSearchFailed(ex, text.Length);
            return Results([]);
        }
    }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message-extension search of {Length} characters failed; answered with no results")]
    private partial void LogSearchFailed(Exception exception, int length);
}
