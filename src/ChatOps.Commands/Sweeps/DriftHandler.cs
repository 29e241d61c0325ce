using System.Globalization;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Sweeps;

/// <summary><c>drift [since &lt;date|last&gt;]</c>: what changed between a stored sweep and the newest.</summary>
internal sealed class DriftHandler(ISweepHistory history, Links links) : ICommandHandler
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];

    public static readonly CommandDefinition Definition = new()
    {
        Name = "drift",
        Summary = "What changed on each node (drivers, firmware, hotfixes, membership) and which findings appeared or cleared.",
        Usage = "drift [since <yyyy-MM-dd|last>]",
        Examples = ["drift", "drift since last", "drift since 2026-11-01"],
        Arguments = [new ArgumentSpec("since", Required: false, Rest: true)],
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var words = (request.Argument("since") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var when = words is ["since", .. var rest] ? string.Join(' ', rest) : string.Join(' ', words);
        var latest = await history.LatestAsync(2, cancellationToken);
        if (latest.Count == 0)
        {
            return Reply.Error("No sweep has been stored yet.", "`sweep now` runs one; the scheduled sweep runs on weekday mornings.");
        }

        SweepRecord? older;
        if (when.Length == 0 || when.Equals("last", StringComparison.OrdinalIgnoreCase))
        {
            older = latest.Count > 1 ? latest[1] : null;
            if (older is null)
            {
                return Reply.Error("Only one sweep is stored, so there is nothing to compare with yet.", "Run `sweep now` again later.");
            }
        }
        else if (DateTimeOffset.TryParseExact(when, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            // Since a date: against the last sweep before it began, never the newest against itself.
            older = await history.AtOrBeforeAsync(date - TimeSpan.FromTicks(1), cancellationToken);
            if (older is null || older.Id == latest[0].Id)
            {
                return Reply.Error($"No sweep is stored from before {date:yyyy-MM-dd HH:mm} UTC, so there is nothing to compare the newest with.", "Sweeps are kept for ChatOps:Sweep:KeepDays days; `drift since last` compares the two newest.");
            }
        }
        else
        {
            return Reply.Error($"`{Echo.Safe(when)}` is neither `last` nor a date like 2026-11-01.", $"Usage: `{Definition.Usage}`");
        }

        return SweepReplies.DriftBetween(older, latest[0], links);
    }
}
