using System.Text.Json.Nodes;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Fakes.Fixtures;

/// <summary>
/// Changes to a recorded cluster (as the JSON the fake modules read) that put a part of it in a
/// documented failure state; each says what real Windows then reports. The faults the fake modules
/// act on (ClusterServiceStopped, VmmsStopped, TerminateDenied) are listed in FakeData.ps1.
/// </summary>
internal static class FaultFixtures
{
    /// <summary>
    /// The cluster sees <paramref name="node"/> Down (its cluster service stopped) while its Hyper-V still
    /// answers, and dynamic quorum has taken its vote: the votes are settled again for the new membership.
    /// </summary>
    public static void NodeDown(JsonObject record, string node)
    {
        var nodes = record["Nodes"]!.AsArray();
        foreach (var entry in nodes)
        {
            if ((string)entry!["Name"]! == node)
            {
                entry["State"] = nameof(NodeState.Down);
            }
        }

        Revote(record);
    }

    /// <summary>Gives each node the DynamicWeight, and the witness the WitnessDynamicWeight, dynamic quorum settles on for the recorded states and NodeWeights.</summary>
    public static void Revote(JsonObject record)
    {
        var nodes = record["Nodes"]!.AsArray().Select(n => n!.AsObject()).ToList();
        var witness = record["Quorum"]!["Resource"] is not null;
        var votes = Planning.DynamicVotes.Assign(nodes.Select(n => (Enum.Parse<NodeState>((string)n["State"]!), (int)n["NodeWeight"]!)).ToList(), witness);
        for (var i = 0; i < nodes.Count; i++)
        {
            nodes[i]["DynamicWeight"] = votes.Nodes[i];
        }

        record["Cluster"]!["WitnessDynamicWeight"] = votes.Witness;
    }

    /// <summary>Keeps the first <paramref name="count"/> nodes (their hosts, and the VM groups they own).</summary>
    public static void KeepNodes(JsonObject record, int count)
    {
        var nodes = record["Nodes"]!.AsArray();
        var kept = nodes.Take(count).Select(n => (string)n!["Name"]!).ToHashSet(StringComparer.Ordinal);
        Remove(nodes, n => !kept.Contains((string)n["Name"]!));
        Remove(record["Groups"]!.AsArray(), g => !kept.Contains((string)g["OwnerNode"]!));
        foreach (var group in record["Groups"]!.AsArray())
        {
            Remove(group!["PreferredOwners"]!.AsArray(), o => !kept.Contains((string)o!));
        }

        var hosts = record["Hosts"]!.AsObject();
        foreach (var name in hosts.Select(h => h.Key).Where(h => !kept.Contains(h)).ToList())
        {
            hosts.Remove(name);
        }

        Revote(record);
    }

    /// <summary>Registers a VM of <paramref name="owner"/> on <paramref name="node"/> too, Running there as well (a split brain).</summary>
    public static void AlsoRunningOn(JsonObject record, string vm, string owner, string node)
    {
        var source = record["Hosts"]![owner]!["VMs"]!.AsArray().Single(v => (string)v!["Name"]! == vm)!;
        var copy = source.DeepClone();
        copy["State"] = "Running";
        record["Hosts"]![node]!["VMs"]!.AsArray().Add(copy);
    }

    /// <summary>
    /// Makes the clustered disk an MBR disk: the resource carries DiskSignature (DiskIdType 0) and an empty
    /// DiskIdGuid, each node's Get-Disk a Signature and no Guid (Physical Disk private properties; MSFT_Disk).
    /// </summary>
    public static void MbrDisk(JsonObject record, string disk, uint signature)
    {
        var entry = record["Disks"]!.AsArray().Single(d => (string)d!["Name"]! == disk)!;
        var guid = (string)entry["DiskIdGuid"]!;
        entry["DiskSignature"] = signature;
        foreach (var (_, host) in record["Hosts"]!.AsObject())
        {
            var guids = host!["DiskGuids"]!.AsArray();
            if (guids.Any(g => (string)g! == guid))
            {
                Remove(guids, g => (string)g! == guid);
                host["DiskSignatures"] = new JsonArray(signature);
            }
        }
    }

    /// <summary>A CSV the cluster reports Failed, with no volume information (what it reports then is not documented).</summary>
    public static void FailedCsv(JsonObject record, string csv)
    {
        record["SharedVolumes"]!.AsArray().Single(c => (string)c!["Name"]! == csv)!["State"] = "Failed";
    }

    /// <summary>Removes every VM from a node's Hyper-V (a drained host), and their groups' ownership stays where the cluster says.</summary>
    public static void NoVms(JsonObject record, string node)
    {
        record["Hosts"]![node]!["VMs"] = new JsonArray();
        record["Hosts"]![node]!["ConfigLinks"] = new JsonArray();
        Remove(record["Groups"]!.AsArray(), g => (string)g["OwnerNode"]! == node);
    }

    /// <summary>
    /// The host's virtual adapters described in another language (InterfaceDescription is localized,
    /// MSFT_NetAdapter); their ComponentID, vms_mp, is not (KB 2872325). The words are illustrative.
    /// </summary>
    public static void LocalizedAdapterNames(JsonObject record)
    {
        foreach (var (_, host) in record["Hosts"]!.AsObject())
        {
            foreach (var adapter in host!["Adapters"]!.AsArray())
            {
                if ((string?)adapter!["ComponentID"] == "vms_mp")
                {
                    adapter["InterfaceDescription"] = "Virtueller Hyper-V-Ethernet-Adapter";
                }
            }
        }
    }

    private static void Remove(JsonArray array, Func<JsonNode, bool> where)
    {
        foreach (var item in array.Where(i => i is not null && where(i)).ToList())
        {
            array.Remove(item);
        }
    }

    /// <summary>
    /// The events a node's logs hold, as the fake Get-WinEvent reads them (see its module): each with
    /// the log, provider, id, level (1 Critical … 4 Information), time and message Windows records.
    /// </summary>
    public static void Events(JsonObject record, string node, params JsonObject[] events) =>
        record["Hosts"]![node]!["Events"] = new JsonArray([.. events]);

    /// <summary>One recorded event.</summary>
    public static JsonObject Event(string log, string provider, int id, int level, DateTimeOffset time, string message) => new()
    {
        ["LogName"] = log,
        ["ProviderName"] = provider,
        ["Id"] = id,
        ["Level"] = level,
        ["TimeCreated"] = time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
        ["RecordId"] = Math.Abs(message.GetHashCode(StringComparison.Ordinal)),
        ["Message"] = message,
    };
}
