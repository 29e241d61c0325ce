using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatOps.Bot.Teams;

/// <summary>
/// Puts a result where an earlier message is (the card a button was on, a "working…" or
/// "Running…" placeholder); when there is none, or the channel refuses the update, the result
/// is sent as a new message, so it is never lost.
/// </summary>
internal static partial class MessageReplacement
{
    /// <returns>The id of the message that now holds the result.</returns>
    public static async Task<string?> ReplaceOrSendAsync(this ITurnContext turn, Activity result, string? messageId, ILogger logger, CancellationToken cancellationToken)
    {
        if (messageId is { Length: > 0 })
        {
            result.Id = messageId;
            try
            {
                await turn.UpdateActivityAsync(result, cancellationToken);
                return messageId;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogUpdateFailed(logger, ex, messageId, turn.Activity.ChannelId);
                result.Id = null;
            }
        }

        return (await turn.SendActivityAsync(result, cancellationToken))?.Id;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update message {MessageId} on channel {Channel}; sent the result as a new message")]
    private static partial void LogUpdateFailed(ILogger logger, Exception exception, string messageId, string channel);
}
