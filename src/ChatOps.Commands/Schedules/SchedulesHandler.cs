using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Schedules;

/// <summary><c>schedules</c>: the scheduled jobs and when they next run.</summary>
internal sealed class SchedulesHandler(IScheduleInfo schedules) : ICommandHandler
{
    public static readonly CommandDefinition Definition = new()
    {
        Name = "schedules",
        Summary = "List the scheduled jobs (sweeps, summaries, pruning) with their next run.",
        Usage = "schedules",
    };

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var jobs = await schedules.ListAsync(cancellationToken);
        var rows = jobs.Select(j => (IReadOnlyList<TableCell>)
        [
            j.Name,
            $"`{j.Cron}` ({j.TimeZone})",
            j.NextFire?.ToString("yyyy-MM-dd HH:mm 'UTC'") ?? "never",
        ]).ToList();
        return new Reply
        {
            Heading = "Schedules",
            Blocks = [new TableBlock(["Job", "Cron", "Next run"], rows), new TextBlock("The service runs these jobs; `sweep now` and `summary now` run one at once.", TextStyle.Subtle)],
        };
    }
}
