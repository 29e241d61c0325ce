using System.Text.Json.Nodes;

namespace ChatOps.EndToEnd.Tests.Builders;

/// <summary>Builds activities shaped like the ones Teams posts to <c>/api/messages</c>.</summary>
public sealed class TeamsActivity
{
    private readonly JsonObject _activity;

    private TeamsActivity(JsonObject activity) => _activity = activity;

    public static TeamsActivity Message(string text, string serviceUrl, string conversationId = "19:incident@thread.tacv2") => new(new JsonObject
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = Account(TeamsUser.Dana),
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = "tenant-1" },
        ["recipient"] = new JsonObject { ["id"] = "28:chatops-bot", ["name"] = "ChatOps" },
        ["text"] = text,
        ["textFormat"] = "plain",
        ["locale"] = "en-US",
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
    });

    public static TeamsActivity MembersAdded(string serviceUrl, string conversationId, params string[] memberIds)
    {
        var members = new JsonArray();
        foreach (var id in memberIds)
        {
            members.Add(new JsonObject { ["id"] = id, ["name"] = id == "28:chatops-bot" ? "ChatOps" : "New Member" });
        }

        return new(new JsonObject
        {
            ["type"] = "conversationUpdate",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:1user-abc" },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal" },
            ["recipient"] = new JsonObject { ["id"] = "28:chatops-bot", ["name"] = "ChatOps" },
            ["membersAdded"] = members,
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" }, ["eventType"] = "teamMemberAdded" },
        });
    }

    /// <summary>Adds the Teams @mention of the bot in front of the text, as a channel message carries it.</summary>
    public TeamsActivity MentioningBot()
    {
        var text = _activity["text"]!.GetValue<string>();
        _activity["text"] = $"<at>ChatOps</at> {text}";
        _activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>ChatOps</at>",
            ["mentioned"] = new JsonObject { ["id"] = "28:chatops-bot", ["name"] = "ChatOps" },
        });
        return this;
    }

    /// <summary>
    /// The Confirm/Cancel press Teams sends for an <c>Action.Execute</c> button: an
    /// <c>adaptiveCard/action</c> invoke whose response replaces the card.
    /// </summary>
    public static TeamsActivity Execute(string verb, string pendingId, string? nonce, string serviceUrl, TeamsUser? user = null, string conversationId = "19:incident@thread.tacv2", string? cardId = null, string trigger = "manual") => new(new JsonObject
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["replyToId"] = cardId,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = Account(user ?? TeamsUser.Dana),
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = "tenant-1" },
        ["recipient"] = new JsonObject { ["id"] = "28:chatops-bot", ["name"] = "ChatOps" },
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = verb,
                ["data"] = new JsonObject { ["verb"] = verb, ["pendingId"] = pendingId, ["nonce"] = nonce },
            },
            ["trigger"] = trigger,
        },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
    });

    /// <summary>
    /// What a Teams client sends when it shows a card with a <c>refresh</c> that lists its user
    /// (Universal Actions user-specific views): an automatic <c>adaptiveCard/action</c> invoke with the refresh's verb and data.
    /// </summary>
    public static TeamsActivity Refresh(string pendingId, string serviceUrl, TeamsUser user, string conversationId, string? cardId) =>
        Execute("refresh", pendingId, null, serviceUrl, user, conversationId, cardId, trigger: "automatic");

    /// <summary>The same press as Web Chat or the Emulator send it: an <c>Action.Submit</c> message value, replying to the card.</summary>
    public static TeamsActivity Submit(string verb, string pendingId, string nonce, string serviceUrl, string cardId)
    {
        var activity = Message(string.Empty, serviceUrl);
        activity._activity.Remove("text");
        activity._activity["replyToId"] = cardId;
        activity._activity["value"] = new JsonObject { ["verb"] = verb, ["pendingId"] = pendingId, ["nonce"] = nonce };
        return activity;
    }

    /// <summary>
    /// A message as Direct Line (Web Chat) posts it: no tenant, no Entra id, the user named by the
    /// client; <paramref name="text"/> null leaves the text out (a button's data is then set with <see cref="With"/>).
    /// </summary>
    public static TeamsActivity DirectLine(string? text, string serviceUrl, string userId = "dl_web-admin", string name = "Web User", string conversationId = "dl-conversation-1") =>
        Message(text ?? string.Empty, serviceUrl)
            .With("text", text is null ? null : JsonValue.Create(text))
            .With("channelId", "directline")
            .With("from", new JsonObject { ["id"] = userId, ["name"] = name })
            .With("conversation", new JsonObject { ["id"] = conversationId })
            .With("channelData", null);

    /// <summary>The user's personal (1:1) chat with the bot in Teams: sent by <paramref name="user"/> in <paramref name="conversationId"/> (default: theirs).</summary>
    public TeamsActivity InPersonalChat(TeamsUser user, string? conversationId = null)
    {
        _activity["from"] = Account(user);
        _activity["conversation"] = new JsonObject { ["id"] = conversationId ?? PersonalChatOf(user), ["conversationType"] = "personal", ["tenantId"] = "tenant-1" };
        return this;
    }

    /// <summary>The id Teams gives a user's personal chat with the bot, as the fake connector creates it.</summary>
    public static string PersonalChatOf(TeamsUser user) => $"a:personal-{user.Id}";

    /// <summary>Sends as another user.</summary>
    public TeamsActivity From(TeamsUser user)
    {
        _activity["from"] = Account(user);
        return this;
    }

    public TeamsActivity WithId(string id)
    {
        _activity["id"] = id;
        return this;
    }

    /// <summary>Sets or (with null) removes any property, for activities Teams would never send.</summary>
    public TeamsActivity With(string property, JsonNode? value)
    {
        if (value is null)
        {
            _activity.Remove(property);
        }
        else
        {
            _activity[property] = value;
        }

        return this;
    }

    /// <summary>Replaces the <c>pendingId</c> of a press (Action.Execute data) with any JSON value.</summary>
    public TeamsActivity WithPendingId(JsonNode? value)
    {
        _activity["value"]!["action"]!["data"]!["pendingId"] = value;
        return this;
    }

    public string Id => _activity["id"]!.GetValue<string>();

    /// <summary>The same activity as an invoke (message extension query, link unfurl) with this name and value.</summary>
    public TeamsActivity AsInvoke(string name, JsonObject value)
    {
        _activity["type"] = "invoke";
        _activity["name"] = name;
        _activity.Remove("text");
        _activity["value"] = value;
        return this;
    }

    public string ToJson() => _activity.ToJsonString();

    private static JsonObject Account(TeamsUser user) => new() { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId };
}
