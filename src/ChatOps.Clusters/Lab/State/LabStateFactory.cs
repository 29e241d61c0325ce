using ChatOps.Clusters.Lab.Definition;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Lab.State;

/// <summary>Turns a lab definition into the simulator's starting state, checking its references.</summary>
internal static class LabStateFactory
{
    public static LabState Create(LabDefinition definition)
    {
        if (definition.Nodes.Count == 0)
        {
            throw new LabDefinitionException("The lab has no nodes.");
        }

        RequireUnique(definition.Nodes.Select(n => n.Name), "node");
        RequireUnique(definition.Vms.Select(v => v.Name), "VM");
        RequireUnique(definition.Disks.Select(d => d.Id), "disk");
        var nodeNames = definition.Nodes.Select(n => n.Name).ToList();
        var diskIds = definition.Disks.Select(d => d.Id).ToList();
        var state = new LabState
        {
            Name = definition.Name,
            Seed = definition.Seed,
            HostReserveMb = definition.HostReserveMb,
            Sites = definition.Sites.Select(s => s.Name).ToList(),
            Quorum = new Quorum(definition.Quorum.Type, definition.Quorum.Witness, definition.Quorum.Location, definition.Quorum.Site)
            {
                DynamicQuorum = definition.Quorum.Dynamic ? true : null,
            },
            Nodes = definition.Nodes.Select(n => LabNodeFactory.Create(definition, n, nodeNames, diskIds)).ToList(),
            Disks = definition.Disks.Select(d => new ClusterDisk(d.Id, d.SizeGb, d.VolumeGuid, d.Csv)).ToList(),
        };
        foreach (var spec in definition.Vms)
        {
            state.Vms.Add(LabVmFactory.Create(definition, spec, state));
        }

        foreach (var spec in definition.Nodes.Where(n => n.StaleLinks is not null))
        {
            var node = state.FindNode(spec.Name)!;
            foreach (var link in spec.StaleLinks!)
            {
                node.ConfigLinks.Add(ResolveLink(link, state, spec.Name));
            }
        }

        return state;
    }

    private static Guid ResolveLink(string link, LabState state, string node)
    {
        if (link.StartsWith("vm:", StringComparison.OrdinalIgnoreCase))
        {
            return (state.FindVm(link[3..]) ?? throw new LabDefinitionException($"Node '{node}': stale link '{link}' names an unknown VM.")).Id;
        }

        return Guid.TryParse(link, out var id) ? id : throw new LabDefinitionException($"Node '{node}': stale link '{link}' is neither a GUID nor vm:NAME.");
    }

    private static void RequireUnique(IEnumerable<string> names, string what)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new LabDefinitionException($"A {what} has no name.");
            }

            if (!seen.Add(name))
            {
                throw new LabDefinitionException($"Two {what}s are named '{name}'.");
            }
        }
    }
}
