namespace ChatOps.Knowledge.Search;

/// <summary>An article with the texts its fields were made of, kept for snippets.</summary>
internal sealed record IndexedRunbook(Runbook Runbook, IReadOnlyDictionary<string, string> FieldText)
{
    public static IndexedRunbook From(Runbook runbook) => new(runbook, new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["title"] = runbook.Title,
        ["keywords"] = string.Join(" · ", runbook.Keywords),
        ["errors"] = string.Join(" · ", runbook.Errors),
        ["symptoms"] = string.Join(" · ", runbook.Symptoms),
        ["summary"] = runbook.Summary,
        ["body"] = BodyText.Of(runbook.Document),
    });
}
