using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.PowerShell;

/// <summary>One node's inventory as its Get-ChatOpsNodeInventory reported it, with the per-VM details the cluster view lacks.</summary>
internal sealed record NodeReport(NodeInventory Inventory, IReadOnlyList<HostedVmDetails> Vms);
