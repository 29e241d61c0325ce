using System.Text.Json;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Clusters.PowerShell;

/// <summary>
/// The production gateway: the cluster view is read from any node that answers, every node is
/// probed concurrently through its own JEA endpoint (no second hop), each under the per-node
/// timeout; a node that fails or hangs becomes a per-node failure.
/// </summary>
internal sealed partial class PowerShellClusterGateway(
    IPowerShellRunner runner,
    PowerShellOptions options,
    IOptions<ClusterOptions> cluster,
    TimeProvider time,
    ILogger<PowerShellClusterGateway> logger) : IClusterGateway
{
    /// <summary>How long one computer may take to give the cluster view before the next is asked too.</summary>
    internal static readonly TimeSpan ViewHedge = TimeSpan.FromSeconds(2);

    private string? _lastViewSource;

    private TimeSpan Timeout => cluster.Value.NodeTimeout;

    public string Backend => ClusterOptions.PowerShellBackend;

    public async Task<IReadOnlyList<string>> GetNodeNamesAsync(CancellationToken cancellationToken)
    {
        var (view, _) = await ReadViewAsync(cancellationToken);
        return view.Nodes.Select(n => n.Name).ToList();
    }

    public Task<ClusterSnapshot> GetSnapshotAsync(CancellationToken cancellationToken) =>
        GetSnapshotAsync(ClusterOptions.DefaultProbeConcurrency, cancellationToken);

    public async Task<ClusterSnapshot> GetSnapshotAsync(int maxConcurrency, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        var (view, viewFailure) = await ReadViewAsync(cancellationToken);
        var peers = view.Nodes.Select(n => n.Name).ToList();
        using var gate = new SemaphoreSlim(maxConcurrency);
        var probes = await Task.WhenAll(view.Nodes.Select(async n =>
        {
            if (viewFailure is not null)
            {
                return (n.Probed(null, viewFailure), (NodeReport?)null);
            }

            // Each probe holds a runspace of the node's pool: bound how many run at once.
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await ProbeAsync(n, peers, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
        var reports = probes.Select(p => p.Item2).OfType<NodeReport>().ToList();
        var enriched = view with { Vms = view.Vms.Select(v => WithHostDetails(v, reports, view.Disks)).ToList() };
        return SnapshotAssembler.Assemble(enriched, probes.Select(p => p.Item1).ToList(), time.GetUtcNow()) with { ViewFailure = viewFailure };
    }

    public async Task<NodeResult?> GetNodeAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var (view, viewFailure) = await ReadViewAsync(cancellationToken);
        var member = view.Nodes.FirstOrDefault(n => n.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (member is null)
        {
            return null;
        }

        return viewFailure is null
            ? (await ProbeAsync(member, view.Nodes.Select(n => n.Name).ToList(), cancellationToken)).Result
            : member.Probed(null, viewFailure);
    }

    public async Task<ClusteredVm?> GetVmAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var (view, _) = await ReadViewAsync(cancellationToken);
        if (view.Vms.All(v => !v.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return (await GetSnapshotAsync(cancellationToken)).FindVm(name.Trim());
    }

    /// <summary>
    /// The cluster's view from the first computer that answers: the node that answered last, the
    /// cluster name, then the configured nodes. A computer that has not answered within
    /// <see cref="ViewHedge"/> gets company from the next, so one hung node costs seconds, not the
    /// whole timeout. When none answers: the configured nodes (or the cluster name), each carrying the first failure.
    /// </summary>
    private async Task<(ClusterView View, NodeFailure? Failure)> ReadViewAsync(CancellationToken cancellationToken)
    {
        var candidates = new[] { _lastViewSource, options.ClusterName }
            .Concat(options.Nodes.Select(n => n.Name))
            .OfType<string>()
            .Where(PowerShellNames.IsHost)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = new List<Task<(string Computer, ClusterView? View, NodeFailure? Failure)>>();
        NodeFailure? first = null;
        try
        {
            for (var next = 0; next < candidates.Count || running.Count > 0;)
            {
                if (next < candidates.Count)
                {
                    running.Add(ReadViewFromAsync(candidates[next++], stop.Token));
                }

                Task? hedge = next < candidates.Count ? Task.Delay(ViewHedge, time, stop.Token) : null;
                var done = await Task.WhenAny(hedge is null ? running : running.Append(hedge));
                cancellationToken.ThrowIfCancellationRequested();
                if (done == hedge)
                {
                    continue;
                }

                var finished = (Task<(string Computer, ClusterView? View, NodeFailure? Failure)>)done;
                running.Remove(finished);
                var (computer, view, failure) = await finished;
                if (view is not null)
                {
                    _lastViewSource = computer;
                    return (view, null);
                }

                first ??= failure;
            }
        }
        finally
        {
            // The computers still reading are not needed any more.
            await stop.CancelAsync();
        }

        first ??= new NodeFailure(NodeFailureKind.Error, $"No computer to read the cluster from; set {PowerShellOptions.Section}:ClusterName.");
        LogViewFailed(options.ClusterName, first.Kind, first.Message);
        // With no nodes configured the cluster name stands for them, so the failure still reaches the reply.
        var nodes = options.Nodes.Count > 0
            ? options.Nodes.Select(n => new NodeMember(n.Name, NodeState.Unknown, n.Site)).ToList()
            : [new NodeMember(options.ClusterName, NodeState.Unknown, PowerShellNames.DefaultSite)];
        var quorum = new Quorum(QuorumType.NodeMajority, WitnessKind.None, null, null);
        var sites = nodes.Select(n => n.Site).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return (new ClusterView(options.ClusterName, sites, quorum, nodes, [], []), first);
    }

    private async Task<(string Computer, ClusterView? View, NodeFailure? Failure)> ReadViewFromAsync(string computer, CancellationToken cancellationToken)
    {
        var (json, failure) = await RunOnAsync(computer, PowerShellCommands.ClusterView, [], cancellationToken);
        if (failure is not null)
        {
            return (computer, null, failure);
        }

        try
        {
            return (computer, ClusterViewReader.Read(json, options), null);
        }
        catch (PowerShellException ex)
        {
            return (computer, null, new NodeFailure(NodeFailureKind.Error, $"{computer}: {ex.Message}"));
        }
    }

    private async Task<(NodeResult Result, NodeReport? Report)> ProbeAsync(NodeMember member, IReadOnlyList<string> peers, CancellationToken cancellationToken)
    {
        var others = peers.Where(p => !p.Equals(member.Name, StringComparison.OrdinalIgnoreCase) && PowerShellNames.IsHost(p)).ToList();
        var parameters = new List<KeyValuePair<string, string>> { new("NodeName", member.Name) };
        if (others.Count > 0)
        {
            parameters.Add(new("PeerNodes", string.Join(',', others)));
        }

        var (json, failure) = await RunOnAsync(member.Name, PowerShellCommands.NodeInventory, parameters, cancellationToken);
        if (failure is null)
        {
            try
            {
                var report = NodeInventoryReader.Read(json, member.Name);
                return (member.Probed(report.Inventory, null), report);
            }
            catch (PowerShellException ex)
            {
                failure = new NodeFailure(NodeFailureKind.Error, ex.Message);
            }
        }

        LogNodeFailed(member.Name, failure.Kind, failure.Message);
        return (member.Probed(null, failure), null);
    }

    /// <summary>Runs one function on one computer's JEA endpoint under the per-node timeout.</summary>
    private async Task<(JsonElement Json, NodeFailure? Failure)> RunOnAsync(
        string computer, string command, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var (box, failure) = await NodeCall.RunAsync(
            computer,
            async ct =>
            {
                try
                {
                    return new JsonBox(await runner.InvokeAsync(computer, command, parameters, Timeout, ct));
                }
                catch (PowerShellException ex)
                {
                    throw new NodeProbeException(ToFailureKind(ex.Kind), ex.Message);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not NodeProbeException)
                {
                    // Whatever PowerShell throws that the session did not name stays this node's failure, never the whole answer's.
                    LogUnexpected(computer, command, ex);
                    throw new NodeProbeException(NodeFailureKind.Error, $"{computer}: {ex.GetType().Name}: {PowerShellErrors.Excerpt(ex.Message)}");
                }
            },
            Timeout,
            time,
            cancellationToken);
        return (box?.Json ?? default, failure);
    }

    private static NodeFailureKind ToFailureKind(PowerShellErrorKind kind) => kind switch
    {
        PowerShellErrorKind.Timeout => NodeFailureKind.Timeout,
        PowerShellErrorKind.Unreachable => NodeFailureKind.Unreachable,
        PowerShellErrorKind.AccessDenied => NodeFailureKind.AccessDenied,
        _ => NodeFailureKind.Error,
    };

    private static ClusteredVm WithHostDetails(ClusteredVm vm, IReadOnlyList<NodeReport> reports, IReadOnlyList<ClusterDisk> disks)
    {
        var owner = reports.FirstOrDefault(r => r.Inventory.Name.Equals(vm.OwnerNode, StringComparison.OrdinalIgnoreCase))?.Vms.FirstOrDefault(d => d.Id == vm.Id);
        var details = owner ?? reports.SelectMany(r => r.Vms).FirstOrDefault(d => d.Id == vm.Id);
        return details is null
            ? vm
            : vm with
            {
                StartupMemoryMb = details.StartupMemoryMb,
                IntegrationServices = details.IntegrationServices,
                IntegrationServicesOutdated = details.IntegrationServicesOutdated,
                ProcessorCompatibility = details.ProcessorCompatibility,
                ConfigVolume = ConfigVolume(details.ConfigurationLocation, disks),
                Nics = details.Nics,
            };
    }

    /// <summary>
    /// The volume a VM's configuration lives on: a <c>\\?\Volume{GUID}\</c> path names it; a CSV path
    /// (<c>C:\ClusterStorage\Volume1\...</c>) or a mounted clustered disk is matched to its disk.
    /// </summary>
    internal static Guid ConfigVolume(string location, IReadOnlyList<ClusterDisk> disks)
    {
        var brace = location.IndexOf("Volume{", StringComparison.OrdinalIgnoreCase);
        if (brace >= 0)
        {
            return JsonRead.Guid(location[(brace + "Volume{".Length)..].Split('}')[0]);
        }

        var disk = disks
            .Where(d => d.Path.Length > 0 && IsUnder(location, d.Path))
            .MaxBy(d => d.Path.Length);
        return disk?.VolumeGuid ?? Guid.Empty;
    }

    private static bool IsUnder(string location, string root)
    {
        var trimmed = root.TrimEnd('\\');
        return location.StartsWith(trimmed, StringComparison.OrdinalIgnoreCase) &&
            (location.Length == trimmed.Length || location[trimmed.Length] == '\\');
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster {Cluster} could not be read: {Kind} {Reason}")]
    private partial void LogViewFailed(string cluster, NodeFailureKind kind, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Command} on {Node} failed unexpectedly")]
    private partial void LogUnexpected(string node, string command, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node} failed: {Kind} {Reason}")]
    private partial void LogNodeFailed(string node, NodeFailureKind kind, string reason);
}
