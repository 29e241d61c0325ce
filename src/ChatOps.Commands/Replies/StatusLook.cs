namespace ChatOps.Commands.Replies;

/// <summary>The colour families every renderer has: a card's colour names, the terminal's colours, the pages' classes.</summary>
public enum StatusColour
{
    /// <summary>The renderer's ordinary text.</summary>
    Default,

    /// <summary>Green.</summary>
    Good,

    /// <summary>Amber.</summary>
    Warning,

    /// <summary>Red.</summary>
    Attention,

    /// <summary>Grey: unknown, history, notes.</summary>
    Subtle,
}

/// <summary>
/// The one mapping from a status to how it looks: a colour and a mark. Cards, the terminal and the
/// pages all ask here, so the same status never looks healthier in one of them, and the mark makes
/// sure colour is never the only sign.
/// </summary>
public readonly record struct StatusLook(StatusColour Colour, string? Mark)
{
    public static StatusLook Of(CellStatus status) => status switch
    {
        CellStatus.Ok => new(StatusColour.Good, null),
        CellStatus.Warning => new(StatusColour.Warning, "⚠"),
        CellStatus.Attention => new(StatusColour.Attention, "✖"),
        CellStatus.Unknown => new(StatusColour.Subtle, "?"),
        CellStatus.History => new(StatusColour.Subtle, null),
        _ => new(StatusColour.Default, null),
    };

    /// <summary>A paragraph's look: the colour of the same status, no mark (a paragraph says it in words).</summary>
    public static StatusLook Of(TextStyle style) => style switch
    {
        TextStyle.Good => Of(CellStatus.Ok) with { Mark = null },
        TextStyle.Warning => Of(CellStatus.Warning) with { Mark = null },
        TextStyle.Attention => Of(CellStatus.Attention) with { Mark = null },
        TextStyle.Subtle => Of(CellStatus.History),
        _ => Of(CellStatus.None),
    };

    /// <summary>The value with this look's mark in front of it.</summary>
    public string Marked(string value) => Mark is null ? value : $"{Mark} {value}";
}
