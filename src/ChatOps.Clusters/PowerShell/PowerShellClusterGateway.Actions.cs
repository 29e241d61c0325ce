using System.Globalization;
using ChatOps.Clusters.Gateway;
using Microsoft.Extensions.Logging;

namespace ChatOps.Clusters.PowerShell;

/// <summary>The safe actions: each runs one node function on one node, with names and GUIDs only.</summary>
internal sealed partial class PowerShellClusterGateway
{
    public Task<ClusterActionResult> StopClusterServiceAsync(string node, bool allowQuorumLoss, DateTimeOffset notAfter, CancellationToken cancellationToken) =>
        OnNodeAsync(ClusterAction.StopClusterService, node, PowerShellCommands.StopClusterService, null, node, notAfter, cancellationToken,
            [new("ExpectedQuorum", allowQuorumLoss ? "Lost" : "Kept"), new("QuorumLoss", allowQuorumLoss ? "Allow" : "Refuse")]);

    public Task<ClusterActionResult> FlushDnsAsync(string node, DateTimeOffset notAfter, CancellationToken cancellationToken) =>
        OnNodeAsync(ClusterAction.FlushDns, node, PowerShellCommands.ClearDnsCache, null, node, notAfter, cancellationToken);

    public Task<ClusterActionResult> RemoveStaleLinkAsync(string node, Guid vmId, DateTimeOffset notAfter, CancellationToken cancellationToken) =>
        OnNodeAsync(ClusterAction.RemoveStaleLink, node, PowerShellCommands.RemoveStaleLink, vmId, node, notAfter, cancellationToken);

    public async Task<ClusterActionResult> KillVmWorkerAsync(string vm, DateTimeOffset notAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var (view, failure) = await ReadViewAsync(cancellationToken);
        if (failure is not null)
        {
            return new ClusterActionResult(ClusterAction.KillVmWorker, vm, ActionStatus.Failed, $"KillVmWorker did not run: {failure.Message}", []);
        }

        // The VM name never reaches PowerShell: the worker is found by the VM's id on its owner node.
        var record = view.Vms.FirstOrDefault(v => v.Name.Equals(vm.Trim(), StringComparison.OrdinalIgnoreCase));
        if (record is null || record.Id == Guid.Empty)
        {
            return new ClusterActionResult(ClusterAction.KillVmWorker, vm, ActionStatus.Failed, $"The cluster has no VM named '{vm}'.", []);
        }

        if (record.OwnerNode is null)
        {
            return new ClusterActionResult(ClusterAction.KillVmWorker, record.Name, ActionStatus.Refused, $"{record.Name} has no owner node; no worker process to kill.", []);
        }

        return await OnNodeAsync(ClusterAction.KillVmWorker, record.OwnerNode, PowerShellCommands.StopVmWorker, record.Id, record.Name, notAfter, cancellationToken);
    }

    private async Task<ClusterActionResult> OnNodeAsync(
        ClusterAction action, string node, string command, Guid? vmId, string target, DateTimeOffset notAfter, CancellationToken cancellationToken,
        IReadOnlyList<KeyValuePair<string, string>>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        var name = node.Trim();
        if (!PowerShellNames.IsHost(name))
        {
            LogRefusedName(action);
            return new ClusterActionResult(action, target, ActionStatus.Failed, $"'{node}' is not a valid node name; nothing was run.", []);
        }

        var parameters = new List<KeyValuePair<string, string>> { new("NodeName", name) };
        if (vmId is { } id)
        {
            parameters.Add(new("VmId", id.ToString("D", CultureInfo.InvariantCulture)));
        }

        parameters.AddRange(extra ?? []);

        // The node checks it by its own clock just before it changes anything: whole seconds, UTC, ISO 8601.
        parameters.Add(new("NotAfter", notAfter.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));

        var (json, failure) = await RunOnAsync(name, command, parameters, cancellationToken);
        if (failure is not null)
        {
            LogNodeFailed(name, failure.Kind, failure.Message);
            return new ClusterActionResult(action, target, ActionStatus.Failed, $"{action} did not run: {failure.Message}", [new NodeOutcome(name, failure.Message)]);
        }

        try
        {
            var status = JsonRead.String(json, "status") switch
            {
                "Succeeded" => ActionStatus.Succeeded,
                "Refused" => ActionStatus.Refused,
                _ => ActionStatus.Failed,
            };
            var summary = JsonRead.String(json, "summary");
            LogActionRan(action, target, status);
            return new ClusterActionResult(action, target, status, summary, [new NodeOutcome(name, summary)]);
        }
        catch (PowerShellException ex)
        {
            return new ClusterActionResult(action, target, ActionStatus.Failed, $"{action} gave no clear result: {ex.Message}", [new NodeOutcome(name, ex.Message)]);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Action {Action} on {Target}: {Status}")]
    private partial void LogActionRan(ClusterAction action, string target, ActionStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Action {Action} refused: the node name is not valid")]
    private partial void LogRefusedName(ClusterAction action);
}
