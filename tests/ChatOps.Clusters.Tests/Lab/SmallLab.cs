using ChatOps.Clusters.Lab;

namespace ChatOps.Clusters.Tests.Lab;

/// <summary>
/// A two-node lab where N2 has 12 GB free (16 GB, 4 GB host reserve, nothing running): after N1
/// fails only one of its 8 GB VMs fits. The low-priority VM comes first in the file, so only the
/// planner's priority order lets the high-priority one win.
/// </summary>
internal static class SmallLab
{
    public const string Yaml = """
        name: SMALL
        seed: 7
        hostReserveMb: 4096
        sites:
          - name: A
            nics:
              - { name: MGMT, role: Management, subnet: 10.9.0.0/24 }
        quorum: { type: NodeMajority, witness: None }
        nodeDefaults: { memoryMb: 16384 }
        nodes:
          - { name: N1, site: A, memoryMb: 65536 }
          - { name: N2, site: A }
        vms:
          - { name: LOW-1, owner: N1, memoryMb: 8192, priority: Low, addresses: [10.9.10.1] }
          - { name: HIGH-1, owner: N1, memoryMb: 8192, priority: High, addresses: [10.9.10.2] }
          - { name: LEGACY-1, owner: N1, memoryMb: 8192, priority: Medium, legacyNic: true, addresses: [10.9.10.3] }
        """;

    public static ILabCluster Load() => LabClusters.Parse(Yaml);
}
