using System.Collections.Concurrent;
using ChatOps.Commands.Access;
using ChatOps.Commands.Actions.Approvals;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace ChatOps.Bot.Teams;

/// <summary>
/// Remembers each person's Teams personal chat with the bot (its conversation reference), when they
/// write there or install the app for themselves, so a request for their approval can reach them
/// later by proactive messaging. Written at most once an hour per person and chat; a store that
/// fails is logged and the turn goes on.
/// </summary>
internal sealed partial class PersonalChatLedger(IPersonalChats chats, TimeProvider time, ILogger<PersonalChatLedger> logger)
{
    private static readonly TimeSpan RememberFor = TimeSpan.FromHours(1);
    private const int MaxRemembered = 10_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _noted = new(StringComparer.Ordinal);

    /// <summary>Whether a turn is in a Teams personal chat.</summary>
    public static bool IsPersonal(ITurnContext turn) =>
        turn.Activity.ChannelId == Microsoft.Bot.Connector.Channels.Msteams &&
        string.Equals(turn.Activity.Conversation?.ConversationType, "personal", StringComparison.OrdinalIgnoreCase);

    public async Task NoteAsync(ITurnContext turn, Caller caller, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!IsPersonal(turn) || caller.AadObjectId is null || activity.Conversation?.Id is not { Length: > 0 } conversation)
        {
            return;
        }

        var now = time.GetUtcNow();
        var key = $"{caller.PersonId}|{conversation}";
        if (_noted.TryGetValue(key, out var until) && until > now)
        {
            return;
        }

        try
        {
            var address = JsonConvert.SerializeObject(activity.GetConversationReference());
            await chats.RememberAsync(new PersonalChat(caller.PersonId, caller.Id, caller.Name, conversation, address, activity.Conversation.TenantId, now), cancellationToken);
            if (_noted.Count >= MaxRemembered)
            {
                _noted.Clear();
            }

            _noted[key] = now + RememberFor;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRememberFailed(ex, caller.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remember the personal chat of {User}; approvals reach them once they write again")]
    private partial void LogRememberFailed(Exception exception, string user);
}
