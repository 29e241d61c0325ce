using ChatOps.Clusters.Lab;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Planning;
using ChatOps.Clusters.Tests.Builders;

namespace ChatOps.Clusters.Tests.Planning;

public sealed class FailoverPlannerTests
{
    private readonly ClusterSnapshot _lab = LabClusters.LoadDefault().Snapshot();

    [Fact]
    public void Plan_LoseHv01_RestartsByPriorityThenSize()
    {
        var plan = FailoverPlanner.Plan(_lab, ["HV01"]);

        var order = plan.Placements.Select(p => (p.Priority, -p.MemoryMb)).ToList();
        Assert.Equal(order.Order(), order);
        Assert.Equal(["ERP-05", "DC-01"], plan.Placements.Take(2).Select(p => p.Vm));
    }

    [Fact]
    public void Plan_LoseHv01_NeverTargetsThePausedOrFailedNodeNorOverfillsOne()
    {
        var plan = FailoverPlanner.Plan(_lab, ["HV01"]);

        Assert.Equal(["HV02", "HV04", "HV05", "HV06"], plan.Targets);
        foreach (var target in plan.Placements.GroupBy(p => p.To))
        {
            Assert.True(target.Sum(p => p.MemoryMb) <= _lab.FindNode(target.Key)!.Inventory!.MemoryFreeMb, $"{target.Key} over-committed");
        }
    }

    [Fact]
    public void Plan_LoseHv01_LargestVmStaysDownWithTheReason()
    {
        var plan = FailoverPlanner.Plan(_lab, ["HV01"]);

        var down = Assert.Single(plan.StaysDown);
        Assert.Equal("SQL-01", down.Vm);
        Assert.Equal("needs 64 GB; the most free memory left on a candidate is 62 GB on HV06", down.Reason);
        Assert.Equal(["TEST-01"], plan.NotRestarted);
    }

    [Fact]
    public void Plan_LoseHv02_PreferredOwnerWithoutRoomIsSkippedForTheNodeWithMostFree()
    {
        var plan = FailoverPlanner.Plan(_lab, ["HV02"]);

        Assert.Equal("HV06", plan.Placements.Single(p => p.Vm == "EX-01").To);
    }

    [Fact]
    public void Plan_PreferredOwnerWithRoom_IsChosenOverTheNodeWithMostFree()
    {
        var snapshot = SnapshotBuilder.Healthy()
            .Inventory("N2", i => i with { MemoryFreeMb = 8192 })
            .WithVm("N1-VM1", v => v with { PreferredOwners = ["N1", "N2"] })
            .Build();

        var plan = FailoverPlanner.Plan(snapshot, ["N1"]);

        Assert.Equal("N2", plan.Placements.Single(p => p.Vm == "N1-VM1").To);
        Assert.Equal("N3", plan.Placements.Single(p => p.Vm == "N1-VM2").To);
    }

    [Fact]
    public void Plan_LoseHv04_VmOnADiskTheTargetCannotSeeAvoidsIt()
    {
        var plan = FailoverPlanner.Plan(_lab, ["HV04"]);

        Assert.NotEqual("HV06", plan.Placements.Single(p => p.Vm == "LEGACY-DB").To);
        Assert.Contains("no longer exists", plan.StaysDown.Single(d => d.Vm == "RPT-02").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_LoseEveryUpNode_EverythingStaysDownBecauseNoNodeIsUp()
    {
        var plan = FailoverPlanner.Plan(_lab, ["HV01", "HV02", "HV04", "HV05", "HV06"]);

        Assert.Empty(plan.Placements);
        Assert.All(plan.StaysDown.Where(d => !d.Reason.Contains("no longer exists", StringComparison.Ordinal)),
            d => Assert.Equal("no node is Up to take it", d.Reason));
    }

    [Fact]
    public void PlanVm_DesyncedVm_RestartsOnAnotherNode()
    {
        var plan = FailoverPlanner.PlanVm(_lab, _lab.FindVm("APP-07")!, "HV01");

        var placement = Assert.Single(plan.Placements);
        Assert.NotEqual("HV01", placement.To);
        Assert.Empty(plan.FailedNodes);
    }

    [Fact]
    public void PlanEach_EveryNode_SameAnswersAsPlanOnePerNode()
    {
        var generated = LabClusters.Generate(new LabGeneratorOptions { Nodes = 12, Vms = 400, Seed = 5 }).Snapshot();
        foreach (var snapshot in new[] { _lab, generated })
        {
            var names = snapshot.Nodes.Select(n => n.Name).ToList();

            var each = FailoverPlanner.PlanEach(snapshot, names);

            foreach (var (name, plan) in names.Zip(each))
            {
                var single = FailoverPlanner.Plan(snapshot, [name]);
                Assert.Equal(single.Placements, plan.Placements);
                Assert.Equal(single.StaysDown, plan.StaysDown);
                Assert.Equal(single.NotRestarted, plan.NotRestarted);
                Assert.Equal(single.Targets, plan.Targets);
            }
        }
    }
}
