using System.Net;
using System.Text.RegularExpressions;

namespace ChatOps.EndToEnd.Tests.Knowledge;

/// <summary>The web knowledge base over HTTP: home, the list, search, and the 404 page that searches.</summary>
public sealed partial class KnowledgeBasePagesTests
{
    [Fact]
    public async Task Search_Apipa_ListsTheApipaRunbookFirstWithTheMatchHighlighted()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var (status, html) = await GetAsync(host, "/kb?q=APIPA");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("http://localhost:3978/kb/duplicate-ip-apipa-after-failover", ResultLinks(html)[0]);
        Assert.Contains("<mark>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"APIPA\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Chinese_FindsTheQuorumRunbook()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var (_, html) = await GetAsync(host, "/kb?q=" + Uri.EscapeDataString("仲裁"));

        Assert.Contains("http://localhost:3978/kb/quorum-configuration", ResultLinks(html).Take(3));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"(*:[")]
    public async Task Search_HostileQuery_EncodedAndNeverAnError(string query)
    {
        await using var host = await ChatOpsHost.StartAsync();

        var (status, html) = await GetAsync(host, "/kb?q=" + Uri.EscapeDataString(query));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_EveryRunbookGroupedBySeverityAndFilterableByTag()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var (_, all) = await GetAsync(host, "/kb");
        var (_, critical) = await GetAsync(host, "/kb?tag=critical");

        Assert.Contains("<h2>Critical (", all, StringComparison.Ordinal);
        Assert.Contains("/kb/vm-state-desync", all, StringComparison.Ordinal);
        Assert.True(RunbookLinks(critical).Count < RunbookLinks(all).Count);
        Assert.DoesNotContain("<h2>Low", critical, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_SaysWhatItIsAndLinksTheKnowledgeBase()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var (status, html) = await GetAsync(host, "/");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("href=\"http://localhost:3978/kb\"", html, StringComparison.Ordinal);
        Assert.Contains("role=\"search\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_404ThatSearchesForWhatWasTyped()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var (status, html) = await GetAsync(host, "/stale-config-links");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.StartsWith("http://localhost:3978/kb/stale-vm-config-links", ResultLinks(html)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SamePage_Again_304WithItsETag()
    {
        await using var host = await ChatOpsHost.StartAsync();
        using var first = await host.Client.GetAsync(new Uri("/kb?q=quorum", UriKind.Relative));
        var etag = first.Headers.ETag!;

        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/kb?q=quorum", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(etag);
        using var response = await host.Client.SendAsync(again);
        using var other = new HttpRequestMessage(HttpMethod.Get, new Uri("/kb?q=apipa", UriKind.Relative));
        other.Headers.IfNoneMatch.Add(etag);
        using var otherResponse = await host.Client.SendAsync(other);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherResponse.StatusCode);
        Assert.StartsWith("default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-", first.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_SaysWhatToRunInTeamsAndLinksItsRelatedRunbooks()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var (_, html) = await GetAsync(host, "/kb/vm-state-desync");

        Assert.Contains("<h2>In Teams</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<code>kill vmwp &lt;vm&gt;</code>", html, StringComparison.Ordinal);
        Assert.Contains("<code>diagnose</code>", html, StringComparison.Ordinal);
        Assert.Contains("<ul class=\"related\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"http://localhost:3978/kb/kill-clussvc-last-resort\"", html, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(ChatOpsHost host, string path)
    {
        using var response = await host.Client.GetAsync(new Uri(path, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static List<string> ResultLinks(string html) =>
        ResultLink().Matches(html.Split("<ol class=\"results\">").ElementAtOrDefault(1) ?? string.Empty).Select(m => m.Groups[1].Value).ToList();

    private static List<string> RunbookLinks(string html) => RunbookLink().Matches(html).Select(m => m.Groups[1].Value).Distinct().ToList();

    [GeneratedRegex("<li><a href=\"([^\"]+)\">")]
    private static partial Regex ResultLink();

    [GeneratedRegex("href=\"(http://localhost:3978/kb/[^\"?]+)\"")]
    private static partial Regex RunbookLink();
}
