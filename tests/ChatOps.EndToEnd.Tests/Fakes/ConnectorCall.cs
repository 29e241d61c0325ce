using System.Text.Json.Nodes;

namespace ChatOps.EndToEnd.Tests.Fakes;

/// <summary>One activity the bot sent (or updated) through the connector, with the id the connector gave it.</summary>
public sealed record ConnectorCall(string Kind, string ConversationId, JsonObject Activity, string Id)
{
    /// <summary>When the connector received it.</summary>
    public DateTimeOffset At { get; } = DateTimeOffset.UtcNow;

    /// <summary>All text a person would read: the message text and every card text, joined.</summary>
    public string VisibleText
    {
        get
        {
            var parts = new List<string>();
            if (Activity["text"]?.GetValue<string>() is { } text)
            {
                parts.Add(text);
            }

            foreach (var attachment in Activity["attachments"]?.AsArray() ?? [])
            {
                Collect(attachment?["content"], parts);
            }

            return string.Join('\n', parts);
        }
    }

    /// <summary>The same message as one client shows it after a card answer (an invoke response) replaced it there.</summary>
    public ConnectorCall ReplacedBy(JsonNode invokeResponse) => new("invoke", ConversationId, new JsonObject
    {
        ["attachments"] = new JsonArray(new JsonObject
        {
            ["contentType"] = invokeResponse["type"]?.GetValue<string>(),
            ["content"] = invokeResponse["value"]?.DeepClone(),
        }),
    }, Id);

    /// <summary>The channel user ids a card refreshes for (Universal Actions), empty when it has no refresh.</summary>
    public IReadOnlyList<string> RefreshUserIds => Card?["refresh"]?["userIds"]?.AsArray().Select(id => id!.GetValue<string>()).ToList() ?? [];

    /// <summary>The first Adaptive Card attachment, if any.</summary>
    public JsonObject? Card => Activity["attachments"]?.AsArray()
        .FirstOrDefault(a => a?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive")?["content"]?.AsObject();

    /// <summary>All text in a card or any JSON a person would read (e.g. an invoke response).</summary>
    public static string TextOf(JsonNode? node)
    {
        var parts = new List<string>();
        Collect(node, parts);
        return string.Join('\n', parts);
    }

    /// <summary>The pending id and nonce carried by the card's decision buttons (Confirm, or Cancel alone), or null when it has none.</summary>
    public (string PendingId, string Nonce)? Confirmation => Card?["actions"]?.AsArray()
        .Select(a => a?["data"])
        .Where(d => d?["verb"]?.GetValue<string>() is "confirm" or "cancel" && d["nonce"] is not null)
        .Select(d => ((string PendingId, string Nonce)?)(d!["pendingId"]!.GetValue<string>(), d["nonce"]!.GetValue<string>()))
        .FirstOrDefault();

    private static string Run(JsonNode? run)
    {
        // As a person reads it: the word joiners and no-break spaces that keep names whole are invisible.
        var text = Browser.WebChat.WebChatPage.Readable(run?["text"]?.GetValue<string>() ?? string.Empty);
        if (run?["selectAction"]?["url"]?.GetValue<string>() is { } url)
        {
            return $"[{text}]({url})";
        }

        return run?["fontType"]?.GetValue<string>() == "Monospace" ? $"`{text}`"
            : run?["weight"]?.GetValue<string>() == "Bolder" ? $"**{text}**"
            : text;
    }

    private static void Collect(JsonNode? node, List<string> parts)
    {
        switch (node)
        {
            case JsonObject obj when obj["type"]?.GetValue<string>() == "RichTextBlock":
                // One paragraph: its runs read as one line, written as the reply had them (`code`, **bold**, [link](url)).
                parts.Add(string.Concat(obj["inlines"]?.AsArray().Select(Run) ?? []));
                break;
            case JsonObject obj when obj["type"]?.GetValue<string>() == "CodeBlock":
                parts.Add(obj["codeSnippet"]?.GetValue<string>() ?? string.Empty);
                break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key is "text" or "title" or "value" && value is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        parts.Add(s);
                    }
                    else
                    {
                        Collect(value, parts);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, parts);
                }

                break;
        }
    }
}
