using System.Diagnostics;
using System.Globalization;
using ChatOps.Bot.Storage;
using ChatOps.Bot.Storage.Postgres;
using ChatOps.Bot.Tests.Storage;
using ChatOps.Commands.Actions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatOps.Benchmarks.Hosting;

/// <summary>
/// <c>-- postgres</c>: on a local PostgreSQL started for the run with its default durability
/// (fsync on), (1) one activity claim + one audit append + one pending-action transition, 2,000
/// times one after another and 2,000 more from 8 callers at once; (2) the reply time of `help` and
/// `vm web-01` on a service on PostgreSQL beside one on LiteDB, in interleaved rounds of one run.
/// Exits 1 when the p99 of (1) reaches 5 ms or the reply p50 ratio exceeds 1.2.
/// </summary>
internal static class PostgresState
{
    public const string Mode = "postgres";

    private const double OperationP99TargetMs = 5;
    private const double ReplyRatioTarget = 1.2;

    public static async Task<int> RunAsync(TextWriter output)
    {
        var server = PostgresServer.StartDurable();
        if (server is null)
        {
            output.WriteLine(PostgresServer.Missing);
            return 1;
        }

        var options = Options.Create(new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = await server.CreateDatabaseAsync("bench") });
        await using var store = new PostgresStore(options);
        var instance = new PostgresInstance(store, NullLogger<PostgresInstance>.Instance);
        await instance.StartAsync(CancellationToken.None);
        var claims = new PostgresProcessedActivities(store, options);
        var audit = new PostgresAuditLog(store);
        var pending = new PostgresPendingActions(store);

        await OperationsAsync(claims, audit, pending, 200, 1, "warm");
        var sequential = await OperationsAsync(claims, audit, pending, 2000, 1, "seq");
        var concurrent = await OperationsAsync(claims, audit, pending, 2000, 8, "par");
        output.WriteLine($"PostgreSQL {server.Port} (fsync on), {Environment.ProcessorCount} cores: claim + audit append + pending transition");
        output.WriteLine(HttpTurns.Row("one caller", sequential));
        output.WriteLine(HttpTurns.Row("8 callers at once", concurrent));
        var p99 = HttpTurns.Percentile(sequential, 99);

        var data = Directory.CreateTempSubdirectory("chatops-bench-").FullName;
        var worst = 0.0;
        try
        {
            await using var connector = await LoopbackConnector.StartAsync();
            await using var lite = await HttpTurns.StartBotAsync(data);
            await using var shared = await HttpTurns.StartBotAsync(data, new Dictionary<string, string?>
            {
                ["ChatOps:Storage:Provider"] = "PostgreSql",
                ["ChatOps:Storage:ConnectionString"] = await server.CreateDatabaseAsync("benchbot"),
            });
            foreach (var text in new[] { "help", "vm web-01" })
            {
                await HttpTurns.MeasureAsync(lite, connector, text, 2, 5);
                await HttpTurns.MeasureAsync(shared, connector, text, 2, 5);
                var onLite = new List<double>();
                var onPostgres = new List<double>();
                for (var round = 0; round < 6; round++)
                {
                    onLite.AddRange((await HttpTurns.MeasureAsync(lite, connector, text, 4, 10)).Reply);
                    onPostgres.AddRange((await HttpTurns.MeasureAsync(shared, connector, text, 4, 10)).Reply);
                }

                var ratio = HttpTurns.Percentile(onPostgres, 50) / HttpTurns.Percentile(onLite, 50);
                worst = Math.Max(worst, ratio);
                output.WriteLine($"`{text}`, 6 interleaved rounds of 4 conversations x 10:");
                output.WriteLine(HttpTurns.Row("  LiteDB: reply", onLite));
                output.WriteLine(HttpTurns.Row("  PostgreSQL: reply", onPostgres));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  reply p50 ratio PostgreSQL / LiteDB: {ratio:F2} (target at most {ReplyRatioTarget})"));
            }
        }
        finally
        {
            await instance.StopAsync(CancellationToken.None);
            Directory.Delete(data, recursive: true);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"operation p99 {p99:F2} ms (target under {OperationP99TargetMs} ms); worst reply ratio {worst:F2}"));
        return p99 < OperationP99TargetMs && worst <= ReplyRatioTarget ? 0 : 1;
    }

    private static async Task<List<double>> OperationsAsync(PostgresProcessedActivities claims, PostgresAuditLog audit, PostgresPendingActions pending, int count, int callers, string run)
    {
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < count; i++)
        {
            await pending.AddAsync(Pending($"{run}-{i}", now), CancellationToken.None);
        }

        var times = new System.Collections.Concurrent.ConcurrentBag<double>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var id = $"{run}-{i}";
                var started = Stopwatch.GetTimestamp();
                await claims.TryClaimAsync($"msteams|bench|{id}", now, null, CancellationToken.None);
                await audit.AppendAsync(new AuditRecord { Time = now, UserId = "u", UserName = "Bench", ConversationId = "bench", CommandText = "kill clussvc HV04", Action = "kill clussvc", Target = "HV04", Decision = AuditDecision.Confirmed, PendingId = id }, CancellationToken.None);
                await pending.TryStartAsync(id, PendingActionState.AwaitingConfirmation, Pending(id, now) with { State = PendingActionState.Running }, TimeSpan.FromMinutes(1), CancellationToken.None);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        return [.. times];
    }

    private static PendingAction Pending(string id, DateTimeOffset now) => new()
    {
        Id = id, Nonce = "n", Action = "kill clussvc", Target = "HV04", RequesterId = "u", RequesterName = "Bench",
        ConversationId = "bench", CommandText = "kill clussvc HV04", CreatedAt = now, ExpiresAt = now.AddMinutes(2),
    };
}
