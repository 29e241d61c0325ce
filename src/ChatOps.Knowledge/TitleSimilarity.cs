namespace ChatOps.Knowledge;

/// <summary>Ranks articles by how many character pairs their id and title share with a text (Dice coefficient).</summary>
internal static class TitleSimilarity
{
    private const double Threshold = 0.15;

    public static IReadOnlyList<Runbook> Closest(string text, IReadOnlyList<Runbook> runbooks, int max)
    {
        var typed = Pairs(text);
        if (typed.Count == 0)
        {
            return [];
        }

        return runbooks
            .Select(r => (Runbook: r, Score: Math.Max(Dice(typed, Pairs(r.Title)), Dice(typed, Pairs(r.Id)))))
            .Where(x => x.Score >= Threshold)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Runbook.Id, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Runbook)
            .ToList();
    }

    private static double Dice(HashSet<string> a, HashSet<string> b) =>
        a.Count + b.Count == 0 ? 0 : 2.0 * a.Count(b.Contains) / (a.Count + b.Count);

    private static HashSet<string> Pairs(string text)
    {
        var letters = new string((text ?? string.Empty).ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : ' ').ToArray());
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in letters.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            for (var i = 0; i + 1 < word.Length; i++)
            {
                pairs.Add(word.Substring(i, 2));
            }

            if (word.Length == 1)
            {
                pairs.Add(word);
            }
        }

        return pairs;
    }
}
