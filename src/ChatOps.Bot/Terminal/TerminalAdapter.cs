using ChatOps.Commands.Replies;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace ChatOps.Bot.Terminal;

/// <summary>
/// An in-process adapter that runs the same bot class as Teams for the terminal chat. Replies
/// arrive as <see cref="Reply"/> objects in <see cref="Activity.Value"/> and go to the view.
/// </summary>
internal sealed partial class TerminalAdapter : BotAdapter
{
    public const string ChannelId = "terminal";

    private readonly IBot _bot;
    private readonly ITerminalView _view;
    private readonly ChannelAccount _user = new(Environment.UserName, Environment.UserName);
    private readonly ChannelAccount _botAccount = new("chatops", "ChatOps");
    private readonly ConversationAccount _conversation = new(id: "terminal-" + Environment.ProcessId);

    public TerminalAdapter(IBot bot, ITerminalView view, ILogger<TerminalAdapter> logger)
    {
        _bot = bot;
        _view = view;
        OnTurnError = (turn, exception) =>
        {
            LogTurnFailed(logger, exception);
            _view.Show(Reply.Error("Sorry, something went wrong on my side. It is logged; please try again."));
            return Task.CompletedTask;
        };
    }

    /// <summary>Runs one message (text, or a button value) through the bot and returns the replies it produced.</summary>
    public async Task<IReadOnlyList<Reply>> SendAsync(string text, CancellationToken cancellationToken, object? value = null)
    {
        var activity = new Activity(ActivityTypes.Message)
        {
            Id = Guid.NewGuid().ToString("N"),
            Text = text,
            Value = value,
            ChannelId = ChannelId,
            From = _user,
            Recipient = _botAccount,
            Conversation = _conversation,
            Timestamp = DateTimeOffset.UtcNow,
            LocalTimestamp = DateTimeOffset.Now,
            ServiceUrl = "terminal://local",
        };
        var replies = new List<Reply>();
        using var turn = new TurnContext(this, activity);
        turn.TurnState.Add(replies);
        await RunPipelineAsync(turn, _bot.OnTurnAsync, cancellationToken);
        return replies;
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var id = Guid.NewGuid().ToString("N");
            if (activities[i].Type == ActivityTypes.Message)
            {
                var reply = ReplyOf(activities[i]);
                Record(turnContext, reply);
                _view.Show(reply, id);
            }

            responses[i] = new ResourceResponse(id);
        }

        return Task.FromResult(responses);
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        var reply = ReplyOf(activity);
        Record(turnContext, reply);
        _view.Replace(activity.Id, reply);
        return Task.FromResult(new ResourceResponse(activity.Id));
    }

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    private static Reply ReplyOf(Activity activity) => activity.Value as Reply ?? Reply.Text(activity.Text ?? string.Empty);

    private static void Record(ITurnContext turn, Reply reply)
    {
        if (reply.Progress is null)
        {
            turn.TurnState.Get<List<Reply>>()?.Add(reply);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Terminal turn failed")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception);
}
