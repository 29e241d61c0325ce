using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Tests.Routing;

public sealed class DidYouMeanTests
{
    [Theory]
    [InlineData("hlep", "help", 1)]
    [InlineData("help", "help", 0)]
    [InlineData("NODE3", "NODE4", 1)]
    [InlineData("clsuter", "cluster", 1)]
    [InlineData("", "abc", 3)]
    public void Distance_KnownPairs_MatchesOptimalAlignment(string a, string b, int expected) =>
        Assert.Equal(expected, DidYouMean.Distance(a, b));

    [Fact]
    public void Suggest_CaseInsensitive_ClosestFirst()
    {
        var suggestions = DidYouMean.Suggest("web0", ["WEB01", "WEB02", "SQL01", "web"]);

        Assert.Equal(["web", "WEB01", "WEB02"], suggestions);
    }

    [Fact]
    public void Suggest_NothingClose_ReturnsEmpty() =>
        Assert.Empty(DidYouMean.Suggest("zzzzzz", ["help", "cluster"]));
}
