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
            // Code is left exactly as typed, to be copied; words elsewhere are glued so they break only between words.
            var element = new JObject { ["type"] = "TextRun", ["text"] = kind == ReplyInline.Kind.Code ? run : CardWidths.Glue(run) };
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
    public static JObject Styled(string text, TextStyle style) => Looking(text, StatusLook.Of(style));

    /// <summary>A fact's or cell's value with its status shown by colour and by mark.</summary>
    public static JObject WithStatus(string text, CellStatus status, bool subtle = false, bool bold = false) =>
        Looking(text, StatusLook.Of(status), subtle, bold);

    /// <summary>A heading: the words as they are, no marks read.</summary>
    public static JObject Heading(string text, string size = "Medium") => Plain(text, size, bold: true);

    /// <summary>One run of text exactly as given.</summary>
    public static JObject Plain(string text, string? size = null, bool bold = false)
    {
        var run = new JObject { ["type"] = "TextRun", ["text"] = CardWidths.Glue(text) };
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

    /// <summary>A link's line: its lead in its status's look, then its title opening its address.</summary>
    private static JObject Link(ReplyLink link)
    {
        var inlines = new JArray();
        if (link.Lead is { } lead)
        {
            var look = StatusLook.Of(link.Status);
            var run = new JObject { ["type"] = "TextRun", ["text"] = CardWidths.Glue(look.Marked(lead)) + " — " };
            if (Color(look.Colour) is { } colour)
            {
                run["color"] = colour;
            }

            inlines.Add(run);
        }

        inlines.Add(new JObject
        {
            ["type"] = "TextRun",
            ["text"] = CardWidths.Glue(link.Title),
            ["color"] = "accent",
            ["selectAction"] = new JObject { ["type"] = "Action.OpenUrl", ["url"] = link.Url, ["title"] = link.Title },
        });
        return new JObject { ["type"] = "RichTextBlock", ["inlines"] = inlines };
    }

    private static JObject Looking(string text, StatusLook look, bool subtle = false, bool bold = false) =>
        Text(look.Marked(text), Color(look.Colour), subtle || look.Colour == StatusColour.Subtle, bold: bold);

    private static string? Color(StatusColour colour) => colour switch
    {
        StatusColour.Good => "good",
        StatusColour.Warning => "warning",
        StatusColour.Attention => "attention",
        _ => null,
    };
}
