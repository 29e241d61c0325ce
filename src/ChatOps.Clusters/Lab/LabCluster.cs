using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Lab.State;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Lab;

/// <summary>
/// The simulator: one lock guards the mutable state; every read hands out immutable copies.
/// Faults delay or break calls before the lock is taken, so a hung node never blocks the others.
/// </summary>
internal sealed partial class LabCluster(LabState state, TimeProvider time) : ILabCluster
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ClusterAction, int> _counts = [];

    public string Name => state.Name;

    public TimeProvider Time => time;

    public void InjectFault(string node, LabFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            Require(node).Fault = fault;
        }
    }

    public void ClearFault(string node)
    {
        lock (_gate)
        {
            Require(node).Fault = null;
        }
    }

    public int ActionCount(ClusterAction action)
    {
        lock (_gate)
        {
            return _counts.GetValueOrDefault(action);
        }
    }

    public void SetDriver(string node, string deviceClass, string version)
    {
        lock (_gate)
        {
            var drivers = Require(node).Drivers;
            var at = drivers.FindIndex(d => d.DeviceClass.Equals(deviceClass, StringComparison.OrdinalIgnoreCase));
            if (at >= 0)
            {
                drivers[at] = drivers[at] with { Version = version };
            }
            else
            {
                drivers.Add(new DriverInfo(deviceClass, deviceClass, version));
            }
        }
    }

    public void SetHotfix(string node, string hotfix, bool installed)
    {
        lock (_gate)
        {
            var hotfixes = Require(node).Hotfixes;
            hotfixes.RemoveAll(h => h.Equals(hotfix, StringComparison.OrdinalIgnoreCase));
            if (installed)
            {
                hotfixes.Add(hotfix);
            }
        }
    }

    public void SetNodeState(string node, NodeState newState)
    {
        lock (_gate)
        {
            Require(node).State = newState;
        }
    }

    public void MoveVm(string vmName, string nodeName)
    {
        lock (_gate)
        {
            var vm = state.FindVm(vmName) ?? throw new ArgumentException($"The lab has no VM '{vmName}'.", nameof(vmName));
            var to = Require(nodeName);
            var from = vm.Hosts.FirstOrDefault(h => h.Value.IsRunning());
            if (from.Key is null || to.State != NodeState.Up)
            {
                throw new InvalidOperationException($"Live migration needs a running VM and an Up destination: {vm.Name} is not running or {to.Name} is {to.State}.");
            }

            vm.Hosts.Remove(from.Key);
            vm.Hosts[to.Name] = from.Value;
            vm.Owner = to.Name;
        }
    }

    /// <summary>Waits out a node's injected latency (and, for an action, its action latency), then hangs, refuses or fails as injected.</summary>
    public async Task ApplyFaultAsync(string node, CancellationToken cancellationToken, bool forAction = false)
    {
        LabFault? fault;
        lock (_gate)
        {
            fault = Require(node).Fault;
        }

        if (fault is null)
        {
            return;
        }

        var latency = fault.Latency + (forAction ? fault.ActionLatency : TimeSpan.Zero);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, time, cancellationToken);
        }

        if (fault.Hang)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken);
        }

        if (fault.Unreachable)
        {
            throw new NodeProbeException(NodeFailureKind.Unreachable, $"{node} refused the connection (WinRM port 5985).");
        }

        if (fault.Error is not null)
        {
            throw new NodeProbeException(NodeFailureKind.Error, fault.Error);
        }
    }

    private LabNode Require(string node) =>
        state.FindNode(node) ?? throw new ArgumentException($"The lab has no node '{node}'.", nameof(node));

    private void Count(ClusterAction action) => _counts[action] = _counts.GetValueOrDefault(action) + 1;
}
