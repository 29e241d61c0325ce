using Newtonsoft.Json.Linq;

namespace ChatOps.Bot.Teams;

/// <summary>A Confirm or Cancel press: from an <c>Action.Execute</c> invoke, or an <c>Action.Submit</c> message value.</summary>
internal sealed record ButtonPress(string? Verb, string? PendingId, string? Nonce)
{
    /// <summary>The press carried by an activity value, or null when the value is not one.</summary>
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

        var pendingId = data.Value<string>("pendingId");
        return pendingId is null ? null : new ButtonPress(verb ?? data.Value<string>("verb"), pendingId, data.Value<string>("nonce"));
    }
}
