namespace ChatOps.Knowledge.Search;

/// <summary>Field names and their weights. Each text field is indexed three ways: English, Chinese words, Chinese bigrams.</summary>
internal static class IndexFields
{
    /// <summary>The article id, stored, exact.</summary>
    public const string Id = "id";

    /// <summary>Lower-cased ids, event ids and hotfix ids, matched as typed.</summary>
    public const string Exact = "exact";

    /// <summary>Suffix of the SmartCn field.</summary>
    public const string Words = ".zh";

    /// <summary>Suffix of the bigram field.</summary>
    public const string Bigrams = ".bi";

    /// <summary>Text fields and how much a match in each counts: titles, keywords and errors weigh most.</summary>
    public static IReadOnlyList<(string Name, float Boost)> Text { get; } =
    [
        ("title", 4f),
        ("keywords", 3f),
        ("errors", 3f),
        ("symptoms", 2f),
        ("summary", 2f),
        ("body", 1f),
    ];
}
