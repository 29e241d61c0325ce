using System.Net;
using System.Text.Json.Nodes;
using ChatOps.Knowledge;

namespace ChatOps.EndToEnd.Tests.Knowledge;

public sealed class KnowledgeEndToEndTests
{
    [Fact]
    public async Task KbSearch_ApipaAddress_DuplicateIpArticleFirst()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var reply = await host.AskAsync("kb search 169.254");

        var text = reply.VisibleText;
        Assert.Contains("1. Duplicate IP or APIPA address in VMs after failover", text, StringComparison.Ordinal);
        Assert.Contains("kb duplicate-ip-apipa-after-failover", text, StringComparison.Ordinal);
        Assert.Contains("/kb/duplicate-ip-apipa-after-failover", reply.Activity.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbArticle_ById_ShowsSectionsTableAndFullArticleLink()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var reply = await host.AskAsync("kb vm-state-desync");

        var json = reply.Activity.ToJsonString();
        Assert.Contains("Cluster and Hyper-V disagree on a VM's state", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Fix", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("\"Table\"", json, StringComparison.Ordinal);
        Assert.Contains("http://localhost:3978/kb/vm-state-desync", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbArticle_UnknownId_SaysDidYouMean()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var reply = await host.AskAsync("kb kill-clusvc-last-resort");

        Assert.Contains("Did you mean `kb kill-clussvc-last-resort`?", reply.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetKbPage_KnownId_ServesEncodedSelfContainedHtml()
    {
        await using var host = await ChatOpsHost.StartAsync();

        using var response = await host.Client.GetAsync(new Uri("/kb/vm-state-desync", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<title>Cluster and Hyper-V disagree on a VM&#39;s state · ChatOps</title>", html, StringComparison.Ordinal);
        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"http://localhost:3978/kb/kill-clussvc-last-resort\"", html, StringComparison.Ordinal);
        // One inline script (the copy buttons), allowed by its hash; nothing loaded from anywhere.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<script", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
        Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'sha256-", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetKbPage_UnknownId_Answers404WithEncodedIdAndSuggestions()
    {
        await using var host = await ChatOpsHost.StartAsync();

        using var response = await host.Client.GetAsync(new Uri("/kb/host-isolaton%3Cscript%3E", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("host-isolaton&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("http://localhost:3978/kb/host-isolation", html, StringComparison.Ordinal);
        // A way on from a dead end: the search box, with the id's words in it, and the way back to every runbook.
        Assert.Contains("role=\"search\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"host isolaton&lt;script&gt;\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"http://localhost:3978/kb\">← All runbooks</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetKbPage_KnownId_HasTheSearchBoxAndTheWayBack()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var html = await host.Client.GetStringAsync(new Uri("/kb/host-isolation", UriKind.Relative));

        Assert.Contains("role=\"search\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"http://localhost:3978/kb\">← All runbooks</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readyz_AfterStart_ListsTheKnowledgeCheckWithArticleCount()
    {
        await using var host = await ChatOpsHost.StartAsync();

        using var response = await host.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var knowledge = body["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "knowledge")!;
        Assert.Equal("Healthy", knowledge["status"]!.GetValue<string>());
        Assert.Equal("32 runbooks loaded", knowledge["description"]!.GetValue<string>());
        Assert.Equal(32, knowledge["data"]!["loaded"]!.GetValue<int>());
    }

    [Fact]
    public async Task Readyz_FolderWithABrokenArticle_StartsAndNamesTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("kb-e2e-").FullName;
        try
        {
            var kb = RunbookLinter.DefaultFolder()!;
            File.Copy(Path.Combine(kb, "host-isolation.md"), Path.Combine(folder, "host-isolation.md"));
            File.WriteAllText(Path.Combine(folder, "broken.md"), "---\nid: broken\ntitle: [oops\n---\n");
            File.WriteAllText(Path.Combine(folder, "host-isolation.md"), System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(Path.Combine(folder, "host-isolation.md")), @"related: \[[^\]]*\]", "related: []"));
            await using var host = await ChatOpsHost.StartAsync(new Dictionary<string, string?> { ["ChatOps:Knowledge:Path"] = folder, ["ChatOps:Knowledge:WatchForChanges"] = "false" });

            using var response = await host.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var knowledge = body["checks"]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "knowledge")!;
            Assert.Equal("Degraded", knowledge["status"]!.GetValue<string>());
            Assert.Equal(1, knowledge["data"]!["loaded"]!.GetValue<int>());
            Assert.Equal("broken.md", knowledge["data"]!["failed"]!.AsArray().Single()!.GetValue<string>());
            Assert.StartsWith("broken.md:3: invalid YAML", knowledge["data"]!["problems"]!.AsArray().Single()!.GetValue<string>(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

}
