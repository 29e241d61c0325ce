using System.Text;
using ChatOps.EndToEnd.Tests.Browser.WebChat;
using Microsoft.Playwright;
using static ChatOps.EndToEnd.Tests.Browser.WebChat.WebChatPage;

namespace ChatOps.EndToEnd.Tests.Browser;

/// <summary>
/// The cards an admin reads during an incident, in the official Web Chat in Chromium with the card
/// 480 px wide (Web Chat's own bubble) and 360 px wide (Teams on a phone): names, ids, dates, states
/// and numbers with their units never break inside, no two pieces of text overlap and none runs out
/// of the card, measured on the rendered boxes, in English and with Chinese runbook text and a VM
/// named in Chinese. One browser for every shot; screenshots land in <c>screenshots/narrow-*</c>.
/// </summary>
public sealed class NarrowCardsBrowserTests
{
    /// <summary>A VM of the default lab renamed in Chinese, so names outside ASCII are in every table.</summary>
    private const string ChineseVm = "财务-证书-01";

    private static readonly (string Name, string Command, string Shows)[] Cards =
    [
        ("nodes", "nodes", "Nodes of HVC01"),
        ("vms", "vms", "VMs of HVC01"),
        ("capacity", "capacity", "Capacity of HVC01"),
        ("diagnose", "diagnose", "Diagnose HVC01"),
        ("kill-preview", "kill clussvc HV04", "Only Web User can confirm"),
        ("audit", "audit", "kill clussvc HV04"),
        ("zh-kb-search", "kb search 虚拟机 状态 不同步", "Runbooks for"),
        ("zh-vm", "vm " + ChineseVm, "VM " + ChineseVm),
        ("zh-kill-vmwp", "kill vmwp " + ChineseVm, "Only Web User can confirm"),
    ];

    [SkippableFact]
    public async Task Cards_At480And360Px_NoWordBrokenNoTextOverlapping_EnglishAndChinese()
    {
        Skip.If(Chromium.Path is null, Chromium.Missing);
        var (bundle, problem) = WebChatBundle.Get();
        Skip.If(bundle is null, $"The Web Chat bundle is not available: {problem}.");
        var data = Directory.CreateTempSubdirectory("chatops-narrow-").FullName;
        var lab = Path.Combine(data, "lab.yaml");
        await File.WriteAllTextAsync(lab, LabFile.DefaultWithVmNamed("CA-01", ChineseVm));
        using var service = await BotProcess.StartServiceAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ChatOps__Storage__Path"] = Path.Combine(data, "chatops.db"),
            ["ChatOps__Cluster__LabFile"] = lab,
            ["ChatOps__Access__Admins__0"] = "directline:" + LocalDirectLine.UserId,
        });
        await using var directLine = await LocalDirectLine.StartAsync(new Uri(service.Client.BaseAddress!, "api/messages"), bundle!);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var problems = new StringBuilder();
        try
        {
            foreach (var width in new[] { 480, 360 })
            {
                var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width + 200, Height = 900 } });
                await page.GotoAsync(directLine.PageUrl);
                await WaitForTextAsync(page, "Hi Web User");
                await FitCardsToAsync(page, width);
                foreach (var (name, command, shows) in Cards)
                {
                    var card = await AskForCardAsync(page, command, shows);
                    var measured = await card.EvaluateAsync<double>("c => c.getBoundingClientRect().width");
                    Assert.InRange(measured, width - 4, width + 4);
                    if (name == "diagnose" && width == 480)
                    {
                        // One screen: the summary with its buttons, the evidence folded away.
                        Assert.InRange(await card.EvaluateAsync<double>("c => c.getBoundingClientRect().height"), 0, 900);
                    }

                    await card.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Chromium.Screenshots, $"narrow-{width}-{name}.png") });
                    foreach (var found in await card.EvaluateAsync<string[]>(Measure))
                    {
                        problems.AppendLine($"{width} px, {command}: {found}");
                    }
                }

                await page.CloseAsync();
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }

        Assert.True(problems.Length == 0, problems.ToString());
    }

    /// <summary>Narrows the page until Web Chat's card is the width asked for (its bubble has margins and an avatar gap of its own).</summary>
    private static async Task FitCardsToAsync(IPage page, int width)
    {
        var card = await AskForCardAsync(page, "whoami", "Role");
        for (var i = 0; i < 4; i++)
        {
            var measured = await card.EvaluateAsync<double>("c => c.getBoundingClientRect().width");
            if (Math.Abs(measured - width) <= 2)
            {
                return;
            }

            var viewport = page.ViewportSize!;
            await page.SetViewportSizeAsync(viewport.Width + (int)Math.Round(width - measured), viewport.Height);
            await Task.Delay(200);
        }
    }

    /// <summary>Sends a command and returns the newest card once it shows the text expected.</summary>
    private static async Task<ILocator> AskForCardAsync(IPage page, string command, string shows)
    {
        var cards = page.Locator(".webchat__basic-transcript .ac-adaptiveCard");
        var before = await cards.CountAsync();
        await SayAsync(page, command);
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await cards.CountAsync() <= before || !Readable(await cards.Last.InnerTextAsync()).Contains(shows, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"No card showing '{shows}' came for '{command}' within 30 s.");
            }

            await Task.Delay(100);
        }

        await cards.Last.ScrollIntoViewIfNeededAsync();
        return cards.Last;
    }

    /// <summary>
    /// Measured on the rendered text: each word that must not break (a name, id, date, state, number with
    /// its unit: letters and digits with the dots, colons, slashes and hyphens inside them) lies on one
    /// line, and so does a hyphenated name in Chinese (财务-证书-01); no two text runs overlap; none runs
    /// past the card's edges. Chinese prose may break between characters.
    /// </summary>
    private const string Measure = """
        card => {
          const problems = [];
          const edge = card.getBoundingClientRect();
          const words = /[A-Za-z0-9][A-Za-z0-9.:\/_\u2060-]*[A-Za-z0-9%]|\d+[ \u00A0](?:GB|MB|TB|ms|min|s)\b|[\p{L}\p{N}\u2060]+(?:-\u2060?[\p{L}\p{N}\u2060]+)+/gu;
          const pieces = [];
          const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent;
            if (!text.trim()) continue;
            for (const m of text.matchAll(words)) {
              const range = document.createRange();
              range.setStart(node, m.index);
              range.setEnd(node, m.index + m[0].length);
              const tops = new Set([...range.getClientRects()].filter(r => r.width > 0.5).map(r => Math.round(r.bottom)));
              if (tops.size > 1) problems.push(`"${m[0]}" breaks inside (${tops.size} lines)`);
            }
            const whole = document.createRange();
            whole.selectNodeContents(node);
            for (const r of whole.getClientRects()) {
              if (r.width < 0.5 || r.height < 0.5) continue;
              pieces.push({ node, r, text: text.trim().slice(0, 24) });
              if (r.right > edge.right + 1 || r.left < edge.left - 1) problems.push(`"${text.trim().slice(0, 24)}" runs out of the card`);
            }
          }
          for (let i = 0; i < pieces.length; i++) {
            for (let j = i + 1; j < pieces.length; j++) {
              const a = pieces[i], b = pieces[j];
              if (a.node === b.node) continue;
              const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
              const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
              if (w > 1 && h > 1) problems.push(`"${a.text}" overlaps "${b.text}"`);
            }
          }
          return [...new Set(problems)];
        }
        """;
}
