using ChatOps.Knowledge.Search;

namespace ChatOps.Knowledge.Tests.Search;

public sealed class VocabularyTests
{
    [Theory]
    [InlineData("quorum", "quorum", 0)]
    [InlineData("qourum", "quorum", 1)]
    [InlineData("witnes", "witness", 1)]
    [InlineData("heartbaet", "heartbeat", 1)]
    [InlineData("failvoer", "failover", 1)]
    [InlineData("clustr", "cluster", 1)]
    [InlineData("migraton", "migration", 1)]
    [InlineData("node", "nude", 1)]
    [InlineData("abc", "xyz", 3)]
    public void Distance_Pairs_CountsEditsWithSwapsAsOne(string a, string b, int expected)
    {
        Assert.Equal(expected, Vocabulary.Distance(a, b, max: 3));
    }

    [Fact]
    public void Distance_BeyondMax_StopsAtMaxPlusOne()
    {
        Assert.Equal(2, Vocabulary.Distance("storage", "network", max: 1));
    }

    [Theory]
    [InlineData("quorum", true)]
    [InlineData("kb970529", false)]
    [InlineData("4096", false)]
    [InlineData("169", false)]
    [InlineData("", false)]
    public void IsWord_LettersOnly(string term, bool expected)
    {
        Assert.Equal(expected, Vocabulary.IsWord(term));
    }
}
