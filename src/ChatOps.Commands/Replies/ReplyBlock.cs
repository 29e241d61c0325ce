namespace ChatOps.Commands.Replies;

/// <summary>One piece of a reply body.</summary>
[System.Text.Json.Serialization.JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(TextBlock), "text")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(HeadingBlock), "heading")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(FactsBlock), "facts")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(ListBlock), "list")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(CodeBlock), "code")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(TableBlock), "table")]
[System.Text.Json.Serialization.JsonDerivedType(typeof(LinksBlock), "links")]
public abstract record ReplyBlock;

/// <summary>A paragraph. Inline <c>`code`</c> and <c>**bold**</c> are kept as written.</summary>
public sealed record TextBlock(string Text, TextStyle Style = TextStyle.Default) : ReplyBlock;

/// <summary>A sub-heading inside the body; level 1 is the largest.</summary>
public sealed record HeadingBlock(string Text, int Level = 2) : ReplyBlock;

/// <summary>Name/value pairs, such as a node's state and memory.</summary>
public sealed record FactsBlock(IReadOnlyList<Fact> Facts) : ReplyBlock;

/// <summary>A bulleted or numbered list.</summary>
public sealed record ListBlock(IReadOnlyList<string> Items, bool Ordered = false) : ReplyBlock;

/// <summary>Monospace text, such as a PowerShell snippet.</summary>
public sealed record CodeBlock(string Code, string? Language = null) : ReplyBlock;

/// <summary>A table; each cell may carry a status that renderers colour.</summary>
public sealed record TableBlock(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<TableCell>> Rows) : ReplyBlock;

/// <summary>Links to runbooks or pages.</summary>
public sealed record LinksBlock(IReadOnlyList<ReplyLink> Links) : ReplyBlock;

/// <summary>A name and its value.</summary>
public sealed record Fact(string Name, string Value, CellStatus Status = CellStatus.None);

/// <summary>A table cell.</summary>
public sealed record TableCell(string Text, CellStatus Status = CellStatus.None)
{
    /// <summary>Plain cells from strings.</summary>
    public static implicit operator TableCell(string text) => new(text);

    /// <summary>Named alternative for the implicit conversion.</summary>
    public static TableCell FromString(string text) => new(text);
}

/// <summary>
/// A link: a runbook (<see cref="KbId"/> set) or any page. A link may lead with a few words of its own
/// (<see cref="Lead"/>, shown in <see cref="Status"/>'s look), so one line says what it is about and
/// where to read on: "✖ High · APP-07 — vm-state-desync".
/// </summary>
public sealed record ReplyLink(string Title, string Url, string? KbId = null, string? Lead = null, CellStatus Status = CellStatus.None);

/// <summary>A button that sends a command back, as if typed.</summary>
public sealed record ReplyButton(string Title, string Command);
