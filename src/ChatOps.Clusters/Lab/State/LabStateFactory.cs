using ChatOps.Clusters.Lab.Definition;
using ChatOps.Clusters.Events;
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
                WitnessState = definition.Quorum.Witness == WitnessKind.None ? null : definition.Quorum.WitnessState ?? "Online",
                WitnessOnline = definition.Quorum.Witness == WitnessKind.None ? null : (definition.Quorum.WitnessState ?? "Online") == "Online",
            },
            Nodes = definition.Nodes.Select(n => LabNodeFactory.Create(definition, n, nodeNames, diskIds)).ToList(),
            FunctionalLevel = new FunctionalLevel(definition.FunctionalLevel, definition.UpgradeFunctionalLevel ?? definition.FunctionalLevel),
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

        // A stale link makes the node's VMMS log 4096 for it, over and over: the lab's nodes have logged it twice.
        foreach (var node in state.Nodes)
        {
            foreach (var link in state.StaleLinks(node))
            {
                foreach (var ago in StaleLinkEchoes)
                {
                    var logged = new ClusterEvent(node.Name, EventSources.VmmsLog, EventSources.VmmsProvider, LabEventTexts.ConfigUnreachableId, WinEventLevel.Error, default, LabEventTexts.ConfigUnreachable(link));
                    state.SeededEvents.Add((logged, ago));
                }
            }
        }

        foreach (var spec in definition.Events)
        {
            state.SeededEvents.Add((SeededEvent(spec, state), TimeSpan.FromMinutes(spec.MinutesAgo)));
        }

        return state;
    }

    private static readonly TimeSpan[] StaleLinkEchoes = [TimeSpan.FromMinutes(95), TimeSpan.FromMinutes(35)];

    private static ClusterEvent SeededEvent(LabEventSpec spec, LabState state)
    {
        var node = state.FindNode(spec.Node)?.Name ?? throw new LabDefinitionException($"Event {spec.Id} names an unknown node '{spec.Node}'.");
        if (!EventSources.Logs.Contains(spec.Log, StringComparer.OrdinalIgnoreCase))
        {
            throw new LabDefinitionException($"Event {spec.Id} on {node}: '{spec.Log}' is not a log the bot reads ({string.Join(", ", EventSources.Logs)}).");
        }

        if (!Enum.TryParse<WinEventLevel>(spec.Level, ignoreCase: true, out var level) || !Enum.IsDefined(level))
        {
            throw new LabDefinitionException($"Event {spec.Id} on {node}: level '{spec.Level}' is not Critical, Error, Warning or Information.");
        }

        if (spec.MinutesAgo < 0 || string.IsNullOrWhiteSpace(spec.Provider) || string.IsNullOrWhiteSpace(spec.Message))
        {
            throw new LabDefinitionException($"Event {spec.Id} on {node} needs a provider, a message and minutesAgo of 0 or more.");
        }

        return new ClusterEvent(node, spec.Log, spec.Provider, spec.Id, level, default, spec.Message);
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
