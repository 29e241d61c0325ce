using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ChatOps.EndToEnd.Tests.Browser;

/// <summary>
/// The web knowledge base in a real Chromium (Debian's <c>/usr/bin/chromium</c>, driven by
/// Playwright; never a downloaded browser), against the service started as a process. Skipped,
/// with the reason, where Chromium is not installed; <c>.ci/run</c> installs it, so CI runs it.
/// Screenshots are kept in <c>screenshots/</c> beside the test binaries.
/// </summary>
public sealed class KnowledgeBaseBrowserTests
{
    [SkippableFact]
    public async Task SearchBox_Apipa_FirstResultIsTheApipaRunbookAndItOpens()
    {
        await using var session = await SessionAsync();
        var page = session.Page;

        await page.GotoAsync(session.Url("/"));
        await page.FillAsync("input[name=q]", "APIPA");
        await page.PressAsync("input[name=q]", "Enter");
        await ArrivesAsync(page, @"/kb\?q=APIPA$");
        await Chromium.ShotAsync(page, "kb-search-apipa.png");
        var first = page.Locator("ol.results li a").First;
        Assert.Contains("/kb/duplicate-ip-apipa-after-failover", await first.GetAttributeAsync("href"), StringComparison.Ordinal);

        await first.ClickAsync();
        await ArrivesAsync(page, "/kb/duplicate-ip-apipa-after-failover$");
        Assert.Contains("APIPA", await page.Locator("h1").First.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await Chromium.ShotAsync(page, "kb-article-apipa.png");
    }

    [SkippableFact]
    public async Task Article_CopyButtonCopiesTheCodeBlock_AndARelatedLinkOpens()
    {
        await using var session = await SessionAsync();
        var page = session.Page;
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        await page.GotoAsync(session.Url("/kb/kill-clussvc-last-resort"));
        var code = await page.Locator("pre").First.InnerTextAsync();
        await page.Locator("button.copy").First.ClickAsync();
        await page.Locator("button.copy", new PageLocatorOptions { HasText = "Copied" }).First.WaitForAsync();
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        await Chromium.ShotAsync(page, "kb-article-copy.png");

        Assert.Equal(code, copied);
        Assert.Empty(errors);
        await page.Locator("ul.related a").First.ClickAsync();
        await ArrivesAsync(page, "/kb/(?!kill-clussvc-last-resort$)[a-z0-9-]+$");
        Assert.DoesNotContain("/kb/kill-clussvc-last-resort", page.Url, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ChineseQuery_FindsTheQuorumRunbook_AndAnUnknownPageSearches()
    {
        await using var session = await SessionAsync();
        var page = session.Page;

        await page.GotoAsync(session.Url("/kb?q=" + Uri.EscapeDataString("仲裁")));
        var hrefs = await page.Locator("ol.results li a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Contains(hrefs.Take(3), h => h.EndsWith("/kb/quorum-configuration", StringComparison.Ordinal));
        await Chromium.ShotAsync(page, "kb-search-zh.png");

        var missing = await page.GotoAsync(session.Url("/stale-config-links"));

        Assert.Equal(404, missing!.Status);
        Assert.Contains("/kb/stale-vm-config-links", await page.Locator("ol.results li a").First.GetAttributeAsync("href"), StringComparison.Ordinal);
        await Chromium.ShotAsync(page, "kb-404-search.png");
    }

    /// <summary>
    /// Waits until the page is at an address matching <paramref name="pattern"/>, then until it has loaded.
    /// The address is polled: a wait for a navigation event, started after the click, misses a navigation
    /// that commits in between and then waits for another that never comes.
    /// </summary>
    private static async Task ArrivesAsync(IPage page, string pattern)
    {
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(pattern), new PageAssertionsToHaveURLOptions { Timeout = 30_000 });
        await page.WaitForLoadStateAsync();
    }

    private static async Task<Session> SessionAsync()
    {
        Skip.If(Chromium.Path is null, Chromium.Missing);
        var data = Directory.CreateTempSubdirectory("chatops-browser-").FullName;
        var url = $"http://127.0.0.1:{BotProcess.FreePort()}";
        var service = await BotProcess.StartServiceAsync(
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ChatOps__Storage__Path"] = Path.Combine(data, "chatops.db"),
                ["ChatOps__Links__PublicUrl"] = url + "/",
            },
            url);
        var playwright = await Playwright.CreateAsync();
        var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        return new Session(service, playwright, browser, page, data);
    }

    private sealed class Session(RunningService service, IPlaywright playwright, IBrowser browser, IPage page, string data) : IAsyncDisposable
    {
        public IPage Page => page;

        public string Url(string path) => new Uri(service.Client.BaseAddress!, path).ToString();

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            service.Dispose();
            Directory.Delete(data, recursive: true);
        }
    }
}
