using System.Net;
using System.Text.RegularExpressions;
using ChatOps.Bot.Messages;
using ChatOps.Bot.Rendering;
using ChatOps.Bot.Terminal;
using ChatOps.Commands.Access;
using ChatOps.Commands.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace ChatOps.Bot.Teams;

/// <summary>
/// The one bot class, for Teams and for the terminal chat: strips the @mention, welcomes new
/// members once, remembers personal chats, and hands text and presses alike to the command router,
/// by the activity's <see cref="Classified"/> kind. Redeliveries never reach it (see <see cref="Turns.TurnIntake"/>).
/// </summary>
internal sealed partial class ChatOpsBot(
    CommandRouter router,
    ReplySender sender,
    PersonalChatLedger personalChats,
    ReplyActivityFactory factory,
    SharedCards shared,
    MessageExtension compose,
    WelcomeLedger welcomes,
    RosterLookup roster,
    IOptionsMonitor<AccessOptions> access,
    ILogger<ChatOpsBot> logger) : TeamsActivityHandler
{
    /// <summary>Activities from a tenant that is not allowed are logged and left unanswered.</summary>
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        if (ForeignTenant(turnContext) is { } tenant)
        {
            LogForeignTenant(tenant, activity.Type, activity.From?.Id ?? "unknown");
            return;
        }

        await base.OnTurnAsync(turnContext, cancellationToken);
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var classified = Classified.Of(turnContext);
        var context = await ContextOfAsync(turnContext, cancellationToken);
        await personalChats.NoteAsync(turnContext, context.Caller, cancellationToken);
        switch (classified.Kind)
        {
            case ActivityKind.Press:
                // Web Chat and the Emulator do not say which card was pressed; the pending action remembers its card.
                var card = activity.ReplyToId ?? (classified.Press!.IsMalformed ? null : (await router.PendingCardAsync(classified.Press.PendingId, cancellationToken))?.CardMessageId);
                var reply = await router.PressAsync(classified.Press!, context, cancellationToken);
                await sender.RecordCardAsync(reply, await turnContext.ReplaceOrSendAsync(factory.Create(reply, activity.ChannelId), card, logger, cancellationToken), cancellationToken);
                return;
            case ActivityKind.StraySubmit:
                // Teams shows a card to everyone in a channel: only Action.Execute decides, and this never touches that card.
                LogStraySubmit(context.Caller.Id, context.ConversationId);
                await turnContext.SendActivityAsync(factory.Create(Commands.Replies.Reply.Error("In Teams, a pending action is decided only with its card's own buttons; nothing was done."), activity.ChannelId), cancellationToken);
                return;
        }

        var text = classified.Kind == ActivityKind.FollowUp ? classified.Command! : CleanText(activity);
        await sender.SendAsync(turnContext, ct => router.DispatchAsync(text, context, ct), text, cancellationToken);
    }

    /// <summary>
    /// Action.Execute from Teams: a refresh asks for the presser's own view of a pending action;
    /// a press's answer replaces the card for the presser, and a decision updates it for everyone.
    /// </summary>
    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(ITurnContext<IInvokeActivity> turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        var classified = Classified.Of(turnContext);
        if (classified.Press is not { } press)
        {
            return factory.CreateInvokeResponse(Commands.Replies.Reply.Error("That button carries no action I know."), turnContext.Activity.ChannelId);
        }

        var context = await ContextOfAsync(turnContext, cancellationToken);
        await personalChats.NoteAsync(turnContext, context.Caller, cancellationToken);
        var reply = await router.PressAsync(press, context, cancellationToken);
        if (classified.Kind == ActivityKind.Press)
        {
            await shared.UpdatePressedCardAsync(turnContext, reply, cancellationToken);
        }

        return factory.CreateInvokeResponse(reply, turnContext.Activity.ChannelId);
    }

    /// <summary>The compose box's searches (message extension commands <c>kb</c> and <c>cluster</c>).</summary>
    protected override Task<MessagingExtensionResponse> OnTeamsMessagingExtensionQueryAsync(ITurnContext<IInvokeActivity> turnContext, MessagingExtensionQuery query, CancellationToken cancellationToken) =>
        compose.SearchAsync(query, cancellationToken);

    /// <summary>A pasted link to one of the service's runbook pages becomes its card.</summary>
    protected override Task<MessagingExtensionResponse> OnTeamsAppBasedLinkQueryAsync(ITurnContext<IInvokeActivity> turnContext, AppBasedLinkQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(compose.Unfurl(query));

    private async Task<CommandContext> ContextOfAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var address = turnContext.Adapter is TerminalAdapter ? null : JsonConvert.SerializeObject(activity.GetConversationReference());
        var caller = CallerOf(turnContext);
        if (caller.AadObjectId is not null)
        {
            caller = caller with { Upn = await roster.UpnAsync(turnContext, cancellationToken) };
        }

        return new CommandContext(caller, activity.Conversation?.Id ?? "unknown", activity.Id, activity.ChannelId ?? "unknown")
        {
            Address = address,
            TenantId = activity.ChannelId == Microsoft.Bot.Connector.Channels.Msteams ? activity.Conversation?.TenantId ?? activity.GetChannelData<TeamsChannelData>()?.Tenant?.Id : null,
        };
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // Installed for a person (personal scope): their chat can be reached from now on.
        await personalChats.NoteAsync(turnContext, CallerOf(turnContext), cancellationToken);
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

    /// <summary>
    /// The tenant of a Teams activity that <see cref="AccessOptions.AllowedTenants"/> does not list
    /// (a Teams activity without one counts as foreign), or null when the activity may be answered.
    /// Other channels carry no tenant and are answered as before.
    /// </summary>
    private string? ForeignTenant(ITurnContext turnContext)
    {
        var allowed = access.CurrentValue.AllowedTenants.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList();
        var activity = turnContext.Activity;
        if (allowed.Count == 0 || turnContext.Adapter is TerminalAdapter || activity.ChannelId != Microsoft.Bot.Connector.Channels.Msteams)
        {
            return null;
        }

        var conversationTenant = activity.Conversation?.TenantId;
        var channelTenant = activity.GetChannelData<Microsoft.Bot.Schema.Teams.TeamsChannelData>()?.Tenant?.Id;
        if (conversationTenant is { Length: > 0 } && channelTenant is { Length: > 0 } && !conversationTenant.Equals(channelTenant, StringComparison.OrdinalIgnoreCase))
        {
            return $"{conversationTenant} / {channelTenant} (they disagree)";
        }

        var tenant = conversationTenant ?? channelTenant;
        return tenant is { Length: > 0 } && allowed.Contains(tenant, StringComparer.OrdinalIgnoreCase) ? null : tenant ?? "(none)";
    }

    /// <summary>
    /// The local user of the terminal chat is trusted only when the in-process adapter says so, never
    /// from activity data. Only Teams vouches for <c>from.aadObjectId</c>; on other channels the
    /// client writes it, so it grants nothing there, and the user is named <c>&lt;channel&gt;:&lt;from.id&gt;</c>.
    /// </summary>
    internal static Caller CallerOf(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        var from = activity.From ?? new ChannelAccount("unknown", "unknown");
        var id = from.Id ?? "unknown";
        var local = turnContext.Adapter is TerminalAdapter;
        var teams = activity.ChannelId == Microsoft.Bot.Connector.Channels.Msteams;
        return new Caller(id, from.Name ?? id, teams && !string.IsNullOrWhiteSpace(from.AadObjectId) ? from.AadObjectId : null, Upn: null, IsLocalUser: local,
            ChannelScopedId: teams || local ? null : $"{activity.ChannelId}:{id}");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {ActivityType} activity from {User} of tenant {Tenant}, which ChatOps:Access:AllowedTenants does not list")]
    private partial void LogForeignTenant(string tenant, string activityType, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an Action.Submit-shaped press from {User} in Teams conversation {Conversation}: Teams decides only by Action.Execute")]
    private partial void LogStraySubmit(string user, string conversation);

    [GeneratedRegex("<at>[^<]*</at>", RegexOptions.IgnoreCase)]
    private static partial Regex AtTag();
}
