using ChatOps.Commands.Replies;
using Newtonsoft.Json.Linq;

namespace ChatOps.Bot.Rendering;

/// <summary>
/// Text on a card as typed elements: a <c>RichTextBlock</c> of <c>TextRun</c>s, which no client
/// reads as Markdown or HTML, so <c>&lt;node&gt;</c>, <c>--force</c>, <c>\\FS01</c>, a lone "-" and
/// "2." show exactly as the data has them.
/// </summary>
internal static class CardText
{
    /// <summary>A paragraph of reply text: plain, <c>`code`</c> (monospace) and <c>**bold**</c> runs.</summary>
    public static JObject Text(string text, string? color = null, bool subtle = false, string? size = null, bool bold = false)
    {
        var inlines = new JArray();
        foreach (var (run, kind) in ReplyInline.Runs(text))
        {
            var element = new JObject { ["type"] = "TextRun", ["text"] = run };
            if (kind == ReplyInline.Kind.Code)
            {
                element["fontType"] = "Monospace";
            }

            if (bold || kind == ReplyInline.Kind.Bold)
            {
                element["weight"] = "Bolder";
            }

            if (size is not null)
            {
                element["size"] = size;
            }

            if (color is not null)
            {
                element["color"] = color;
            }

            if (subtle)
            {
                element["isSubtle"] = true;
            }

            inlines.Add(element);
        }

        return new JObject { ["type"] = "RichTextBlock", ["inlines"] = inlines };
    }

    /// <summary>A paragraph in a reply style: coloured, or subtle.</summary>
    public static JObject Styled(string text, TextStyle style) => Text(text, Color(style), style == TextStyle.Subtle);

    /// <summary>A fact's or cell's value with its status shown by colour and by mark.</summary>
    public static JObject WithStatus(string text, CellStatus status, bool subtle = false, bool bold = false) =>
        Text(Marked(text, status), Color(status), subtle, bold: bold);

    /// <summary>A heading: the words as they are, no marks read.</summary>
    public static JObject Heading(string text, string size = "Medium") => Plain(text, size, bold: true);

    /// <summary>One run of text exactly as given.</summary>
    public static JObject Plain(string text, string? size = null, bool bold = false)
    {
        var run = new JObject { ["type"] = "TextRun", ["text"] = text };
        if (size is not null)
        {
            run["size"] = size;
        }

        if (bold)
        {
            run["weight"] = "Bolder";
        }

        return new JObject { ["type"] = "RichTextBlock", ["inlines"] = new JArray(run) };
    }

    /// <summary>Links, one a line: each its title, opening its address.</summary>
    public static JObject Links(LinksBlock links) => new()
    {
        ["type"] = "Container",
        ["items"] = new JArray(links.Links.Select(Link)),
    };

    private static JObject Link(ReplyLink link) => new()
    {
        ["type"] = "RichTextBlock",
        ["inlines"] = new JArray(new JObject
        {
            ["type"] = "TextRun",
            ["text"] = link.Title,
            ["color"] = "accent",
            ["selectAction"] = new JObject { ["type"] = "Action.OpenUrl", ["url"] = link.Url, ["title"] = link.Title },
        }),
    };

    private static string? Color(TextStyle style) => style switch
    {
        TextStyle.Good => "good",
        TextStyle.Warning => "warning",
        TextStyle.Attention => "attention",
        _ => null,
    };

    private static string? Color(CellStatus status) => status switch
    {
        CellStatus.Ok => "good",
        CellStatus.Warning => "warning",
        CellStatus.Attention => "attention",
        _ => null,
    };

    /// <summary>The same mark for the same status in every fact and cell, so colour is never the only sign.</summary>
    private static string Marked(string value, CellStatus status) => status switch
    {
        CellStatus.Warning => $"⚠ {value}",
        CellStatus.Attention => $"✖ {value}",
        _ => value,
    };
}
