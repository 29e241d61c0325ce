using ChatOps.Bot.Proactive;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Builder.TraceExtensions;
using Microsoft.Bot.Connector.Authentication;

namespace ChatOps.Bot.Teams;

/// <summary>
/// The Bot Framework adapter for <c>/api/messages</c>. The explicit constructor avoids DI's
/// ambiguous-constructor error on <see cref="CloudAdapter"/>. A turn that throws is logged and
/// the user gets a short apology, never a stack trace.
/// </summary>
internal sealed partial class ChatOpsAdapter : CloudAdapter
{
    public ChatOpsAdapter(BotFrameworkAuthentication authentication, OutgoingMiddleware outgoing, ILogger<ChatOpsAdapter> logger)
        : base(authentication, logger)
    {
        Use(outgoing);
        OnTurnError = async (turnContext, exception) =>
        {
            LogTurnFailed(logger, exception, turnContext.Activity?.Type, turnContext.Activity?.Id);
            if (turnContext.Activity?.Type == Microsoft.Bot.Schema.ActivityTypes.Message)
            {
                await turnContext.SendActivityAsync("Sorry, something went wrong on my side. It is logged; please try again.");
            }

            await turnContext.TraceActivityAsync("OnTurnError", exception.GetType().Name, "https://www.botframework.com/schemas/error", "TurnError");
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn failed for {ActivityType} activity {ActivityId}")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string? activityType, string? activityId);
}
