using System.Globalization;
using System.Text.RegularExpressions;
using ChatOps.Clusters.Events;
using ChatOps.Clusters.Gateway;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using ChatOps.Knowledge;

namespace ChatOps.Commands.Clusters;

/// <summary>
/// <c>events [node &lt;n&gt;] [--since 2h]</c>: the critical, error and warning events the nodes'
/// clustering and Hyper-V logs hold, grouped by the runbook that explains them, with counts and when
/// each was first and last seen.
/// </summary>
internal sealed partial class EventsHandler(IClusterGateway gateway, EventMap map, Links links) : ICommandHandler
{
    public static readonly CommandDefinition Definition = new()
    {
        Name = "events",
        Summary = "The nodes' clustering and Hyper-V events (critical, error, warning) by runbook: how many, where, first and last seen.",
        Usage = "events [node <name>] [--since 2h]",
        Examples = ["events", "events node {node}", "events --since 1d"],
        Arguments = [new ArgumentSpec("scope", Required: false), new ArgumentSpec("name", Required: false)],
        Flags = [new FlagSpec(SinceFlag, $"How far back: minutes, hours or days (30m, 2h, 1d); at most {EventSources.MaxWindow.TotalDays:0} days. Default {DefaultWindowText}.", TakesValue: true)],
    };

    private const string SinceFlag = "since";
    private const string DefaultWindowText = "24h";
    private static readonly TimeSpan DefaultWindow = TimeSpan.FromHours(24);

    /// <summary>How many groups the table shows; the rest are counted.</summary>
    private const int MaxGroups = 15;

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var window = DefaultWindow;
        if (request.Flag(SinceFlag) is { } since)
        {
            if (ParseWindow(since) is not { } parsed)
            {
                return Reply.Error($"`--since {Echo.Safe(since)}` is not a time span I read.", $"Write minutes, hours or days, such as `30m`, `2h` or `1d`, up to {EventSources.MaxWindow.TotalDays:0}d.");
            }

            if (parsed > EventSources.MaxWindow)
            {
                return Reply.Error($"`--since {Echo.Safe(since)}` goes back further than the {EventSources.MaxWindow.TotalDays:0} days I read.", $"Ask for `{EventSources.MaxWindow.TotalDays:0}d` or less; older events are in the nodes' own logs.");
            }

            window = parsed;
        }

        // "events HV01" and "events node HV01" both name a node.
        var scope = request.Argument("scope");
        var typed = scope is not null && scope.Equals("node", StringComparison.OrdinalIgnoreCase) ? request.Argument("name") : scope;
        if (scope is not null && request.Argument("name") is not null && !scope.Equals("node", StringComparison.OrdinalIgnoreCase))
        {
            return Reply.Error($"`events` takes one node, not `{Echo.Safe(scope)} {Echo.Safe(request.Argument("name")!)}`.", $"Usage: `{Definition.Usage}`");
        }

        if (scope is not null && typed is null)
        {
            return Reply.Error("`events node` needs the node's name.", $"Usage: `{Definition.Usage}`");
        }

        string? node = null;
        if (typed is not null)
        {
            var names = await gateway.GetNodeNamesAsync(cancellationToken);
            node = ClusterText.Match(typed, names);
            if (node is null)
            {
                return ClusterText.Unknown("node", typed, names, "nodes");
            }
        }

        var events = await gateway.GetEventsAsync(node, window, cancellationToken);
        return Answer(events, node, window);
    }

    private Reply Answer(ClusterEvents events, string? node, TimeSpan window)
    {
        var where = node ?? events.Cluster;
        var heading = $"Events on {where}, last {EventText.Window(window)}{(events.IsPartial ? " (partial)" : string.Empty)}";
        var all = events.All.ToList();
        var blocks = new List<ReplyBlock>();
        var runbooksOf = map.For(all);
        var groups = all
            .GroupBy(e => runbooksOf(e) is [var first, ..] ? first.Id : $"{e.Log}|{e.Provider}|{e.Id}")
            .Select(g => new Group(runbooksOf(g.First()), [.. g]))
            .OrderBy(g => g.Worst)
            .ThenByDescending(g => g.Events[0].Time)
            .ToList();
        var answered = events.Nodes.Count(n => n.Failure is null);
        if (all.Count == 0)
        {
            blocks.Add(new TextBlock(
                $"No critical, error or warning events from FailoverClustering or Hyper-V on {answered} of {events.Nodes.Count} node(s) in the last {EventText.Window(window)}.",
                events.IsPartial ? TextStyle.Default : TextStyle.Good));
        }
        else
        {
            blocks.Add(new TextBlock($"{all.Count} event(s) — {Levels(all)} — on {all.Select(e => e.Node).Distinct().Count()} of {events.Nodes.Count} node(s), by runbook:"));
            blocks.Add(new TableBlock(
                ["Runbook", "Events", "Count", "Nodes", "First seen", "Last seen"],
                [.. groups.Take(MaxGroups).Select(g => (IReadOnlyList<TableCell>)
                [
                    g.Runbooks.Count > 0 ? g.Runbooks[0].Id : "no runbook yet",
                    new TableCell(string.Join(", ", g.Events.Select(EventText.Source).Distinct()), EventText.Status(g.Worst)),
                    ClusterText.Number(g.Events.Count),
                    string.Join(", ", g.Events.Select(e => e.Node).Distinct().Order(StringComparer.OrdinalIgnoreCase)),
                    EventText.Time(g.Events[^1].Time, events.ReadAt),
                    EventText.Time(g.Events[0].Time, events.ReadAt),
                ])]));
            if (groups.Count > MaxGroups)
            {
                blocks.Add(new TextBlock($"{groups.Count - MaxGroups} more group(s) not shown; `--since` a shorter time or `events node <name>` narrows it.", TextStyle.Subtle));
            }

            blocks.Add(new ListBlock([.. groups.Take(MaxGroups).Select(g => $"**{EventText.Source(g.Events[0])}** on {g.Events[0].Node}, {EventText.Time(g.Events[0].Time, events.ReadAt)}: {EventText.Message(g.Events[0].Message)}")]));
            var runbooks = groups.SelectMany(g => g.Runbooks.Take(1)).DistinctBy(r => r.Id).Select(r => links.Runbook(r.Id, r.Title)).ToList();
            if (runbooks.Count > 0)
            {
                blocks.Add(new LinksBlock(runbooks));
            }
        }

        if (EventText.Partial(events) is { } partial)
        {
            blocks.Add(partial);
        }

        if (EventText.Trimmed(events) is { } trimmed)
        {
            blocks.Add(trimmed);
        }

        return new Reply { Heading = heading, Blocks = blocks };
    }

    private static string Levels(IEnumerable<ClusterEvent> events) =>
        string.Join(", ", events.GroupBy(e => e.Level).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));

    /// <summary><c>30m</c>, <c>2h</c>, <c>1d</c> (a space and longer units allowed); null when not that, or zero.</summary>
    internal static TimeSpan? ParseWindow(string text)
    {
        var match = WindowPattern().Match(text.Trim());
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount == 0)
        {
            return null;
        }

        var unit = match.Groups[2].Value.ToLowerInvariant();
        return unit.StartsWith('m') ? TimeSpan.FromMinutes(amount) : unit.StartsWith('h') ? TimeSpan.FromHours(amount) : TimeSpan.FromDays(amount);
    }

    [GeneratedRegex(@"^(\d{1,5})\s*(m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WindowPattern();

    /// <summary>The events one runbook explains (or, with none, of one kind), newest first.</summary>
    private sealed record Group(IReadOnlyList<Runbook> Runbooks, IReadOnlyList<ClusterEvent> Events)
    {
        public WinEventLevel Worst => Events.Min(e => e.Level);
    }
}
