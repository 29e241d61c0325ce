namespace ChatOps.Knowledge.Tests;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("help", "help", 0)]
    [InlineData("hlep", "help", 1)]
    [InlineData("NODE3", "NODE4", 1)]
    [InlineData("clsuter", "cluster", 1)]
    [InlineData("qourum", "quorum", 1)]
    [InlineData("witnes", "witness", 1)]
    [InlineData("heartbaet", "heartbeat", 1)]
    [InlineData("migraton", "migration", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "xyz", 3)]
    [InlineData("ca", "abc", 3)]
    public void Between_Pairs_CountsEditsWithSwapsAsOne(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Between(a, b));
        Assert.Equal(expected, EditDistance.Between(b, a));
    }

    [Theory]
    [InlineData("storage", "network", 1)]
    [InlineData("failover", "fail", 2)]
    public void Between_BeyondMax_StopsAtMaxPlusOne(string a, string b, int max)
    {
        Assert.Equal(max + 1, EditDistance.Between(a, b, max));
    }
}
