using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Lab;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Tests.Gateway;

/// <summary>Names are matched case-insensitively; unknown names give null, never an exception.</summary>
public sealed class LabGatewayReadingTests
{
    private readonly IClusterGateway _gateway = LabClusters.CreateGateway(LabClusters.LoadDefault());

    [Fact]
    public async Task GetNodeNames_DefaultLab_SixNodesInOrder()
    {
        var names = await _gateway.GetNodeNamesAsync(CancellationToken.None);

        Assert.Equal(["HV01", "HV02", "HV03", "HV04", "HV05", "HV06"], names);
    }

    [Theory]
    [InlineData("hv06")]
    [InlineData(" HV06 ")]
    public async Task GetNode_AnyCase_ReturnsTheCanonicalNodeWithInventory(string typed)
    {
        var node = await _gateway.GetNodeAsync(typed, CancellationToken.None);

        Assert.Equal("HV06", node!.Name);
        Assert.Equal("DC-West", node.Site);
        Assert.DoesNotContain("LUN12", node.Inventory!.VisibleDisks);
    }

    [Theory]
    [InlineData("HV07")]
    [InlineData("")]
    [InlineData("HV01; Stop-Computer")]
    public async Task GetNode_UnknownName_ReturnsNull(string typed) =>
        Assert.Null(await _gateway.GetNodeAsync(typed, CancellationToken.None));

    [Fact]
    public async Task GetVm_AnyCase_ReturnsBothViews()
    {
        var vm = await _gateway.GetVmAsync("app-07", CancellationToken.None);

        Assert.Equal("APP-07", vm!.Name);
        Assert.Equal(VmGroupState.Online, vm.GroupState);
        Assert.Equal([new VmHostState("HV01", HyperVState.Saved)], vm.HostStates);
    }

    [Fact]
    public async Task GetVm_UnknownName_ReturnsNull() =>
        Assert.Null(await _gateway.GetVmAsync("nosuchvm", CancellationToken.None));

    [Fact]
    public async Task GetSnapshot_DefaultLab_HostStatesMatchOwnersForHealthyVms()
    {
        var snapshot = await _gateway.GetSnapshotAsync(CancellationToken.None);

        var dc = snapshot.FindVm("DC-02")!;
        Assert.Equal([new VmHostState("HV04", HyperVState.Running)], dc.HostStates);
        Assert.Equal(HyperVState.Running, dc.OwnerHyperVState);
    }
}
