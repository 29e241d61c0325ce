using ChatOps.Clusters.Events;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Clusters.Lab;

/// <summary>The gateway over the lab simulator: probes nodes concurrently, each under the per-node timeout.</summary>
internal sealed partial class LabClusterGateway(
    LabCluster lab,
    IOptions<ClusterOptions> options,
    ILogger<LabClusterGateway> logger) : IClusterGateway
{
    private TimeSpan Timeout => options.Value.NodeTimeout;

    public string Backend => ClusterOptions.LabBackend;

    public Task<IReadOnlyList<string>> GetNodeNamesAsync(CancellationToken cancellationToken) =>
        Task.FromResult(lab.NodeNames());

    public Task<ClusterSnapshot> GetSnapshotAsync(CancellationToken cancellationToken) =>
        GetSnapshotAsync(ClusterOptions.DefaultProbeConcurrency, cancellationToken);

    public async Task<ClusterSnapshot> GetSnapshotAsync(int maxConcurrency, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        var view = lab.View();
        using var gate = new SemaphoreSlim(maxConcurrency);
        var nodes = await Task.WhenAll(view.Nodes.Select(async n =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await ProbeAsync(n, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
        return SnapshotAssembler.Assemble(view, nodes, lab.Time.GetUtcNow());
    }

    public async Task<NodeResult?> GetNodeAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        var member = lab.View().Nodes.FirstOrDefault(n => n.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));
        return member is null ? null : await ProbeAsync(member, cancellationToken);
    }

    public async Task<ClusteredVm?> GetVmAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (lab.View().Vms.All(v => !v.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return (await GetSnapshotAsync(cancellationToken)).FindVm(name.Trim());
    }

    public async Task<ClusterEvents> GetEventsAsync(string? node, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = lab.Time.GetUtcNow();
        var since = now - EventSources.Clamp(window);
        var members = lab.NodeNames().Where(n => node is null || n.Equals(node.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        var nodes = await Task.WhenAll(members.Select(async name =>
        {
            var (events, failure) = await NodeCall.RunAsync(
                name,
                async ct =>
                {
                    await lab.ApplyFaultAsync(name, ct);
                    return lab.Events(name, since);
                },
                Timeout,
                lab.Time,
                cancellationToken);
            if (failure is not null)
            {
                LogNodeFailed(name, failure.Kind, failure.Message);
            }

            return events ?? NodeEvents.Silent(name, failure!);
        }));
        return new ClusterEvents(lab.Name, since, now, nodes);
    }

    public Task<ClusterActionResult> StopClusterServiceAsync(string node, bool allowQuorumLoss, DateTimeOffset notAfter, CancellationToken cancellationToken) =>
        OnNodeAsync(ClusterAction.StopClusterService, node, n => lab.StopClusterService(n, allowQuorumLoss), notAfter, cancellationToken);

    public Task<ClusterActionResult> FlushDnsAsync(string node, DateTimeOffset notAfter, CancellationToken cancellationToken) =>
        OnNodeAsync(ClusterAction.FlushDns, node, lab.FlushDns, notAfter, cancellationToken);

    public Task<ClusterActionResult> RemoveStaleLinkAsync(string node, Guid vmId, DateTimeOffset notAfter, CancellationToken cancellationToken) =>
        OnNodeAsync(ClusterAction.RemoveStaleLink, node, n => lab.RemoveStaleLink(n, vmId), notAfter, cancellationToken);

    public async Task<ClusterActionResult> KillVmWorkerAsync(string vm, DateTimeOffset notAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var record = lab.View().Vms.FirstOrDefault(v => v.Name.Equals(vm.Trim(), StringComparison.OrdinalIgnoreCase));
        if (record is null)
        {
            return new ClusterActionResult(ClusterAction.KillVmWorker, vm, ActionStatus.Failed, $"The cluster has no VM named '{vm}'.", []);
        }

        var host = record.OwnerNode ?? lab.NodeNames()[0];
        return await OnNodeAsync(ClusterAction.KillVmWorker, host, _ => lab.KillVmWorker(record.Name), notAfter, cancellationToken, record.Name);
    }

    private async Task<NodeResult> ProbeAsync(NodeMember member, CancellationToken cancellationToken)
    {
        var (inventory, failure) = await NodeCall.RunAsync(
            member.Name,
            async ct =>
            {
                await lab.ApplyFaultAsync(member.Name, ct);
                return lab.Inventory(member.Name);
            },
            Timeout,
            lab.Time,
            cancellationToken);
        if (failure is not null)
        {
            LogNodeFailed(member.Name, failure.Kind, failure.Message);
        }

        return member.Probed(inventory, failure);
    }

    /// <summary>Runs an action on a node as the node module does: after the node's faults, and only before <paramref name="notAfter"/> by the lab's clock.</summary>
    private async Task<ClusterActionResult> OnNodeAsync(
        ClusterAction action, string node, Func<string, ClusterActionResult> apply, DateTimeOffset notAfter, CancellationToken cancellationToken, string? target = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        var canonical = lab.ResolveNode(node.Trim());
        if (canonical is null)
        {
            return new ClusterActionResult(action, target ?? node, ActionStatus.Failed, $"The cluster has no node named '{node}'.", []);
        }

        var (result, failure) = await NodeCall.RunAsync(
            canonical,
            async ct =>
            {
                await lab.ApplyFaultAsync(canonical, ct, forAction: true);
                return lab.Time.GetUtcNow() > notAfter
                    ? new ClusterActionResult(action, target ?? canonical, ActionStatus.Refused, LateSummary(canonical, notAfter), [new NodeOutcome(canonical, LateSummary(canonical, notAfter))])
                    : apply(canonical);
            },
            Timeout,
            lab.Time,
            cancellationToken);
        if (failure is null)
        {
            LogActionRan(action, target ?? canonical, result!.Status);
            return result;
        }

        LogNodeFailed(canonical, failure.Kind, failure.Message);
        return new ClusterActionResult(action, target ?? canonical, ActionStatus.Failed, $"{action} did not run: {failure.Message}", [new NodeOutcome(canonical, failure.Message)]);
    }

    /// <summary>What a node says when an action reaches it after its deadline, as the node module says it.</summary>
    private static string LateSummary(string node, DateTimeOffset notAfter) =>
        $"The deadline for this action ({notAfter.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}) passed before it reached {node}; nothing was changed.";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {Node} failed: {Kind} {Reason}")]
    private partial void LogNodeFailed(string node, NodeFailureKind kind, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Action {Action} on {Target}: {Status}")]
    private partial void LogActionRan(ClusterAction action, string target, ActionStatus status);
}
