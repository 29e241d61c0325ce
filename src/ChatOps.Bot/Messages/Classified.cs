using ChatOps.Commands.Replies;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ChatOps.Bot.Messages;

/// <summary>What an incoming activity is, decided once.</summary>
internal enum ActivityKind
{
    /// <summary>A message with text: a command.</summary>
    Text,

    /// <summary>A decision on a pending action: an <c>Action.Execute</c> invoke, or (outside Teams) an <c>Action.Submit</c> message.</summary>
    Press,

    /// <summary>A card's refresh: a person asking for their own view of a pending action (only reads).</summary>
    Refresh,

    /// <summary>A follow-up button posted as data by a client that does not post its text (Web Chat, the Emulator).</summary>
    FollowUp,

    /// <summary>A compose-box search or link unfurl (message extension).</summary>
    Compose,

    /// <summary>In Teams, an <c>Action.Submit</c>-shaped message for a pending action: Teams decides only by <c>Action.Execute</c>, so it is refused.</summary>
    StraySubmit,

    /// <summary>An invoke this bot does not answer (a task module, a sign-in, a setting): refused with 400 and the reason.</summary>
    UnknownInvoke,

    /// <summary>Anything else: conversation updates, events, a card action that carries no press.</summary>
    Other,
}

/// <summary>
/// An activity as classified once, on arrival (<see cref="Of(IActivity)"/>); every later step — the
/// intake, the outgoing queue, the bot — reads this from the turn (<see cref="Of(ITurnContext)"/>),
/// never the activity's shape again.
/// </summary>
internal sealed record Classified(ActivityKind Kind, Press? Press = null, string? Command = null)
{
    /// <summary>The invoke Teams sends for an Adaptive Card <c>Action.Execute</c> button.</summary>
    public const string CardActionInvoke = "adaptiveCard/action";

    private const string TurnKey = "ChatOps.Classified";

    /// <summary>Whether it decides or asks about a pending action: answered first, and claimed before it runs.</summary>
    public bool IsPress => Kind is ActivityKind.Press;

    /// <summary>The turn's classification, made on arrival or, for a turn that did not come through the intake (the terminal chat), now.</summary>
    public static Classified Of(ITurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.TurnState.Get<Classified>(TurnKey) is { } known)
        {
            return known;
        }

        var classified = Of(turn.Activity);
        turn.TurnState.Add(TurnKey, classified);
        return classified;
    }

    /// <summary>Attaches a classification made on arrival to the turn that handles the activity.</summary>
    public void AttachTo(ITurnContext turn) => turn.TurnState[TurnKey] = this;

    /// <summary>Classifies an activity by its type, name, text and value.</summary>
    public static Classified Of(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type == ActivityTypes.Invoke)
        {
            var invoke = (IInvokeActivity)activity;
            if (invoke.Name == CardActionInvoke)
            {
                var action = (invoke.Value as JObject)?["action"] as JObject;
                var verb = action?[CardWire.VerbKey] is { Type: JTokenType.String } given ? given.Value<string>() : null;
                return PressOf(action?[CardWire.DataKey], verb) is { } press
                    ? new Classified(press.IsRefresh ? ActivityKind.Refresh : ActivityKind.Press, press)
                    : new Classified(ActivityKind.Other);
            }

            return new Classified(invoke.Name is "composeExtension/query" or "composeExtension/queryLink" ? ActivityKind.Compose : ActivityKind.UnknownInvoke);
        }

        if (activity.Type != ActivityTypes.Message)
        {
            return new Classified(ActivityKind.Other);
        }

        var message = (IMessageActivity)activity;
        if (!string.IsNullOrWhiteSpace(message.Text))
        {
            return new Classified(ActivityKind.Text);
        }

        if (PressOf(message.Value, null) is { IsRefresh: false } submitted)
        {
            return new Classified(message.ChannelId == Microsoft.Bot.Connector.Channels.Msteams ? ActivityKind.StraySubmit : ActivityKind.Press, submitted);
        }

        return FollowUpCommand(message.Value) is { } command ? new Classified(ActivityKind.FollowUp, Command: command) : new Classified(ActivityKind.Text);
    }

    /// <summary>
    /// The press a button's data carries; null when the data is not a press at all (it names no
    /// pending action); <see cref="Press.Malformed"/> when it names one with data of the wrong type or size.
    /// </summary>
    private static Press? PressOf(object? value, string? verb)
    {
        if (AsObject(value) is not { } data || data[CardWire.PendingIdKey] is not { } pendingToken)
        {
            return null;
        }

        var pendingId = Field(pendingToken);
        if (pendingId is null || !TryOptional(data, CardWire.VerbKey, out var dataVerb) || !TryOptional(data, CardWire.NonceKey, out var nonce) || verb is { Length: > CardWire.MaxFieldLength })
        {
            return Press.Malformed;
        }

        return (verb ?? dataVerb) is { } known ? new Press(known, pendingId, nonce) : Press.Malformed;
    }

    /// <summary>
    /// The command a follow-up button sends: Teams' imBack shape (<c>msteams.value</c>) or the plain
    /// <see cref="CardWire.CommandKey"/> field. Null when the value is not such a button.
    /// </summary>
    private static string? FollowUpCommand(object? value)
    {
        var data = AsObject(value);
        var command = data?["msteams"] is JObject { } msteams && msteams["type"]?.ToString() == "imBack" ? msteams["value"] : data?[CardWire.CommandKey];
        return command is { Type: JTokenType.String } text ? text.Value<string>() : null;
    }

    private static JObject? AsObject(object? value)
    {
        try
        {
            return value as JObject ?? (value is null or string or JToken ? null : JObject.FromObject(value));
        }
        catch (ArgumentException)
        {
            return null;
        }
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

    /// <summary>A string of at most <see cref="CardWire.MaxFieldLength"/> characters, else null.</summary>
    private static string? Field(JToken token) =>
        token.Type == JTokenType.String && token.Value<string>() is { Length: > 0 and <= CardWire.MaxFieldLength } text ? text : null;
}
