using ChatOps.Clusters.Events;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Lab;

/// <summary>
/// Control surface of the lab simulator, for tests, demos and benchmarks: inject faults, count
/// actions, change inventory. Reading and acting go through <see cref="IClusterGateway"/>.
/// </summary>
public interface ILabCluster
{
    /// <summary>Cluster name.</summary>
    string Name { get; }

    /// <summary>The lab's complete current state, without faults or delays.</summary>
    ClusterSnapshot Snapshot();

    /// <summary>Makes every later call to a node slow, hang, refuse or fail.</summary>
    void InjectFault(string node, LabFault fault);

    /// <summary>Removes a node's fault.</summary>
    void ClearFault(string node);

    /// <summary>How many times an action has reached the lab (refused ones included).</summary>
    int ActionCount(ClusterAction action);

    /// <summary>Installs a driver version on a node (replacing the one of that device class).</summary>
    void SetDriver(string node, string deviceClass, string version);

    /// <summary>Installs (or removes) a hotfix on a node.</summary>
    void SetHotfix(string node, string hotfix, bool installed);

    /// <summary>Live-migrates a running VM to another node: the cluster's owner and its Hyper-V registration move together.</summary>
    void MoveVm(string vm, string node);

    /// <summary>Writes an event into a node's log, as the node itself would.</summary>
    void WriteEvent(ClusterEvent clusterEvent);

    /// <summary>Sets a node's cluster state (for example back to Up after a test stopped it).</summary>
    void SetNodeState(string node, NodeState state);
}
