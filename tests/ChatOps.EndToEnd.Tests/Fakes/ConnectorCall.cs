using System.Text.Json.Nodes;

namespace ChatOps.EndToEnd.Tests.Fakes;

/// <summary>One activity the bot sent (or updated) through the connector.</summary>
public sealed record ConnectorCall(string Kind, string ConversationId, JsonObject Activity)
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

    /// <summary>The first Adaptive Card attachment, if any.</summary>
    public JsonObject? Card => Activity["attachments"]?.AsArray()
        .FirstOrDefault(a => a?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive")?["content"]?.AsObject();

    private static void Collect(JsonNode? node, List<string> parts)
    {
        switch (node)
        {
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
