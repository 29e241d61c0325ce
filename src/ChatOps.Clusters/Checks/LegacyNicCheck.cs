using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Checks;

/// <summary>Legacy network adapters route through the host partition and keep answering ping after the guest stops.</summary>
internal sealed class LegacyNicCheck : IClusterCheck
{
    public string Id => CheckIds.LegacyNic;

    public string Title => "No legacy network adapters";

    public IEnumerable<Finding> Run(ClusterSnapshot snapshot) =>
        snapshot.Vms.Where(v => v.HasLegacyNic).Select(v =>
        {
            var ghost = v.RespondsToPing && !v.HostStates.Any(h => h.State.IsRunning())
                ? " It is not running but still answers ping."
                : string.Empty;
            return new Finding(Id, ghost.Length > 0 ? Severity.High : Severity.Medium, v.Name,
                $"{v.Name} has a legacy network adapter; after a host failure it may answer ping and nothing else.{ghost}",
                KbIds.LegacyNic) { Vms = [v.Name], Nodes = v.OwnerNode is null ? [] : [v.OwnerNode] };
        });
}
