using Newtonsoft.Json.Linq;

namespace ChatOps.Bot.Teams;

/// <summary>A Confirm or Cancel press: from an <c>Action.Execute</c> invoke, or an <c>Action.Submit</c> message value.</summary>
internal sealed record ButtonPress(string? Verb, string? PendingId, string? Nonce)
{
    /// <summary>Longest pending-action id, nonce or verb a press may carry: the bot's own are 32 to 40 characters.</summary>
    public const int MaxFieldLength = 64;

    /// <summary>A press whose data is not what the bot's buttons send: answered with a refusal, never looked up or stored.</summary>
    public static readonly ButtonPress Malformed = new(null, null, null);

    public bool IsMalformed => ReferenceEquals(this, Malformed);

    /// <summary>Whether this is a card's refresh (a person asking for their view), not a decision.</summary>
    public bool IsRefresh => !IsMalformed && Verb == Commands.Replies.CardAction.Refresh;

    /// <summary>
    /// The press carried by an activity value; null when the value is not a press at all;
    /// <see cref="Malformed"/> when it names a pending action with data of the wrong type or size.
    /// </summary>
    public static ButtonPress? From(object? value, string? verb = null)
    {
        if (value is null)
        {
            return null;
        }

        JObject data;
        try
        {
            data = value as JObject ?? JObject.FromObject(value);
        }
        catch (ArgumentException)
        {
            return null;
        }

        if (data["pendingId"] is not { } pendingToken)
        {
            return null;
        }

        var pendingId = Field(pendingToken);
        if (pendingId is null || !TryOptional(data, "verb", out var dataVerb) || !TryOptional(data, "nonce", out var nonce) || verb is { Length: > MaxFieldLength })
        {
            return Malformed;
        }

        return new ButtonPress(verb ?? dataVerb, pendingId, nonce);
    }

    /// <summary>Whether an <c>adaptiveCard/action</c> invoke's raw value is a card's refresh (by the action's verb, else its data's), whatever else it holds.</summary>
    public static bool IsRefreshValue(object? invokeValue)
    {
        if (invokeValue is not JObject value || value["action"] is not JObject action)
        {
            return false;
        }

        var verb = action["verb"] is { Type: JTokenType.String } given ? given.Value<string>() : null;
        return From(action["data"], verb)?.IsRefresh == true;
    }

    /// <summary>
    /// The command a follow-up button sends, when a client posts the button's data instead of its
    /// text: Teams' imBack shape (<c>msteams.value</c>) or the plain <c>command</c> field. Null when
    /// the value is not such a button.
    /// </summary>
    public static string? FollowUpCommand(object? value)
    {
        JObject? data;
        try
        {
            data = value as JObject ?? (value is null or string ? null : JObject.FromObject(value));
        }
        catch (ArgumentException)
        {
            return null;
        }

        var command = data?["msteams"] is JObject { } msteams && msteams["type"]?.ToString() == "imBack" ? msteams["value"] : data?[Commands.Replies.CardAction.CommandKey];
        return command is { Type: JTokenType.String } text ? text.Value<string>() : null;
    }

    /// <summary>An optional field: absent or null is fine, anything else must be a short string.</summary>
    private static bool TryOptional(JObject data, string name, out string? value)
    {
        value = null;
        if (data[name] is not { Type: not JTokenType.Null } token)
        {
            return true;
        }

        value = Field(token);
        return value is not null;
    }

    /// <summary>A string of at most <see cref="MaxFieldLength"/> characters, else null.</summary>
    private static string? Field(JToken token) =>
        token.Type == JTokenType.String && token.Value<string>() is { Length: > 0 and <= MaxFieldLength } text ? text : null;
}
