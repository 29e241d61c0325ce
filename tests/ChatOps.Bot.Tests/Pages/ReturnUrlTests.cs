using ChatOps.Bot.Pages;

namespace ChatOps.Bot.Tests.Pages;

/// <summary>The return URL after sign-in follows ASP.NET's <c>Url.IsLocalUrl</c>: a path on this service, nothing a browser reads as another host.</summary>
public sealed class ReturnUrlTests
{
    [Theory]
    [InlineData("/", "/")]
    [InlineData("/status", "/status")]
    [InlineData("/kb?q=APIPA&tag=high", "/kb?q=APIPA&tag=high")]
    [InlineData("/kb/vm-state-desync#fix", "/kb/vm-state-desync#fix")]
    [InlineData("/sweeps/a//b", "/sweeps/a//b")]
    [InlineData("//evil.example/x", "/")]
    [InlineData("///evil.example/x", "/")]
    [InlineData("/\\evil.example/x", "/")]
    [InlineData("\\\\evil.example\\x", "/")]
    [InlineData("\\/evil.example/x", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("javascript:alert(1)", "/")]
    [InlineData("evil.example/x", "/")]
    [InlineData("/\t/evil.example/x", "/")]
    [InlineData("/\r\n/evil.example/x", "/")]
    [InlineData("", "/")]
    [InlineData(null, "/")]
    public void LocalOrHome_ReturnUrl_KeepsOnlyLocalPaths(string? url, string expected) =>
        Assert.Equal(expected, ReturnUrl.LocalOrHome(url));
}
