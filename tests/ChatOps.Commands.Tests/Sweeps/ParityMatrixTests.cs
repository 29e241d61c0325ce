using ChatOps.Commands.Sweeps;

namespace ChatOps.Commands.Tests.Sweeps;

public sealed class ParityMatrixTests
{
    private static NodeSweep Node(string name, params (string Key, string Value)[] components) =>
        new(name, components.ToDictionary(c => c.Key, c => c.Value));

    [Fact]
    public void From_OneNodeDiffers_MarksItAsOutlierAgainstMajority()
    {
        var matrix = ParityMatrix.From(
        [
            Node("N1", ("driver:MPIO", "1.2"), ("bios", "2.1")),
            Node("N2", ("driver:MPIO", "1.2"), ("bios", "2.1")),
            Node("N3", ("driver:MPIO", "1.3"), ("bios", "2.1")),
        ]);

        var row = Assert.Single(matrix.OutlierRows);
        Assert.Equal("driver:MPIO", row.Component);
        Assert.Equal("1.2", row.Majority);
        Assert.Equal(["N3"], row.Outliers);
        Assert.Equal("driver:MPIO", matrix.Rows[0].Component);
    }

    [Fact]
    public void From_ComponentMissingOnOneNode_ShowsDashAsOutlier()
    {
        var matrix = ParityMatrix.From(
        [
            Node("N1", ("hotfix:KB970529", "installed")),
            Node("N2", ("hotfix:KB970529", "installed")),
            Node("N3"),
        ]);

        var row = Assert.Single(matrix.OutlierRows);
        Assert.Equal(ParityMatrix.Missing, row.Values["N3"]);
    }

    [Fact]
    public void From_UnreachableNode_ListedAndNotCounted()
    {
        var matrix = ParityMatrix.From(
        [
            Node("N1", ("bios", "2.1")),
            new NodeSweep("N2", new Dictionary<string, string>(), "timed out after 8 s"),
        ]);

        Assert.Equal(["N2"], matrix.Unreachable);
        Assert.Equal(["N1"], matrix.Nodes);
        Assert.Empty(matrix.OutlierRows);
    }
}
