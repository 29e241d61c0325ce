using ChatOps.Bot.Rendering;
using ChatOps.Commands.Access;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Actions.Approvals;
using ChatOps.Commands.Replies;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace ChatOps.Bot.Teams;

/// <summary>
/// Asks for a second admin's approval in Teams with proactive messaging
/// (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages):
/// the approvals conversation gets the card everyone sees, naming (@mentioning) the admins who may
/// approve and refreshing into their own Approve / Reject; each of those admins gets their own view
/// in their personal chat with the bot — the one they already have, or one created for them
/// (<c>POST /v3/conversations</c>, which works once the app is installed for them). Every copy is
/// updated when anyone decides.
/// </summary>
internal sealed partial class TeamsApprovalDelivery(
    IBotFrameworkHttpAdapter adapter,
    ReplyActivityFactory factory,
    RosterLookup roster,
    IPersonalChats chats,
    IOptionsMonitor<ActionsOptions> actions,
    IOptionsMonitor<AccessOptions> access,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<TeamsApprovalDelivery> logger) : IApprovalDelivery
{
    private string BotAppId => configuration["MicrosoftAppId"] ?? string.Empty;

    public async Task<ApproverReach> ReachAsync(PendingAction action, CancellationToken cancellationToken)
    {
        var others = OtherAdmins(action);
        if (others.Count == 0)
        {
            return new ApproverReach(false, "`ChatOps:Access:Admins` names no admin but you");
        }

        var places = new List<string>();
        if (!string.IsNullOrWhiteSpace(actions.CurrentValue.ApprovalsConversation))
        {
            places.Add("the approvals conversation");
        }

        var withChats = 0;
        foreach (var entry in others)
        {
            withChats += await chats.FindAsync(PersonIdOf(entry), cancellationToken) is null ? 0 : 1;
        }

        if (withChats > 0)
        {
            places.Add($"{withChats} admin(s)' personal chat with the bot");
        }

        if (Reference(action.Address) is { Conversation.ConversationType: { } type, ChannelId: Microsoft.Bot.Connector.Channels.Msteams } && !type.Equals("personal", StringComparison.OrdinalIgnoreCase))
        {
            places.Add("this conversation, for its members who are admins");
        }

        return places.Count > 0
            ? new ApproverReach(true, string.Join(" and ", places))
            : new ApproverReach(false, $"no approvals conversation is set (`ChatOps:Actions:ApprovalsConversation`) and none of the {others.Count} other admin(s) has a personal chat with the bot (they get one by writing to it, or when the app is installed for them)");
    }

    public async Task<IReadOnlyList<CardCopy>> AskAsync(PendingAction action, Reply shared, Reply approverView, CancellationToken cancellationToken)
    {
        var copies = new List<CardCopy>();
        // Only an Entra object id or a UPN can name a Teams member; a channel-scoped entry (Web Chat) approves by typing.
        var others = OtherAdmins(action).Where(e => Guid.TryParse(e, out _) || e.Contains('@', StringComparison.Ordinal)).ToList();
        var resolved = new Dictionary<string, TeamsChannelAccount>(StringComparer.OrdinalIgnoreCase);
        var approvals = ApprovalsReference(action);
        if (approvals is not null)
        {
            await RunAsync(approvals, "the approvals conversation", async (turn, ct) =>
            {
                var members = await roster.MembersAsync(turn, others, ct);
                foreach (var (entry, member) in members)
                {
                    resolved[entry] = member;
                }

                var ids = members.Select(m => m.Member.Id);
                var view = shared with { Refresh = shared.Refresh is { } refresh ? refresh with { UserIds = [.. refresh.UserIds.Concat(ids).Distinct(StringComparer.Ordinal).Take(CardRefresh.MaxUserIds)] } : null };
                var message = factory.Create(view, turn.Activity.ChannelId);
                Mention(message, members.Select(m => m.Member), action);
                copies.Add(await SentAsync(turn, message, ct));
            }, cancellationToken);
        }

        foreach (var entry in others)
        {
            var chat = await chats.FindAsync(PersonIdOf(resolved.GetValueOrDefault(entry)?.AadObjectId ?? entry), cancellationToken);
            var to = chat is not null ? Reference(chat.Address) : null;
            if (to is not null)
            {
                await RunAsync(to, $"the personal chat of {entry}", async (turn, ct) => copies.Add(await SentAsync(turn, ForPerson(approverView, chat!.ChannelUserId, turn), ct)), cancellationToken);
            }
            else if (resolved.GetValueOrDefault(entry) is { } member && approvals is not null)
            {
                await OpenAsync(approvals, member, approverView, copies, cancellationToken);
            }
        }

        return copies;
    }

    public async Task UpdateAsync(IReadOnlyList<CardCopy> copies, Reply view, CancellationToken cancellationToken)
    {
        foreach (var copy in copies)
        {
            if (Reference(copy.Address) is { } reference)
            {
                await RunAsync(reference, $"the card {copy.MessageId}", async (turn, ct) =>
                {
                    var update = factory.Create(view, turn.Activity.ChannelId);
                    update.Id = copy.MessageId;
                    await turn.UpdateActivityAsync(update, ct);
                }, cancellationToken);
            }
        }
    }

    /// <summary>Creates the admin's personal chat with the bot (Teams gives back the one they have) and sends their view there.</summary>
    private async Task OpenAsync(ConversationReference where, TeamsChannelAccount member, Reply approverView, List<CardCopy> copies, CancellationToken cancellationToken)
    {
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = where.Bot,
            Members = [new ChannelAccount(member.Id, member.Name)],
            TenantId = where.Conversation.TenantId,
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo(where.Conversation.TenantId) },
        };
        try
        {
            await ((CloudAdapter)adapter).CreateConversationAsync(BotAppId, where.ChannelId, where.ServiceUrl, null, parameters, async (turn, ct) =>
            {
                copies.Add(await SentAsync(turn, ForPerson(approverView, member.Id, turn), ct));
                var address = JsonConvert.SerializeObject(turn.Activity.GetConversationReference());
                await chats.RememberAsync(new PersonalChat(PersonIdOf(member.AadObjectId ?? member.Id), member.Id, member.Name ?? member.Id, turn.Activity.Conversation.Id, address, where.Conversation.TenantId, time.GetUtcNow()), ct);
            }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(ex, $"a new personal chat with {member.Id}");
        }
    }

    /// <summary>An approver's own view, refreshing for them so it stays true.</summary>
    private Activity ForPerson(Reply view, string channelUserId, ITurnContext turn) =>
        factory.Create(view with { Refresh = view.Refresh is { } refresh ? refresh with { UserIds = [channelUserId] } : null }, turn.Activity.ChannelId);

    private static async Task<CardCopy> SentAsync(ITurnContext turn, Activity message, CancellationToken cancellationToken)
    {
        var sent = await turn.SendActivityAsync(message, cancellationToken);
        return new CardCopy { ConversationId = turn.Activity.Conversation.Id, Address = JsonConvert.SerializeObject(turn.Activity.GetConversationReference()), MessageId = sent?.Id ?? string.Empty };
    }

    /// <summary>Names each approver with an @mention, so Teams notifies them (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format#mention-support-within-adaptive-cards).</summary>
    private static void Mention(Activity message, IEnumerable<TeamsChannelAccount> approvers, PendingAction action)
    {
        var mentions = approvers.Select(a => new Mention(new ChannelAccount(a.Id, a.Name), $"<at>{a.Name}</at>")).ToList();
        message.Text = mentions.Count == 0
            ? $"{action.RequesterName} asks a second admin to approve `{action.Action} {action.Target}`."
            : $"{string.Join(", ", mentions.Select(m => m.Text))}: {action.RequesterName} asks one of you to approve `{action.Action} {action.Target}`.";
        message.Entities = [.. mentions.Select(m => (Entity)m)];
    }

    /// <summary>One proactive turn; a refusal or failure is logged, never thrown (the others still go).</summary>
    private async Task RunAsync(ConversationReference reference, string where, BotCallbackHandler work, CancellationToken cancellationToken)
    {
        try
        {
            await ((CloudAdapter)adapter).ContinueConversationAsync(BotAppId, reference, async (turn, ct) =>
            {
                try
                {
                    await work(turn, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSendFailed(ex, where);
                }
            }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSendFailed(ex, where);
        }
    }

    /// <summary>The approvals conversation, addressed through the requester's Teams service (same tenant and region), else <see cref="ActionsOptions.ApprovalsServiceUrl"/>.</summary>
    private ConversationReference? ApprovalsReference(PendingAction action)
    {
        if (actions.CurrentValue.ApprovalsConversation is not { Length: > 0 } id)
        {
            return null;
        }

        var from = Reference(action.Address) is { ChannelId: Microsoft.Bot.Connector.Channels.Msteams } teams ? teams : null;
        var tenant = from?.Conversation?.TenantId ?? action.TenantId ?? access.CurrentValue.AllowedTenants.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
        return new ConversationReference
        {
            ChannelId = Microsoft.Bot.Connector.Channels.Msteams,
            ServiceUrl = from?.ServiceUrl ?? actions.CurrentValue.ApprovalsServiceUrl,
            Bot = from?.Bot ?? new ChannelAccount(BotAppId),
            Conversation = new ConversationAccount(isGroup: true, id: id.Trim(), tenantId: tenant),
        };
    }

    /// <summary>The admin entries that do not name the requester.</summary>
    private List<string> OtherAdmins(PendingAction action) =>
        access.CurrentValue.Admins.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(e => PersonIdOf(e) != action.RequesterId && !NamesChannelUser(e, action.RequesterId))
            .ToList();

    /// <summary>An access entry as a person id: an Entra object id is <c>aad:&lt;id&gt;</c>, as <see cref="Caller.PersonId"/> writes it.</summary>
    private static string PersonIdOf(string entry) => Guid.TryParse(entry, out _) ? "aad:" + entry.ToLowerInvariant() : entry;

    /// <summary>Whether a channel-scoped entry (<c>directline:&lt;id&gt;</c>) names the person stored as <c>id:&lt;id&gt;</c>.</summary>
    private static bool NamesChannelUser(string entry, string personId) =>
        personId.StartsWith("id:", StringComparison.Ordinal) && entry.EndsWith(":" + personId[3..], StringComparison.Ordinal);

    private static ConversationReference? Reference(string? address)
    {
        try
        {
            return address is null ? null : JsonConvert.DeserializeObject<ConversationReference>(address);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not send or update an approval card in {Where}")]
    private partial void LogSendFailed(Exception exception, string where);
}
