using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.EndToEnd.Tests.Fakes;

/// <summary>
/// Create Conversation (<c>POST /v3/conversations</c>) as Teams answers it for proactive messages:
/// <list type="bullet">
/// <item>Request and answer shapes (ConversationParameters in, ConversationResourceResponse out, ErrorResponse on
/// failure): Bot Connector API reference,
/// https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#create-conversation
/// (ConversationParameters, ConversationResourceResponse and ErrorResponse objects).</item>
/// <item>A one-to-one chat needs the user id and the tenant id (<c>tenantId</c> or <c>channelData.tenant.id</c>) and
/// answers <c>{ "id": "a:…" }</c>; a new thread in a channel is allowed, a new group chat is not:
/// https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
/// ("Create the conversation", JSON tab). Teams keeps one personal chat per user and bot, so asking again
/// for the same user answers the same id.</item>
/// <item>Failures: 403 <c>ConversationBlockedByUser</c> and <c>ForbiddenOperationException</c>, 400 for a bad payload:
/// https://learn.microsoft.com/en-us/microsoftteams/platform/bots/build-conversational-capability#status-codes-from-bot-conversational-apis;
/// a message to a chat whose user blocked the bot answers 403 with <c>subCode: MessageWritesBlocked</c>, body as on the
/// send-proactive-messages page ("Understand who blocked, muted, or uninstalled a bot").</item>
/// </list>
/// </summary>
public sealed partial class FakeBotConnector
{
    /// <summary>The body Teams sends with a 403 for a message to a chat that is blocked, as the proactive-messages page shows it.</summary>
    private const string MessageWritesBlockedBody =
        "{\"errorCode\":209,\"message\":\"{\\r\\n  \\\"subCode\\\": \\\"MessageWritesBlocked\\\",\\r\\n  \\\"details\\\": \\\"Thread is blocked from message writes.\\\",\\r\\n  \\\"errorCode\\\": null,\\r\\n  \\\"errorSubCode\\\": null\\r\\n}\"}";

    private readonly ConcurrentDictionary<string, string> _personalChats = new();
    private readonly ConcurrentDictionary<string, string> _personalChatMembers = new();
    private int _nextConversation;

    /// <summary>Every conversation the bot created (refusals are not listed), in arrival order.</summary>
    public List<CreatedConversation> CreatedConversations { get; } = [];

    /// <summary>
    /// Channel user ids (<c>29:…</c>) who blocked the bot: creating their chat answers 403 <c>ConversationBlockedByUser</c>,
    /// and a message to the chat the bot already has with them answers 403 <c>MessageWritesBlocked</c>. Empty by default.
    /// </summary>
    public IReadOnlySet<string> BlockedMembers { get; set; } = new HashSet<string>();

    /// <summary>Channel user ids for whom the app is not installed in personal scope: creating their chat answers 403 <c>ForbiddenOperationException</c>. Empty by default.</summary>
    public IReadOnlySet<string> NotInstalledFor { get; set; } = new HashSet<string>();

    private void MapConversations(WebApplication app) =>
        app.MapPost("/v3/conversations", async (HttpRequest request) =>
            await JsonNode.ParseAsync(request.Body) is JsonObject parameters ? await CreateAsync(parameters) : BadArgument("The body is not a ConversationParameters object."));

    private async Task<IResult> CreateAsync(JsonObject parameters)
    {
        var members = parameters["members"] as JsonArray ?? [];
        var channel = parameters["channelData"]?["channel"]?["id"]?.GetValue<string>();
        var tenant = parameters["tenantId"]?.GetValue<string>() ?? parameters["channelData"]?["tenant"]?["id"]?.GetValue<string>();
        string id;
        string? memberId = null;
        if (channel is not null)
        {
            // A new thread in a channel the app is installed in: its id is the channel's and the thread's first message.
            id = $"{channel};messageid={Interlocked.Increment(ref _nextConversation)}";
        }
        else if (members is [JsonObject { } member] && parameters["isGroup"]?.GetValue<bool>() != true && member["id"]?.GetValue<string>() is { Length: > 0 } user)
        {
            if (tenant is null)
            {
                return BadArgument("A one-to-one conversation needs the tenant id.");
            }

            if (BlockedMembers.Contains(user))
            {
                return Error(StatusCodes.Status403Forbidden, "ConversationBlockedByUser", "User blocked the conversation with the bot.");
            }

            if (NotInstalledFor.Contains(user))
            {
                return Error(StatusCodes.Status403Forbidden, "ForbiddenOperationException", "Bot isn't installed in user's personal scope");
            }

            memberId = user;
            id = _personalChats.GetOrAdd(user, _ => $"a:fake-personal-{Interlocked.Increment(ref _nextConversation)}");
            _personalChatMembers[id] = user;
        }
        else
        {
            return BadArgument("Incorrect conversation creation parameters: a bot cannot create a group chat.");
        }

        lock (CreatedConversations)
        {
            CreatedConversations.Add(new CreatedConversation(memberId, tenant, id, parameters.DeepClone().AsObject()));
        }

        var answer = new JsonObject { ["id"] = id };
        if (parameters["activity"] is JsonObject activity)
        {
            answer["activityId"] = (await ReceiveAsync("send", id, activity.DeepClone().AsObject())).Id;
        }

        return Results.Json(answer);
    }

    /// <summary>The 403 for a message to a personal chat whose user has since blocked the bot, or null.</summary>
    private IResult? WritesBlocked(string conversationId) =>
        _personalChatMembers.TryGetValue(conversationId, out var member) && BlockedMembers.Contains(member)
            ? Results.Content(MessageWritesBlockedBody, "application/json; charset=utf-8", statusCode: StatusCodes.Status403Forbidden)
            : null;

    private static IResult BadArgument(string message) => Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    /// <summary>The Bot Connector's ErrorResponse: <c>{ "error": { "code", "message" } }</c>.</summary>
    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);
}
