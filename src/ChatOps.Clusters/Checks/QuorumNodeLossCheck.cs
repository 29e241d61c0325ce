using ChatOps.Clusters.Model;
using ChatOps.Clusters.Planning;

namespace ChatOps.Clusters.Checks;

/// <summary>Would losing any one voting node lose quorum? (Or is it lost already?)</summary>
internal sealed class QuorumNodeLossCheck : IClusterCheck
{
    public string Id => CheckIds.QuorumNodeLoss;

    public string Title => "Quorum survives losing one node";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot)
    {
        var now = QuorumCalculator.Current(snapshot);
        if (!now.HasQuorum)
        {
            yield return new Finding(Id, Severity.Critical, snapshot.Name, now.Explanation, KbIds.QuorumConfiguration);
            yield break;
        }

        foreach (var node in snapshot.Nodes.Where(n => n.State is NodeState.Up or NodeState.Paused))
        {
            var without = QuorumCalculator.WithoutNodes(snapshot, [node.Name]);
            if (!without.HasQuorum)
            {
                yield return new Finding(Id, Severity.High, node.Name,
                    $"Losing {node.Name} would lose quorum: {without.Explanation}", KbIds.QuorumConfiguration) { Nodes = [node.Name] };
            }
        }
    }
}
