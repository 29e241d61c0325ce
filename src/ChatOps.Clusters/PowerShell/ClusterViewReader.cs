using System.Text.Json;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.PowerShell;

/// <summary>Reads <c>Get-ChatOpsClusterView</c>'s document into the cluster's view (VM details come from the hosts later).</summary>
internal static class ClusterViewReader
{
    public static ClusterView Read(JsonElement root, PowerShellOptions options)
    {
        var sites = options.Nodes.ToDictionary(n => n.Name, n => n.Site, StringComparer.OrdinalIgnoreCase);
        var nodes = JsonRead.Array(root, "nodes").Select(n =>
        {
            var name = JsonRead.String(n, "name");
            var weight = JsonRead.OptionalInt(n, "nodeWeight");
            var dynamic = JsonRead.OptionalInt(n, "dynamicWeight");
            var vote = weight is null && dynamic is null ? null : new NodeVote(weight ?? 1, dynamic);
            return new NodeMember(name, StateNames.Node(JsonRead.String(n, "state")), sites.GetValueOrDefault(name, PowerShellNames.DefaultSite), vote)
            {
                Status = StateNames.Named<NodeStatusInformation>(JsonRead.OptionalString(n, "statusInformation")),
                Drain = StateNames.Named<NodeDrainStatus>(JsonRead.OptionalString(n, "drainStatus")),
            };
        }).ToList();

        var quorumElement = JsonRead.Property(root, "quorum");
        var witness = StateNames.Witness(JsonRead.String(quorumElement, "witness"));
        var location = JsonRead.OptionalString(quorumElement, "location");
        var quorum = new Quorum(StateNames.Quorum(JsonRead.String(quorumElement, "type"), witness), witness, location, null)
        {
            DynamicQuorum = OptionalBool(quorumElement, "dynamicQuorum"),
            WitnessDynamicWeight = JsonRead.OptionalInt(quorumElement, "witnessDynamicWeight"),
            WitnessOnline = OptionalBool(quorumElement, "witnessOnline"),
            WitnessState = JsonRead.OptionalString(quorumElement, "witnessState"),
        };

        var vms = JsonRead.Array(root, "vms").Select(v => new ClusteredVm
        {
            Id = JsonRead.Guid(JsonRead.OptionalString(v, "id")),
            Name = JsonRead.String(v, "name"),
            GroupState = StateNames.Group(JsonRead.String(v, "state")),
            OwnerNode = JsonRead.OptionalString(v, "ownerNode"),
            PreferredOwners = JsonRead.Strings(v, "preferredOwners"),
            Priority = StateNames.Priority(JsonRead.Long(v, "priority")),
            StartupMemoryMb = 0,
            IntegrationServices = new Version(0, 0),
        }).ToList();

        var disks = JsonRead.Array(root, "disks").Select(d => new ClusterDisk(
            JsonRead.String(d, "id"),
            JsonRead.Long(d, "sizeGb"),
            JsonRead.Guid(JsonRead.OptionalString(d, "volumeGuid")),
            JsonRead.Bool(d, "isCsv"),
            JsonRead.OptionalString(d, "path") ?? string.Empty) { State = StateNames.Disk(JsonRead.OptionalString(d, "state")) }).ToList();

        var siteNames = options.Nodes.Select(n => n.Site).Concat(nodes.Select(n => n.Site)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new ClusterView(JsonRead.String(root, "name"), siteNames, quorum, nodes, vms, disks)
        {
            FunctionalLevel = new FunctionalLevel(JsonRead.OptionalInt(root, "functionalLevel"), JsonRead.OptionalInt(root, "upgradeFunctionalLevel")),
        };
    }

    /// <summary>True or false where the version reports it; null when it does not (or an older module wrote no such key).</summary>
    private static bool? OptionalBool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;
}
