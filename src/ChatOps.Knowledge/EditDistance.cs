namespace ChatOps.Knowledge;

/// <summary>How many edits apart two words are, for typo matching in search and for "did you mean" on names.</summary>
public static class EditDistance
{
    /// <summary>
    /// Optimal string alignment distance: insert, delete, substitute, or swap two neighbours, each
    /// one edit. Gives up as soon as the distance must exceed <paramref name="max"/> and then
    /// returns <c>max + 1</c>.
    /// </summary>
    public static int Between(string a, string b, int max = int.MaxValue - 1)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var rows = new int[3, b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            rows[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            int current = i % 3, previous = (i - 1) % 3, beforePrevious = (i + 1) % 3;
            rows[current, 0] = i;
            var best = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(rows[previous, j] + 1, rows[current, j - 1] + 1), rows[previous, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, rows[beforePrevious, j - 2] + 1);
                }

                rows[current, j] = value;
                best = Math.Min(best, value);
            }

            if (best > max)
            {
                return max + 1;
            }
        }

        return Math.Min(rows[a.Length % 3, b.Length], max + 1);
    }
}
