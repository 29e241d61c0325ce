using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChatOps.Clusters.PowerShell;

/// <summary>Turns a script's non-zero exit and its stderr into a typed <see cref="PowerShellException"/>.</summary>
internal static partial class PowerShellErrors
{
    private const int ExcerptLength = 300;

    public static PowerShellException FromFailure(string script, int exitCode, string stderr, string stdout)
    {
        // The scripts write {"error":{"kind":"...","message":"..."}} as the last line of stderr.
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var line in lines.Reverse())
        {
            if (TryRead(line) is { } error)
            {
                return new PowerShellException(error.Kind, $"{script}: {error.Message}");
            }
        }

        var text = stderr.Trim().Length > 0 ? stderr : stdout;
        var kind = text.Contains("Access is denied", StringComparison.OrdinalIgnoreCase) ? PowerShellErrorKind.AccessDenied : PowerShellErrorKind.Failed;
        return new PowerShellException(kind, $"{script} failed (exit code {exitCode}): {Excerpt(text)}");
    }

    public static string Excerpt(string text)
    {
        // pwsh colours its error text when it thinks a terminal reads it; a chat reply wants none of that.
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
