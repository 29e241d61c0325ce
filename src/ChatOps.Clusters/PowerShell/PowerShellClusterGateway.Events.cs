using System.Globalization;
using System.Text.Json;
using ChatOps.Clusters.Events;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.PowerShell;

/// <summary>Reading the nodes' event logs, each through its own JEA endpoint.</summary>
internal sealed partial class PowerShellClusterGateway
{
    public async Task<ClusterEvents> GetEventsAsync(string? node, TimeSpan window, CancellationToken cancellationToken)
    {
        // Events are read from each node's own logs: no cluster view is needed, so they are read even when
        // the cluster service is down everywhere (the configured nodes are asked then).
        var (view, _) = await ReadViewAsync(cancellationToken);
        var clamped = EventSources.Clamp(window);
        var now = time.GetUtcNow();
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("SinceMinutes", ((int)Math.Ceiling(clamped.TotalMinutes)).ToString(CultureInfo.InvariantCulture)),
            new("MaxEventsPerSource", EventSources.MaxPerLog.ToString(CultureInfo.InvariantCulture)),
            new("MaxMessageChars", EventSources.MaxMessageChars.ToString(CultureInfo.InvariantCulture)),
        };
        var members = view.Nodes.Where(n => PowerShellNames.IsHost(n.Name) && (node is null || n.Name.Equals(node.Trim(), StringComparison.OrdinalIgnoreCase)));
        // Each read holds a runspace of the node's pool, as a probe does: bound how many run at once.
        using var gate = new SemaphoreSlim(ClusterOptions.DefaultProbeConcurrency);
        var nodes = await Task.WhenAll(members.Select(async member =>
        {
            await gate.WaitAsync(cancellationToken);
            JsonElement json;
            NodeFailure? failure;
            try
            {
                (json, failure) = await RunOnAsync(member.Name, PowerShellCommands.ClusterEvents, parameters, cancellationToken);
            }
            finally
            {
                gate.Release();
            }

            if (failure is null)
            {
                try
                {
                    return ClusterEventsReader.Read(json, member.Name);
                }
                catch (PowerShellException ex)
                {
                    failure = new NodeFailure(NodeFailureKind.Error, ex.Message);
                }
            }

            LogNodeFailed(member.Name, failure.Kind, failure.Message);
            return NodeEvents.Silent(member.Name, failure);
        }));
        return new ClusterEvents(view.Name, now - clamped, now, nodes);
    }
}
