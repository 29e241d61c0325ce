using ChatOps.Bot.Rendering;
using ChatOps.Commands.Access;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Teams;

/// <summary>
/// What everyone sees of a pending action in a Teams channel or group chat. The message holds the
/// view for anyone (what is pending, for whom, until when), with a Universal Actions refresh so
/// that the requester's and the eligible admins' clients ask for their own view; a decision
/// updates the message for everyone, because Teams shows the answer to a press only to the presser.
/// </summary>
internal sealed partial class SharedCards(ReplyActivityFactory factory, RosterLookup roster, CommandRouter router, IOptionsMonitor<AccessOptions> access, ILogger<SharedCards> logger)
{
    /// <summary>A Teams conversation with more people than the bot and one user.</summary>
    public static bool IsShared(ITurnContext turn) =>
        turn.Activity.ChannelId == Microsoft.Bot.Connector.Channels.Msteams &&
        turn.Activity.Conversation?.ConversationType is { } type && !type.Equals("personal", StringComparison.OrdinalIgnoreCase);

    /// <summary>The message to send for a reply: in a shared conversation, its view for everyone when it has one.</summary>
    public async Task<Activity> CreateAsync(ITurnContext turn, Reply reply, CancellationToken cancellationToken) =>
        reply.SharedView is { } shared && IsShared(turn)
            ? factory.Create(await WithAdminsAsync(turn, shared, cancellationToken), turn.Activity.ChannelId)
            : factory.Create(reply, turn.Activity.ChannelId);

    /// <summary>After a press that changed the action: the card it was on, updated for everyone.</summary>
    public async Task UpdatePressedCardAsync(ITurnContext turn, Reply reply, CancellationToken cancellationToken)
    {
        if (reply.SharedView is not { } shared || !IsShared(turn) || turn.Activity.ReplyToId is not { Length: > 0 } messageId)
        {
            return;
        }

        var view = await WithAdminsAsync(turn, shared, cancellationToken);
        if (view.Refresh is { } refresh && (await router.PendingCardAsync(refresh.PendingId, cancellationToken))?.IsWaiting != true)
        {
            // Decided while the roster was asked: that decision's update is the one everyone must see.
            return;
        }

        var update = factory.Create(view, turn.Activity.ChannelId);
        update.Id = messageId;
        try
        {
            await turn.UpdateActivityAsync(update, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogUpdateFailed(ex, messageId);
        }
    }

    /// <summary>A refresh that also lists the admins who may approve, by their channel ids.</summary>
    private async Task<Reply> WithAdminsAsync(ITurnContext turn, Reply view, CancellationToken cancellationToken)
    {
        if (view.Refresh is not { ForAdmins: true } refresh)
        {
            return view;
        }

        var admins = await roster.ChannelIdsAsync(turn, access.CurrentValue.Admins, cancellationToken);
        return view with { Refresh = refresh with { UserIds = [.. refresh.UserIds.Concat(admins).Distinct(StringComparer.Ordinal).Take(CardRefresh.MaxUserIds)] } };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update the card {MessageId} for everyone; only the person who pressed sees the decision")]
    private partial void LogUpdateFailed(Exception exception, string messageId);
}
