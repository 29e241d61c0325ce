using ChatOps.Clusters.Model;
using ChatOps.Clusters.PowerShell;

namespace ChatOps.Clusters.Tests.PowerShell;

public sealed class StateNamesTests
{
    [Theory]
    [InlineData("Running", HyperVState.Running)]
    [InlineData("RunningCritical", HyperVState.RunningCritical)]
    [InlineData("FastSaved", HyperVState.Saved)]
    [InlineData("SavedCritical", HyperVState.SavedCritical)]
    [InlineData("Pausing", HyperVState.Paused)]
    [InlineData("Other", HyperVState.Other)]
    [InlineData("ComponentServicing", HyperVState.Other)]
    [InlineData("ForceShutdown", HyperVState.Stopping)]
    [InlineData("Hibernated", HyperVState.Hibernated)]
    [InlineData("SomethingNew", HyperVState.Other)]
    [InlineData("OffCritical", HyperVState.OffCritical)]
    public void HyperV_VmStateName_MapsIncludingCriticalVariants(string name, HyperVState expected) =>
        Assert.Equal(expected, StateNames.HyperV(name));

    [Theory]
    [InlineData("Majority", WitnessKind.FileShare, QuorumType.NodeAndFileShareMajority)]
    [InlineData("Majority", WitnessKind.None, QuorumType.NodeMajority)]
    [InlineData("DiskOnly", WitnessKind.Disk, QuorumType.NoMajorityDiskOnly)]
    [InlineData("NodeAndDiskMajority", WitnessKind.Disk, QuorumType.NodeAndDiskMajority)]
    public void Quorum_TypeAndWitness_MapsDynamicQuorumByItsWitness(string name, WitnessKind witness, QuorumType expected) =>
        Assert.Equal(expected, StateNames.Quorum(name, witness));

    [Theory]
    [InlineData(3000, FailoverPriority.High)]
    [InlineData(2000, FailoverPriority.Medium)]
    [InlineData(1000, FailoverPriority.Low)]
    [InlineData(0, FailoverPriority.NoAutoStart)]
    public void Priority_ClusterGroupPriority_MapsToModel(long value, FailoverPriority expected) =>
        Assert.Equal(expected, StateNames.Priority(value));

    [Theory]
    [InlineData("10.1.3.11", 24, "10.1.3.0/24")]
    [InlineData("172.16.5.130", 25, "172.16.5.128/25")]
    [InlineData(null, 24, "")]
    [InlineData("fe80::1", 64, "")]
    public void Subnet_AddressAndPrefix_GivesNetworkInCidr(string? address, int prefix, string expected) =>
        Assert.Equal(expected, NodeInventoryReader.Subnet(address, prefix));

    [Theory]
    [InlineData("ISCSI-A", "", NicRole.Iscsi)]
    [InlineData("HEARTBEAT", "", NicRole.Cluster)]
    [InlineData("LM", "", NicRole.LiveMigration)]
    [InlineData("MGMT", "", NicRole.Management)]
    [InlineData("VM-CLIENT", "", NicRole.Client)]
    [InlineData("BACKUP", "Broadcom", NicRole.Other)]
    public void NicRole_AdapterName_GuessedFromNamingConvention(string name, string description, NicRole expected) =>
        Assert.Equal(expected, StateNames.NicRole(name, description));
}
