using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Clusters;

/// <summary>
/// Example names from the configured cluster: the first node that is Up, a VM running on it, and a
/// config link no VM owns (<c>{stalelink}</c> = its node and id). Read within a short budget, so help
/// answers at once when the nodes do not, and kept for a few minutes, so help does not probe every node
/// each time it is asked (names change seldom; an example naming a VM that has just gone is answered
/// like any unknown name).
/// </summary>
internal sealed class ClusterExampleNames(IClusterGateway gateway, TimeProvider clock) : IExampleNames
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(5);

    private Kept? _kept;

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _kept) is { } kept && clock.GetUtcNow() - kept.At < KeepFor)
        {
            return kept.Names;
        }

        var names = await ReadAsync(cancellationToken);
        if (names.Count > 0)
        {
            Volatile.Write(ref _kept, new Kept(names, clock.GetUtcNow()));
        }

        return names;
    }

    private async Task<IReadOnlyDictionary<string, string>> ReadAsync(CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        ClusterSnapshot snapshot;
        try
        {
            snapshot = await gateway.GetSnapshotAsync(budget.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Dictionary<string, string>();
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (snapshot.Reachable.FirstOrDefault(n => n.State == NodeState.Up) is { } node)
        {
            names["node"] = node.Name;
            if (snapshot.VmsOwnedBy(node.Name).FirstOrDefault(ClusterText.IsRunning) is { } vm)
            {
                names["vm"] = vm.Name;
            }
        }

        var owned = snapshot.Vms.Select(v => v.Id).ToHashSet();
        if (snapshot.Knowing(InventoryPart.ConfigLinks).SelectMany(n => n.Inventory!.ConfigLinks.Where(id => !owned.Contains(id)).Select(id => $"{n.Name} {id}")).FirstOrDefault() is { } stale)
        {
            names["stalelink"] = stale;
        }

        return names;
    }

    private sealed record Kept(IReadOnlyDictionary<string, string> Names, DateTimeOffset At);
}
