using ChatOps.Clusters.Fakes;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Lab;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Tests.Lab;

/// <summary>Same seed, same story: tests and demos may rely on ids, placements and addresses.</summary>
public sealed class SeedTests
{
    [Fact]
    public void LoadDefault_Twice_SameVmIds()
    {
        var first = LabClusters.LoadDefault().Snapshot();
        var second = LabClusters.LoadDefault().Snapshot();

        Assert.Equal(first.Vms.Select(v => (v.Name, v.Id)), second.Vms.Select(v => (v.Name, v.Id)));
        Assert.Equal(first.Nodes.Select(n => n.Inventory!.ConfigLinks.Count), second.Nodes.Select(n => n.Inventory!.ConfigLinks.Count));
    }

    [Fact]
    public async Task StopClusterService_SameActionOnTwoDefaultLabs_SameOutcomeAndAddresses()
    {
        var (first, firstResult) = await StopHv01Async();
        var (second, secondResult) = await StopHv01Async();

        Assert.Equal(firstResult.Summary, secondResult.Summary);
        Assert.Equal(firstResult.Outcomes, secondResult.Outcomes);
        Assert.Equal(Placement(first), Placement(second));
    }

    [Fact]
    public void Generate_SameSeed_SameLab()
    {
        var options = new LabGeneratorOptions { Nodes = 8, Vms = 100, Seed = 42 };

        var first = LabClusters.Generate(options).Snapshot();
        var second = LabClusters.Generate(options).Snapshot();

        Assert.Equal(first.Vms.Select(v => (v.Name, v.Id, v.StartupMemoryMb, v.Priority)), second.Vms.Select(v => (v.Name, v.Id, v.StartupMemoryMb, v.Priority)));
    }

    [Fact]
    public void Generate_OtherSeed_OtherLab()
    {
        var first = LabClusters.Generate(new LabGeneratorOptions { Nodes = 8, Vms = 100, Seed = 1 }).Snapshot();
        var second = LabClusters.Generate(new LabGeneratorOptions { Nodes = 8, Vms = 100, Seed = 2 }).Snapshot();

        Assert.NotEqual(first.Vms.Select(v => v.StartupMemoryMb), second.Vms.Select(v => v.StartupMemoryMb));
    }

    [Fact]
    public async Task Generate_HangingFraction_HangsThatManyNodesChosenBySeed()
    {
        var options = new LabGeneratorOptions { Nodes = 20, Vms = 40, Seed = 3, HangingFraction = 0.1 };

        var hung = await HungNodesAsync(LabClusters.Generate(options));

        Assert.Equal(2, hung.Count);
        Assert.Equal(hung, await HungNodesAsync(LabClusters.Generate(options)));
    }

    private static async Task<List<string>> HungNodesAsync(ILabCluster lab)
    {
        var snapshot = await LabClusters.CreateGateway(lab, TimeSpan.FromMilliseconds(100)).GetSnapshotAsync(CancellationToken.None);
        return snapshot.Unreachable.Select(n => n.Name).ToList();
    }

    private static async Task<(ClusterSnapshot After, ClusterActionResult Result)> StopHv01Async()
    {
        var lab = LabClusters.LoadDefault();
        var result = await LabClusters.CreateGateway(lab).StopClusterServiceAsync("HV01", allowQuorumLoss: false, Deadline.Far, CancellationToken.None);
        return (lab.Snapshot(), result);
    }

    private static IEnumerable<string> Placement(ClusterSnapshot snapshot) =>
        snapshot.Vms.Select(v => $"{v.Name}@{v.OwnerNode}:{v.GroupState}:{string.Join(',', v.Nics.SelectMany(n => n.Addresses))}");
}
