using ChatOps.Commands.Replies;
using Newtonsoft.Json.Linq;

namespace ChatOps.Bot.Rendering;

/// <summary>
/// The Adaptive Card elements for a reply block within a byte budget: each kind of block is
/// built by <see cref="CardText"/>, <see cref="CardTables"/> or <see cref="CardCode"/>; a block
/// that does not fit whole is cut or left out here.
/// </summary>
internal static class CardElements
{
    /// <summary>Elements for a block within a byte budget; a table or list keeps the rows that fit.</summary>
    public static (IReadOnlyList<JObject> Elements, int RowsLeftOut) For(ReplyBlock block, int budget, CardHost host)
    {
        switch (block)
        {
            case TableBlock table:
                return CardTables.Table(table, budget);
            case ListBlock list:
                return CardTables.List(list, budget);
        }

        var element = Single(block, host);
        if (AdaptiveCardRenderer.Size(element) <= budget)
        {
            return ([element], 0);
        }

        return block switch
        {
            TextBlock t when budget > 400 => ([CardText.Styled(Cut(t.Text, budget), t.Style)], 0),
            CodeBlock c when budget > 400 => ([CardCode.Code(c with { Code = Cut(c.Code, budget / 2) }, CardHost.Other)], 0),
            _ => ([], 0),
        };
    }

    private static JObject Single(ReplyBlock block, CardHost host) => block switch
    {
        TextBlock t => CardText.Styled(t.Text, t.Style),
        HeadingBlock h => CardText.Heading(h.Text, h.Level <= 2 ? "Medium" : "Default"),
        FactsBlock f => CardTables.Facts(f),
        CodeBlock c => CardCode.Code(c, host),
        LinksBlock links => CardText.Links(links),
        _ => CardText.Text(block.ToString() ?? string.Empty),
    };

    private static string Cut(string text, int budget)
    {
        var keep = Math.Max(0, (budget - 300) / 2);
        return text[..Math.Min(text.Length, keep)] + "\n… (cut to fit a Teams message)";
    }
}
