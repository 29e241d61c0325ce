using System.Diagnostics;
using System.Security.Cryptography;
using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Checks.Parity;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Commands.Sweeps;

/// <summary>
/// One parity sweep: every node's inventory, probed with bounded concurrency, each under the
/// per-node timeout; the parity matrix and every check; stored for drift. Sweeps never overlap.
/// </summary>
public sealed partial class SweepRunner(
    IClusterGateway gateway,
    ISweepHistory history,
    IOptionsMonitor<SweepOptions> options,
    TimeProvider time,
    ILogger<SweepRunner> logger) : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Sweeps the cluster now (waiting for a sweep already running) and stores the result.</summary>
    public async Task<SweepRecord> RunAsync(CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var snapshot = await gateway.GetSnapshotAsync(options.CurrentValue.Concurrency, cancellationToken);
            var record = Record(NewId(time.GetUtcNow()), time.GetUtcNow(), snapshot);
            await history.AddAsync(record, cancellationToken);
            LogSwept(record.Id, record.Nodes.Count, record.Nodes.Count(n => !n.Reachable), record.Findings.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return record;
        }
        finally
        {
            _one.Release();
        }
    }

    /// <summary>The stored form of a snapshot: parity rows, per-node components and hash, findings.</summary>
    public static SweepRecord Record(string id, DateTimeOffset at, ClusterSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var rows = ParityMatrix.Build(snapshot);
        var findings = ClusterChecks.RunAll(snapshot).Findings
            .Select(f => new SweepFinding(f.CheckId, f.Subject, f.Severity.ToString(), f.Evidence, f.KbId))
            .ToList();
        var nodes = snapshot.Nodes.Select(n => n.IsReachable
                ? new NodeSweep(n.Name, Components(n.Name, rows))
                : new NodeSweep(n.Name, new Dictionary<string, string>(), n.Failure?.Message ?? "did not answer"))
            .ToList();
        return new SweepRecord { Id = id, Time = at, Cluster = snapshot.Name, Rows = rows, Nodes = nodes, Findings = findings };
    }

    public void Dispose() => _one.Dispose();

    private static Dictionary<string, string> Components(string node, IReadOnlyList<ParityRow> rows) =>
        rows.Where(r => r.Values.ContainsKey(node))
            .ToDictionary(r => $"{r.Category}: {r.Component}", r => r.Values[node], StringComparer.Ordinal);

    /// <summary>Sortable by time, unique, safe in a URL.</summary>
    /// <summary>The time it was taken, and 128 random bits: the link to a sweep's page is not guessable from its time.</summary>
    private static string NewId(DateTimeOffset at) => $"{at:yyyyMMdd'T'HHmmss}-{RandomNumberGenerator.GetHexString(32, lowercase: true)}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {Id}: {Nodes} nodes ({Unreachable} unreachable), {Findings} findings in {Ms:N0} ms")]
    private partial void LogSwept(string id, int nodes, int unreachable, int findings, double ms);
}
