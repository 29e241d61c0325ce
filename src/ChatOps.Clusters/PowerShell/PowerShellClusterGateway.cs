using System.Text.Json;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Clusters.PowerShell;

/// <summary>
/// The production gateway: the cluster view is read through the cluster name, every node is
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
                return (new NodeResult(n.Name, n.State, n.Site, null, viewFailure), (NodeReport?)null);
            }

            // Each probe is a PowerShell process and a WinRM session: bound how many run at once.
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
        var enriched = view with { Vms = view.Vms.Select(v => WithHostDetails(v, reports)).ToList() };
        return SnapshotAssembler.Assemble(enriched, probes.Select(p => p.Item1).ToList(), time.GetUtcNow());
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
            : new NodeResult(member.Name, member.State, member.Site, null, viewFailure);
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

    /// <summary>The cluster's view, or (when the cluster cannot be read) the configured nodes, each carrying that failure.</summary>
    private async Task<(ClusterView View, NodeFailure? Failure)> ReadViewAsync(CancellationToken cancellationToken)
    {
        // Through JEA the cluster name is the computer asked; run locally the script asks for the cluster by name.
        IReadOnlyList<KeyValuePair<string, string>> parameters = options.ConfigurationName.Length == 0 ? [new("ClusterName", options.ClusterName)] : [];
        var (json, failure) = await RunOnAsync(options.ClusterName, PowerShellScripts.ClusterView, parameters, cancellationToken);
        if (failure is null)
        {
            try
            {
                return (ClusterViewReader.Read(json, options), null);
            }
            catch (PowerShellException ex)
            {
                failure = new NodeFailure(NodeFailureKind.Error, ex.Message);
            }
        }

        LogViewFailed(options.ClusterName, failure.Kind, failure.Message);
        var nodes = options.Nodes.Select(n => new NodeMember(n.Name, NodeState.Down, n.Site)).ToList();
        var quorum = new Quorum(QuorumType.NodeMajority, WitnessKind.None, null, null);
        var sites = nodes.Select(n => n.Site).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return (new ClusterView(options.ClusterName, sites, quorum, nodes, [], []), failure);
    }

    private async Task<(NodeResult Result, NodeReport? Report)> ProbeAsync(NodeMember member, IReadOnlyList<string> peers, CancellationToken cancellationToken)
    {
        var others = peers.Where(p => !p.Equals(member.Name, StringComparison.OrdinalIgnoreCase) && PowerShellNames.IsHost(p)).ToList();
        var parameters = new List<KeyValuePair<string, string>> { new("NodeName", member.Name) };
        if (others.Count > 0)
        {
            parameters.Add(new("PeerNodes", string.Join(',', others)));
        }

        var (json, failure) = await RunOnAsync(member.Name, PowerShellScripts.NodeInventory, parameters, cancellationToken);
        if (failure is null)
        {
            try
            {
                var report = NodeInventoryReader.Read(json, member.Name);
                return (new NodeResult(member.Name, member.State, member.Site, report.Inventory, null), report);
            }
            catch (PowerShellException ex)
            {
                failure = new NodeFailure(NodeFailureKind.Error, ex.Message);
            }
        }

        LogNodeFailed(member.Name, failure.Kind, failure.Message);
        return (new NodeResult(member.Name, member.State, member.Site, null, failure), null);
    }

    /// <summary>Runs one command on one computer (through its JEA endpoint when one is configured) under the per-node timeout.</summary>
    private async Task<(JsonElement Json, NodeFailure? Failure)> RunOnAsync(
        string computer, string command, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        if (!PowerShellNames.IsHost(computer))
        {
            return (default, new NodeFailure(NodeFailureKind.Error, $"'{computer}' is not a valid computer name; nothing was run."));
        }

        var (script, arguments) = options.ConfigurationName.Length == 0
            ? (PowerShellScripts.File(command), parameters)
            : (PowerShellScripts.File(PowerShellScripts.Jea), (IReadOnlyList<KeyValuePair<string, string>>)
                [new("ComputerName", computer), new("ConfigurationName", options.ConfigurationName), new("Command", command), .. parameters]);
        var (box, failure) = await NodeCall.RunAsync(
            computer,
            async ct =>
            {
                try
                {
                    return new JsonBox(await runner.RunAsync(script, arguments, Timeout, ct));
                }
                catch (PowerShellException ex)
                {
                    throw new NodeProbeException(ToFailureKind(ex.Kind), ex.Message);
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
        _ => NodeFailureKind.Error,
    };

    private static ClusteredVm WithHostDetails(ClusteredVm vm, IReadOnlyList<NodeReport> reports)
    {
        var owner = reports.FirstOrDefault(r => r.Inventory.Name.Equals(vm.OwnerNode, StringComparison.OrdinalIgnoreCase))?.Vms.FirstOrDefault(d => d.Id == vm.Id);
        var details = owner ?? reports.SelectMany(r => r.Vms).FirstOrDefault(d => d.Id == vm.Id);
        return details is null
            ? vm
            : vm with
            {
                StartupMemoryMb = details.StartupMemoryMb,
                IntegrationServices = details.IntegrationServices,
                ConfigVolume = details.ConfigVolume,
                Nics = details.Nics,
            };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster {Cluster} could not be read: {Kind} {Reason}")]
    private partial void LogViewFailed(string cluster, NodeFailureKind kind, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node} failed: {Kind} {Reason}")]
    private partial void LogNodeFailed(string node, NodeFailureKind kind, string reason);
}
