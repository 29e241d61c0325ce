using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Tests.Routing;

public sealed class DidYouMeanTests
{
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
