using ChatOps.Commands.Replies;
using Newtonsoft.Json.Linq;

namespace ChatOps.Bot.Rendering;

/// <summary>Code blocks on a card: monospace, one line per line, as copyable as the client allows.</summary>
internal static class CardCode
{
    /// <summary>
    /// Teams' <c>CodeBlock</c> (with a copy button), falling back to monospace lines where it is
    /// unknown; other clients get the monospace lines.
    /// </summary>
    public static JObject Code(CodeBlock code, CardHost host)
    {
        var lines = code.Code.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        var plain = new JObject
        {
            ["type"] = "Container",
            ["style"] = "emphasis",
            ["items"] = new JArray(lines.Select(line => new JObject
            {
                ["type"] = "RichTextBlock",
                ["spacing"] = "None",
                // Leading spaces are kept as no-break spaces: clients collapse ordinary ones.
                ["inlines"] = new JArray(new JObject { ["type"] = "TextRun", ["text"] = KeepIndent(line), ["fontType"] = "Monospace" }),
            })),
        };
        if (host != CardHost.Teams)
        {
            return plain;
        }

        return new JObject
        {
            ["type"] = "CodeBlock",
            ["codeSnippet"] = code.Code,
            ["language"] = Language(code.Language),
            ["fallback"] = plain,
        };
    }

    private static string KeepIndent(string line)
    {
        var indent = line.Length - line.TrimStart(' ').Length;
        return line.Length == 0 ? "\u00A0" : new string('\u00A0', indent) + line[indent..];
    }

    /// <summary>The languages Teams' CodeBlock names that our runbooks use; anything else is plain text.</summary>
    private static string Language(string? language) => language?.ToLowerInvariant() switch
    {
        "powershell" or "ps1" or "pwsh" or "ps" => "PowerShell",
        "bash" or "sh" or "shell" => "Bash",
        "json" => "JSON",
        "xml" => "XML",
        "sql" => "SQL",
        _ => "PlainText",
    };
}
