using System.Text.Json;

namespace ChatOps.Bot.Messages;

/// <summary>
/// The shape every activity posted to <c>/api/messages</c> must have before the adapter sees it:
/// the adapter answers a missing <c>conversation</c> or <c>serviceUrl</c> with a 500, and nothing the
/// bot stores should hold an id of a megabyte.
/// </summary>
internal static class InboundActivity
{
    /// <summary>Longest id (activity, conversation, user, reply-to) accepted. Teams' own are well under 200 characters.</summary>
    public const int MaxIdLength = 1024;

    /// <summary>Largest activity body accepted (Teams caps bot messages at about 100 KB).</summary>
    public const int MaxBodyBytes = 512 * 1024;

    /// <summary>Null when the body is an activity the bot can answer; otherwise what is wrong with it.</summary>
    public static string? Problem(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return "The body is not JSON.";
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "The body is not an activity object.";
            }

            return Text(root, "type", required: true, 64)
                ?? Id(root, "id")
                ?? Id(root, "replyToId")
                ?? Nested(root, "conversation")
                ?? Nested(root, "from")
                ?? ServiceUrl(root);
        }
    }

    private static string? Nested(JsonElement root, string name) =>
        Find(root, name, out var value) ?? (value is { ValueKind: JsonValueKind.Object } nested
            ? Text(nested, "id", required: true, MaxIdLength, $"{name}.id")
            : $"'{name}' is missing or not an object.");

    private static string? Id(JsonElement root, string name) => Text(root, name, required: false, MaxIdLength);

    /// <summary>
    /// The property, found without regard to case as the adapter's JSON reader finds it (where the
    /// last of several spellings wins); more than one spelling is itself the problem.
    /// </summary>
    private static string? Find(JsonElement element, string name, out JsonElement? value)
    {
        value = null;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                if (value is not null)
                {
                    return $"'{name}' appears more than once.";
                }

                value = property.Value;
            }
        }

        return null;
    }

    private static string? ServiceUrl(JsonElement root)
    {
        if (Text(root, "serviceUrl", required: true, 2048) is { } problem)
        {
            return problem;
        }

        Find(root, "serviceUrl", out var value);
        var url = value!.Value.GetString();
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? null
            : "'serviceUrl' is not an http(s) address.";
    }

    private static string? Text(JsonElement element, string name, bool required, int maxLength, string? label = null)
    {
        label ??= name;
        if (Find(element, name, out var found) is { } duplicate)
        {
            return duplicate;
        }

        if (found is not { ValueKind: not JsonValueKind.Null } value)
        {
            return required ? $"'{label}' is missing." : null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return $"'{label}' is not a string.";
        }

        var text = value.GetString()!;
        return text.Length switch
        {
            0 when required => $"'{label}' is empty.",
            _ when text.Length > maxLength => $"'{label}' is longer than {maxLength} characters.",
            _ => null,
        };
    }
}
