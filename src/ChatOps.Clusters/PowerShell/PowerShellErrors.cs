using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChatOps.Clusters.PowerShell;

/// <summary>Turns a node function's error into a typed <see cref="PowerShellException"/>.</summary>
internal static partial class PowerShellErrors
{
    private const int ExcerptLength = 300;

    /// <summary>The node functions fail with one JSON document as the message: {"error":{"kind":"...","message":"..."}}.</summary>
    public static PowerShellException FromMessage(string computer, string command, string message)
    {
        if (TryRead(message.Trim()) is { } error)
        {
            return new PowerShellException(error.Kind, $"{command} on {computer}: {error.Message}");
        }

        var kind = message.Contains("Access is denied", StringComparison.OrdinalIgnoreCase) ? PowerShellErrorKind.AccessDenied : PowerShellErrorKind.Failed;
        return new PowerShellException(kind, $"{command} on {computer} failed: {Excerpt(message)}");
    }

    public static string Excerpt(string text)
    {
        // PowerShell colours error text when it thinks a terminal reads it; a chat reply wants none of that.
        var trimmed = AnsiEscape().Replace(text, string.Empty).Trim().ReplaceLineEndings(" ");
        return trimmed.Length == 0 ? "(no output)" : trimmed.Length <= ExcerptLength ? trimmed : trimmed[..ExcerptLength] + "…";
    }

    private static (PowerShellErrorKind Kind, string Message)? TryRead(string line)
    {
        if (!line.StartsWith('{'))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            if (!document.RootElement.TryGetProperty("error", out var error) ||
                !error.TryGetProperty("message", out var message))
            {
                return null;
            }

            var kindText = error.TryGetProperty("kind", out var k) ? k.GetString() : null;
            var kind = kindText switch
            {
                "NotFound" => PowerShellErrorKind.NotFound,
                "AccessDenied" => PowerShellErrorKind.AccessDenied,
                "Unreachable" => PowerShellErrorKind.Unreachable,
                "Refused" => PowerShellErrorKind.Refused,
                _ => PowerShellErrorKind.Failed,
            };
            return (kind, Excerpt(message.GetString() ?? string.Empty));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"\x1B\[[0-9;?]*[A-Za-z]", RegexOptions.CultureInvariant)]
    private static partial Regex AnsiEscape();
}
