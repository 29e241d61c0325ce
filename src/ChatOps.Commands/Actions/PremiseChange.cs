namespace ChatOps.Commands.Actions;

/// <summary>Tells an admin how the facts a preview rested on (<see cref="ActionPlan.Premises"/>) differ now.</summary>
internal static class PremiseChange
{
    /// <summary>
    /// Null when the premises are the same. Otherwise one sentence: a "Label: a, b" premise whose
    /// label is in both is told as what was added and removed ("VMs that crash: now also SQL-09;
    /// no longer WEB-02"); any other premise is quoted as it was and as it is.
    /// </summary>
    public static string? Describe(IReadOnlyList<string> confirmed, IReadOnlyList<string> fresh)
    {
        var was = confirmed.Except(fresh, StringComparer.Ordinal).ToList();
        var now = fresh.Except(confirmed, StringComparer.Ordinal).ToList();
        if (was.Count == 0 && now.Count == 0)
        {
            return null;
        }

        var changes = new List<string>();
        foreach (var before in was.ToList())
        {
            var label = Label(before);
            var after = label is null ? null : now.FirstOrDefault(p => Label(p) == label);
            if (after is null)
            {
                continue;
            }

            was.Remove(before);
            now.Remove(after);
            var added = Items(after).Except(Items(before)).ToList();
            var gone = Items(before).Except(Items(after)).ToList();
            var parts = new List<string>();
            if (added.Count > 0)
            {
                parts.Add("now also " + string.Join(", ", added));
            }

            if (gone.Count > 0)
            {
                parts.Add("no longer " + string.Join(", ", gone));
            }

            changes.Add($"{label}: {string.Join("; ", parts)}");
        }

        if (was.Count > 0 || now.Count > 0)
        {
            changes.Add($"it said {Quoted(was)}, now {Quoted(now)}");
        }

        return $"The cluster changed since the preview: {string.Join("; ", changes)}.";
    }

    private static string? Label(string premise) => premise.IndexOf(": ", StringComparison.Ordinal) is > 0 and var at ? premise[..at] : null;

    private static IEnumerable<string> Items(string premise) =>
        premise[(premise.IndexOf(": ", StringComparison.Ordinal) + 2)..].Split(", ").Where(i => i != "none");

    private static string Quoted(IEnumerable<string> premises) => string.Join("; ", premises.Select(p => $"\"{p}\""));
}
