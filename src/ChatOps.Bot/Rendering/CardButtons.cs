using ChatOps.Commands.Replies;
using Newtonsoft.Json.Linq;

namespace ChatOps.Bot.Rendering;

/// <summary>A card's buttons, their data written with the <see cref="CardWire"/> contract the bot reads presses with.</summary>
internal static class CardButtons
{
    /// <summary>Confirm or Cancel: <c>Action.Execute</c> in Teams (Universal Actions), <c>Action.Submit</c> with the same data elsewhere.</summary>
    public static JObject Decision(string title, string verb, ConfirmationRequest confirmation, string style, CardHost host)
    {
        var data = new JObject { [CardWire.VerbKey] = verb, [CardWire.PendingIdKey] = confirmation.PendingId, [CardWire.NonceKey] = confirmation.Nonce };
        var action = new JObject { ["type"] = host == CardHost.Teams ? "Action.Execute" : "Action.Submit", ["title"] = title, ["style"] = style, ["data"] = data };
        if (host == CardHost.Teams)
        {
            action[CardWire.VerbKey] = verb;
        }

        return action;
    }

    /// <summary>
    /// A button that sends a command as if typed: Teams posts <c>msteams.value</c> as the message
    /// text (imBack); other clients post the data as the message value, where the bot reads <see cref="CardWire.CommandKey"/>.
    /// </summary>
    public static JObject ImBack(string title, string command) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JObject { ["msteams"] = new JObject { ["type"] = "imBack", ["value"] = command }, [CardWire.CommandKey] = command },
    };
}
