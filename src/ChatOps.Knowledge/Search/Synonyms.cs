namespace ChatOps.Knowledge.Search;

/// <summary>
/// Groups of words that mean the same thing to an on-call admin ("frozen", "hung", 卡死), from
/// <c>synonyms.txt</c> in this folder. A query that holds one member of a group also searches
/// for the others: admins type the word they think of, a runbook uses the word its author did.
/// </summary>
internal sealed class Synonyms
{
    private readonly List<Group> _groups;

    private Synonyms(List<Group> groups) => _groups = groups;

    public static Synonyms Default { get; } = Parse(ReadResource());

    public static Synonyms Parse(string text)
    {
        var groups = new List<Group>();
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var members = trimmed.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var english = members.Where(m => !CjkText.HasCjk(m))
                .Select(m => RunbookAnalyzers.Terms(RunbookAnalyzers.English, "body", m).Select(t => t.Term).ToArray())
                .Where(terms => terms.Length == 1)
                .Select(terms => terms[0])
                .ToHashSet(StringComparer.Ordinal);
            var chinese = members.Where(m => CjkText.HasCjk(m)).ToArray();
            if (english.Count + chinese.Length >= 2)
            {
                groups.Add(new Group(english, chinese));
            }
        }

        return new Synonyms(groups);
    }

    /// <summary>
    /// The members of every group the query touches that the query does not already hold:
    /// English as index terms, Chinese as text to analyze. Both empty when no group applies.
    /// </summary>
    /// <param name="text">The normalised query.</param>
    /// <param name="englishTerms">The query's English terms, analyzed as the index analyzes them.</param>
    public (IReadOnlyList<string> English, string Chinese) Widen(string text, IReadOnlyCollection<string> englishTerms)
    {
        var english = new List<string>();
        var chinese = new List<string>();
        foreach (var group in _groups)
        {
            if (group.English.Overlaps(englishTerms) || group.Chinese.Any(c => text.Contains(c, StringComparison.Ordinal)))
            {
                english.AddRange(group.English.Where(e => !englishTerms.Contains(e)));
                chinese.AddRange(group.Chinese.Where(c => !text.Contains(c, StringComparison.Ordinal)));
            }
        }

        return (english.Distinct(StringComparer.Ordinal).ToList(), string.Join(' ', chinese));
    }

    private static string ReadResource()
    {
        using var stream = typeof(Synonyms).Assembly.GetManifestResourceStream("ChatOps.Knowledge.Search.synonyms.txt")
            ?? throw new InvalidOperationException("synonyms.txt is not embedded in ChatOps.Knowledge");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>English members as stems; Chinese members as written.</summary>
    private sealed record Group(HashSet<string> English, string[] Chinese);
}
