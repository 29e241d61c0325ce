using BenchmarkDotNet.Attributes;
using ChatOps.Benchmarks.Knowledge;
using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Events;
using ChatOps.Clusters.Lab;
using ChatOps.Clusters.Model;
using ChatOps.Commands;
using ChatOps.Commands.Access;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Clusters;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using ChatOps.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Benchmarks.Clusters;

/// <summary>
/// <c>events</c> and <c>diagnose</c> over a generated lab of 16 nodes whose logs each hold 5,000 events
/// in the window (critical, error and warning; ids the runbooks name and ids none does). Target: p99
/// under 100 ms for mapping the events to runbooks and running every check (<see cref="MapAndCheck"/>);
/// the two commands end to end through the router (the lab's in-memory read included) beside it.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentilesConfig))]
public class EventsBenchmarks
{
    /// <summary>Nodes of the generated lab.</summary>
    public const int Nodes = 16;

    /// <summary>Events each node's logs hold in the window.</summary>
    public const int EventsPerNode = 5000;

    /// <summary>(log, provider, id, level, message) the events cycle through.</summary>
    private static readonly (string Log, string Provider, int Id, WinEventLevel Level, string Message)[] Kinds =
    [
        (EventSources.SystemLog, EventSources.FailoverClusteringProvider, 1135, WinEventLevel.Critical, "Cluster node 'NODE{0}' was removed from the active failover cluster membership. The Cluster service on this node may have stopped."),
        (EventSources.SystemLog, EventSources.FailoverClusteringProvider, 1069, WinEventLevel.Error, "Cluster resource 'Virtual Machine VM{0}' of type 'Virtual Machine' in clustered role 'VM{0}' failed."),
        (EventSources.SystemLog, EventSources.FailoverClusteringProvider, 5120, WinEventLevel.Warning, "Cluster Shared Volume 'Volume1' ('CSV1') has entered a paused state because of 'STATUS_IO_TIMEOUT(c00000b5)'."),
        (EventSources.SystemLog, EventSources.FailoverClusteringProvider, 1568, WinEventLevel.Error, "Cloud witness resource could not reach Microsoft Azure storage services. Cluster resource: Cloud Witness."),
        (EventSources.HighAvailabilityLog, EventSources.HighAvailabilityProvider, 21502, WinEventLevel.Error, "Live migration of 'Virtual Machine VM{0}' failed. The virtual machine is using processor-specific features not supported on physical computer."),
        (EventSources.VmmsLog, EventSources.VmmsProvider, 4096, WinEventLevel.Error, "The Virtual Machines configuration {0} at 'C:\\ClusterStorage\\Volume1' is no longer accessible: The system cannot find the path specified."),
        (EventSources.OperationalLog, EventSources.FailoverClusteringProvider, 1650, WinEventLevel.Warning, "Cluster has missed two consecutive heartbeats for the local endpoint {0} connected to remote endpoint."),
        (EventSources.SystemLog, EventSources.FailoverClusteringProvider, 1254, WinEventLevel.Error, "Clustered role 'VM{0}' has exceeded its failover threshold."),
    ];

    private IHost _host = null!;
    private CommandRouter _router = null!;
    private EventMap _map = null!;
    private IKnowledgeBase _knowledge = null!;
    private ClusterSnapshot _snapshot = null!;
    private ClusterEvents _events = null!;
    private readonly CommandContext _context = new(new Caller("29:bench", "Bench", "bench"), "conv-1", null, "msteams");

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var lab = LabClusters.Generate(new LabGeneratorOptions { Nodes = Nodes, Vms = 500 });
        var now = DateTimeOffset.UtcNow;
        var nodes = lab.Snapshot().Nodes.Select(n => n.Name).ToList();
        foreach (var node in nodes)
        {
            for (var i = 0; i < EventsPerNode; i++)
            {
                var kind = Kinds[i % Kinds.Length];
                lab.WriteEvent(new ClusterEvent(node, kind.Log, kind.Provider, kind.Id, kind.Level, now.AddSeconds(-2 * (i + 1)), string.Format(System.Globalization.CultureInfo.InvariantCulture, kind.Message, i % 97)));
            }
        }

        var gateway = LabClusters.CreateGateway(lab);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ChatOps:Knowledge:Path"] = Corpora.KbFolder() });
        builder.Services.AddSingleton(gateway);
        builder.Services.AddSingleton<IAuditLog, DiscardedAudit>();
        builder.AddCommands();
        builder.Services.AddClusterCommands();
        builder.AddKnowledge();
        _host = builder.Build();
        _router = _host.Services.GetRequiredService<CommandRouter>();
        _map = _host.Services.GetRequiredService<EventMap>();
        _knowledge = _host.Services.GetRequiredService<IKnowledgeBase>();
        _snapshot = await gateway.GetSnapshotAsync(CancellationToken.None);
        _events = await gateway.GetEventsAsync(null, TimeSpan.FromHours(4), CancellationToken.None);
        if (_events.All.Count() != Nodes * EventsPerNode || !_events.Nodes.All(n => n.IsComplete))
        {
            throw new InvalidOperationException($"The lab read {_events.All.Count()} events, not {Nodes * EventsPerNode} whole.");
        }

        var reply = await _router.DispatchAsync("diagnose", _context, CancellationToken.None);
        if (reply.Heading?.StartsWith("Diagnose", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"diagnose answered '{reply.Heading}'");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    /// <summary>What the target is about: 80,000 events mapped to runbooks and made findings, and every check on the snapshot.</summary>
    [Benchmark(Baseline = true)]
    public int MapAndCheck()
    {
        var runbooks = _map.For(_events.All);
        var (findings, unexplained) = EventFindings.From(_events, runbooks, [.. _snapshot.Nodes.Select(n => n.Name)], [.. _snapshot.Vms.Select(v => v.Name)]);
        return findings.Count + unexplained + ClusterChecks.RunAll(_snapshot).Findings.Count;
    }

    /// <summary>
    /// The same on a fresh map, as the first <c>diagnose</c> after start or after the runbooks change: the
    /// knowledge search ranks the runbooks of each event named by several, rather than reusing the ranking.
    /// </summary>
    [Benchmark]
    public int MapAndCheckFirstTime()
    {
        var runbooks = new EventMap(_knowledge).For(_events.All);
        var (findings, unexplained) = EventFindings.From(_events, runbooks, [.. _snapshot.Nodes.Select(n => n.Name)], [.. _snapshot.Vms.Select(v => v.Name)]);
        return findings.Count + unexplained + ClusterChecks.RunAll(_snapshot).Findings.Count;
    }

    /// <summary>The mapping alone: each kind of event to its runbooks, looked up for every event.</summary>
    [Benchmark]
    public int Map()
    {
        var runbooks = _map.For(_events.All);
        return _events.All.Count(e => runbooks(e).Count > 0);
    }

    /// <summary>Every check on the snapshot alone.</summary>
    [Benchmark]
    public int Checks() => ClusterChecks.RunAll(_snapshot).Findings.Count;

    /// <summary><c>events --since 4h</c> end to end: the lab's read of 80,000 events, the mapping, the grouped reply.</summary>
    [Benchmark]
    public Task<Reply> EventsCommand() => _router.DispatchAsync("events --since 4h", _context, CancellationToken.None);

    /// <summary><c>diagnose</c> end to end: a fresh snapshot, the event read, the mapping and every check.</summary>
    [Benchmark]
    public Task<Reply> DiagnoseCommand() => _router.DispatchAsync("diagnose", _context, CancellationToken.None);
}
