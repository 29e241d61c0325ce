using ChatOps.Clusters.Lab;

namespace ChatOps.Commands.Tests.Clusters;

/// <summary>A node whose VMMS is stopped: the handlers say what could not be read instead of showing it empty.</summary>
public sealed class UnreadPartsHandlerTests
{
    private const string Yaml = """
        name: PART
        seed: 1
        hostReserveMb: 4096
        sites:
          - name: A
            nics:
              - { name: MGMT, role: Management, subnet: 10.9.0.0/24 }
        quorum: { type: NodeMajority, witness: None, dynamic: true }
        nodeDefaults: { memoryMb: 65536, hotfixes: [KB970529] }
        nodes:
          - { name: N1, site: A }
          - { name: N2, site: A, fault: { vmmsStopped: true } }
          - { name: N3, site: A }
        vms:
          - { name: APP-1, owner: N2, memoryMb: 4096, priority: Medium, addresses: [10.9.10.1] }
        """;

    [Fact]
    public async Task Node_VmmsStopped_HyperVRegistrationsUnknownNotZero()
    {
        var fixture = new ClusterFixture(lab: LabClusters.Parse(Yaml));

        var reply = await fixture.AskAsync("node N2");

        Assert.StartsWith("unknown: could not read its Hyper-V VMs", ClusterFixture.Fact(reply, "Hyper-V registrations").Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vm_OwnersHyperVUnread_StateUnknownThereAndSaidSo()
    {
        var fixture = new ClusterFixture(lab: LabClusters.Parse(Yaml));

        var reply = await fixture.AskAsync("vm APP-1");

        Assert.EndsWith("unknown on N2", ClusterFixture.Fact(reply, "Hyper-V state").Value, StringComparison.Ordinal);
        Assert.Contains("Partial: N2 could not read its Hyper-V VMs", ClusterFixture.Text(reply), StringComparison.Ordinal);
    }
}
