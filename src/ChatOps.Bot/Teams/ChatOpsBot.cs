using System.Net;
using System.Text.RegularExpressions;
using ChatOps.Bot.Terminal;
using ChatOps.Commands.Access;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;

namespace ChatOps.Bot.Teams;

/// <summary>
/// The one bot class, for Teams and for the terminal chat: strips the @mention, welcomes new
/// members once, and hands text to the command router.
/// </summary>
internal sealed partial class ChatOpsBot(
    CommandRouter router,
    ReplySender sender,
    WelcomeLedger welcomes,
    IProcessedActivities processed,
    TimeProvider time,
    ILogger<ChatOpsBot> logger) : TeamsActivityHandler
{
    /// <summary>Teams redelivers an activity when the bot is slow: each activity id is handled once, also across restarts.</summary>
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (activity.Id is { Length: > 0 } id && activity.Type is ActivityTypes.Message or ActivityTypes.Invoke &&
            !await processed.TryClaimAsync($"{activity.ChannelId}|{activity.Conversation?.Id}|{id}", time.GetUtcNow(), cancellationToken))
        {
            LogDuplicate(id, activity.Type);
            return;
        }

        await base.OnTurnAsync(turnContext, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var text = CleanText(activity);
        var context = new CommandContext(CallerOf(turnContext), activity.Conversation?.Id ?? "unknown", activity.Id, activity.ChannelId ?? "unknown");
        await sender.SendAsync(turnContext, ct => router.DispatchAsync(text, context, ct), text, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var conversation = turnContext.Activity.Conversation?.Id ?? "unknown";
        foreach (var member in membersAdded.Where(m => m.Id != turnContext.Activity.Recipient?.Id))
        {
            if (welcomes.TryClaim(conversation, member.Id))
            {
                var name = string.IsNullOrWhiteSpace(member.Name) ? "there" : member.Name;
                await turnContext.SendActivityAsync(
                    $"Hi {name}, I am ChatOps: I answer questions about the Hyper-V cluster and its runbooks. Type `help` to see what I can do.",
                    cancellationToken: cancellationToken);
            }
        }
    }

    /// <summary>Message text without the bot's @mention and without Teams' HTML entities.</summary>
    internal static string CleanText(IMessageActivity activity)
    {
        if (activity is Activity concrete && activity.Recipient is not null)
        {
            concrete.RemoveRecipientMention();
        }

        var text = activity.Text ?? string.Empty;
        text = AtTag().Replace(text, " ");
        return WebUtility.HtmlDecode(text).Trim();
    }

    /// <summary>The local user of the terminal chat is trusted only when the in-process adapter says so, never from activity data.</summary>
    private static Caller CallerOf(ITurnContext turnContext)
    {
        var from = turnContext.Activity.From ?? new ChannelAccount("unknown", "unknown");
        return new Caller(from.Id ?? "unknown", from.Name ?? from.Id ?? "unknown", from.AadObjectId, Upn: null, IsLocalUser: turnContext.Adapter is TerminalAdapter);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored redelivered {ActivityType} activity {ActivityId}")]
    private partial void LogDuplicate(string activityId, string activityType);

    [GeneratedRegex("<at>[^<]*</at>", RegexOptions.IgnoreCase)]
    private static partial Regex AtTag();
}
