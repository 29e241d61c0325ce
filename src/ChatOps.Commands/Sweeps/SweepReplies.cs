using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Checks.Parity;
using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Sweeps;

/// <summary>How sweeps, drift and summaries read in chat: the same reply for Teams cards and the terminal.</summary>
public static class SweepReplies
{
    /// <summary>Component rows shown in one card; the rest are summarised with a link to the full page.</summary>
    public const int MaxRows = 12;

    /// <summary>Up to this many nodes get a column each; beyond it only the outliers are named.</summary>
    public const int MaxNodeColumns = 8;

    /// <summary>Marks a node that has the majority value.</summary>
    public const string Same = "✓";

    /// <summary>The parity matrix: outlier rows, unreachable nodes, a link to the whole matrix.</summary>
    public static Reply Matrix(SweepRecord sweep, Links links)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(links);
        var outliers = sweep.Rows.Where(r => r.HasOutliers).ToList();
        var blocks = new List<ReplyBlock> { Facts(sweep) };
        if (sweep.Partial)
        {
            blocks.Add(new TextBlock(Partial(sweep), TextStyle.Attention));
        }

        blocks.Add(outliers.Count == 0
            ? new TextBlock($"All {sweep.Rows.Count} components match on every node that answered.", TextStyle.Good)
            : Table(outliers.Take(MaxRows).ToList(), sweep.Nodes.Where(n => n.Reachable).Select(n => n.Node).ToList()));
        var hidden = outliers.Count - Math.Min(outliers.Count, MaxRows);
        var uniform = sweep.Rows.Count - outliers.Count;
        blocks.Add(new TextBlock(
            (hidden > 0 ? $"{hidden} more component(s) differ. " : string.Empty) + $"{uniform} component(s) are identical on every node.",
            TextStyle.Subtle));
        blocks.Add(new LinksBlock([new ReplyLink("Full matrix", links.Page($"sweeps/{sweep.Id}")), .. ParityRunbooks(sweep, links)]));
        return new Reply
        {
            Heading = $"Parity sweep of {sweep.Cluster}: " + (outliers.Count == 0 ? "no outliers" : $"{outliers.Count} component(s) differ") + (sweep.Partial ? " (partial)" : string.Empty),
            Blocks = blocks,
        };
    }

    /// <summary>What changed between two sweeps, per node, and which findings appeared or cleared.</summary>
    public static Reply DriftBetween(SweepRecord older, SweepRecord newer, Links links)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        ArgumentNullException.ThrowIfNull(links);
        var changes = Drift.Between(older, newer);
        var heading = $"Drift on {newer.Cluster} from {older.Time:yyyy-MM-dd HH:mm} to {newer.Time:yyyy-MM-dd HH:mm} UTC";
        if (changes.Count == 0)
        {
            return Reply.Text("Nothing changed: same components on every node, same findings.", heading);
        }

        var rows = changes.Select(c => (IReadOnlyList<TableCell>)[c.Node, new TableCell(c.What, StatusOf(c.Kind))]).ToList();
        var (appeared, _) = Drift.Findings(older, newer);
        return new Reply
        {
            Heading = heading,
            Blocks =
            [
                new TableBlock(["Node", "Change"], rows),
                new LinksBlock(appeared.Select(f => f.KbId).Distinct(StringComparer.Ordinal).Select(id => links.Runbook(id)).ToList()),
            ],
        };
    }

    /// <summary>The channel summary: health, N+1 headroom, parity outliers, new and cleared findings.</summary>
    public static Reply Summary(SweepRecord latest, SweepRecord? previous, Links links)
    {
        ArgumentNullException.ThrowIfNull(latest);
        ArgumentNullException.ThrowIfNull(links);
        var severities = latest.Findings.Select(f => Enum.TryParse<Severity>(f.Severity, ignoreCase: true, out var s) ? s : Severity.Low).ToList();
        var capacity = latest.Findings.Where(f => f.CheckId == CheckIds.CapacityNPlus1).ToList();
        var outliers = latest.Rows.Where(r => r.HasOutliers).ToList();
        var blocks = new List<ReplyBlock>
        {
            new FactsBlock(
            [
                new Fact("Nodes", $"{latest.Nodes.Count(n => n.Reachable)} of {latest.Nodes.Count} answered", latest.Partial ? CellStatus.Attention : CellStatus.Ok),
                new Fact("Findings", Clusters.ClusterText.Counts(severities), Clusters.ClusterText.Worst(severities)),
                new Fact("N+1 headroom", capacity.Count == 0 ? "every node's VMs can restart elsewhere" : $"losing {string.Join(" or ", capacity.Select(f => f.Subject))} leaves VMs down", capacity.Count == 0 ? CellStatus.Ok : CellStatus.Attention),
                new Fact("Parity", outliers.Count == 0 ? "no outliers" : string.Join("; ", outliers.Take(MaxRows).Select(r => $"{r.Component}: {string.Join(", ", r.Outliers)}")) + More(outliers.Count), outliers.Count == 0 ? CellStatus.Ok : CellStatus.Warning),
            ]),
        };
        if (latest.Partial)
        {
            blocks.Add(new TextBlock(Partial(latest), TextStyle.Attention));
        }

        var (appeared, cleared) = Drift.Findings(previous, latest);
        blocks.Add(new HeadingBlock(previous is null ? "Findings" : $"New since {previous.Time:yyyy-MM-dd HH:mm} UTC", 3));
        blocks.AddRange(Listed(appeared, f => $"[{f.Severity}] {f.Evidence}"));
        if (previous is not null)
        {
            blocks.Add(new HeadingBlock("Cleared", 3));
            blocks.AddRange(Listed(cleared, f => $"{f.CheckId}: {f.Subject}"));
        }

        var runbooks = appeared.Concat(latest.Findings).Select(f => f.KbId).Distinct(StringComparer.Ordinal).Take(MaxRows).Select(id => links.Runbook(id));
        blocks.Add(new LinksBlock([new ReplyLink("Full parity matrix", links.Page($"sweeps/{latest.Id}")), .. runbooks]));
        return new Reply { Heading = $"{latest.Cluster} summary, {latest.Time:yyyy-MM-dd HH:mm} UTC", Blocks = blocks };
    }

    /// <summary>At most <see cref="MaxRows"/> items, and a line that says how many more there are and where they all are.</summary>
    private static IEnumerable<ReplyBlock> Listed<T>(IReadOnlyList<T> items, Func<T, string> line)
    {
        if (items.Count == 0)
        {
            yield return new TextBlock("None.", TextStyle.Subtle);
            yield break;
        }

        yield return new ListBlock(items.Take(MaxRows).Select(line).ToList());
        if (items.Count > MaxRows)
        {
            yield return new TextBlock($"{items.Count - MaxRows} more not shown here; the full parity matrix below lists every one.", TextStyle.Subtle);
        }
    }

    /// <summary>", and N more" when a list was cut at <see cref="MaxRows"/>.</summary>
    private static string More(int count) => count > MaxRows ? $"; and {count - MaxRows} more" : string.Empty;

    private static FactsBlock Facts(SweepRecord sweep)
    {
        var unreachable = sweep.Nodes.Where(n => !n.Reachable).ToList();
        return new FactsBlock(
        [
            new Fact("Swept", $"{sweep.Time:yyyy-MM-dd HH:mm:ss} UTC"),
            new Fact("Nodes", $"{sweep.Nodes.Count - unreachable.Count} of {sweep.Nodes.Count} answered", unreachable.Count == 0 ? CellStatus.Ok : CellStatus.Attention),
            new Fact("Findings", $"{sweep.Findings.Count} (run `diagnose` for details)"),
        ]);
    }

    private static string Partial(SweepRecord sweep) =>
        "Partial sweep, not clean: " + string.Join("; ", sweep.Nodes.Where(n => !n.Reachable).Select(n => $"{n.Node} did not answer ({n.Failure})")) + ".";

    private static TableBlock Table(IReadOnlyList<ParityRow> rows, IReadOnlyList<string> nodes)
    {
        if (nodes.Count <= MaxNodeColumns)
        {
            return new TableBlock(
                ["Component", "Majority", .. nodes],
                rows.Select(r => (IReadOnlyList<TableCell>)[$"{r.Category}: {r.Component}", r.Majority ?? "no majority", .. nodes.Select(n => Cell(r, n))]).ToList());
        }

        return new TableBlock(
            ["Component", "Majority", "Outliers"],
            rows.Select(r => (IReadOnlyList<TableCell>)[
                $"{r.Category}: {r.Component}",
                r.Majority ?? "no majority",
                new TableCell(string.Join(", ", r.Outliers.Select(n => $"{n} {r.Values[n]}")), CellStatus.Attention)]).ToList());
    }

    /// <summary>"✓" where the node has the majority value, else the node's own value, highlighted.</summary>
    private static TableCell Cell(ParityRow row, string node) =>
        row.Outliers.Contains(node, StringComparer.OrdinalIgnoreCase)
            ? new TableCell(row.Values.GetValueOrDefault(node, ParityRow.None), CellStatus.Attention)
            : new TableCell(Same, CellStatus.Ok);

    private static IEnumerable<ReplyLink> ParityRunbooks(SweepRecord sweep, Links links)
    {
        var parity = ClusterChecks.Parity.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return sweep.Findings.Where(f => parity.Contains(f.CheckId)).Select(f => f.KbId).Distinct(StringComparer.Ordinal).Select(id => links.Runbook(id));
    }

    private static CellStatus StatusOf(string kind) => kind switch
    {
        DriftKinds.FindingNew or DriftKinds.NodeUnreachable or DriftKinds.NodeLeft => CellStatus.Attention,
        DriftKinds.FindingCleared or DriftKinds.NodeBack => CellStatus.Ok,
        _ => CellStatus.Warning,
    };
}
