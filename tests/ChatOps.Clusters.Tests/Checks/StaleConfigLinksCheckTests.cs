using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Tests.Builders;

namespace ChatOps.Clusters.Tests.Checks;

public sealed class StaleConfigLinksCheckTests
{
    private static readonly Guid Unknown = new("0d4c6a9e-3f51-4b7a-9c1e-5a2b7e8f9d10");

    private static readonly Dictionary<string, Func<SnapshotBuilder, SnapshotBuilder>> Scenarios = new()
    {
        ["healthy"] = b => b,
        ["link of a VM owned elsewhere"] = b => LinkOf(b, "N2", "N1-VM1"),
        ["link of an unknown VM"] = b => b.Inventory("N3", i => i with { ConfigLinks = [Unknown] }),
        ["both on different nodes"] = b => LinkOf(b, "N2", "N1-VM1").Inventory("N3", i => i with { ConfigLinks = [Unknown] }),
        ["stale node unreachable"] = b => LinkOf(b, "N2", "N1-VM1").Unreachable("N2"),
    };

    [Theory]
    [InlineData("healthy")]
    [InlineData("link of a VM owned elsewhere", "N2")]
    [InlineData("link of an unknown VM", "N3")]
    [InlineData("both on different nodes", "N2", "N3")]
    [InlineData("stale node unreachable")]
    public void Run_Scenario_ReportsNodesWithStaleLinks(string scenario, params string[] expected) =>
        CheckAssert.Subjects(CheckIds.StaleConfigLinks, Scenarios[scenario](SnapshotBuilder.Healthy()).Build(), KbIds.StaleVmConfigLinks, expected);

    [Fact]
    public void Run_LinkOfVmOwnedElsewhere_NamesTheVmAndItsOwner()
    {
        var snapshot = LinkOf(SnapshotBuilder.Healthy(), "N2", "N1-VM1").Build();

        var finding = Assert.Single(ClusterChecks.Find(CheckIds.StaleConfigLinks)!.Run(snapshot));

        Assert.Contains("N1-VM1, owned by N1", finding.Evidence, StringComparison.Ordinal);
        Assert.Equal(["N1-VM1"], finding.Vms);
    }

    private static SnapshotBuilder LinkOf(SnapshotBuilder builder, string node, string vm)
    {
        var id = builder.Build().FindVm(vm)!.Id;
        return builder.Inventory(node, i => i with { ConfigLinks = [id] });
    }
}
