using ChatOps.EndToEnd.Tests.Browser.WebChat;
using Microsoft.Playwright;
using static ChatOps.EndToEnd.Tests.Browser.WebChat.WebChatPage;

namespace ChatOps.EndToEnd.Tests.Browser;

/// <summary>
/// The service as a process, driven through the official Web Chat (what the Emulator and Direct
/// Line embeds use) in Debian's Chromium, over a local Direct Line: cards render, Confirm and
/// Cancel (Action.Submit there) decide and update their card in place, and a follow-up button runs
/// its command, and a double click on Confirm ends on the outcome. Skipped, with the reason, without Chromium or the Web Chat bundle; <c>.ci/run</c>
/// provides both. Screenshots are kept in <c>screenshots/</c> beside the test binaries.
/// </summary>
public sealed class WebChatBrowserTests
{
    [SkippableFact]
    public async Task WebChat_ConfirmKillClussvc_CancelKillVmwp_AndAFollowUpButton()
    {
        Skip.If(Chromium.Path is null, Chromium.Missing);
        var (bundle, problem) = WebChatBundle.Get();
        Skip.If(bundle is null, $"The Web Chat bundle is not available: {problem}.");
        var data = Directory.CreateTempSubdirectory("chatops-webchat-").FullName;
        using var service = await BotProcess.StartServiceAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ChatOps__Storage__Path"] = Path.Combine(data, "chatops.db"),
            ["ChatOps__Access__Admins__0"] = "directline:" + LocalDirectLine.UserId,
        });
        await using var directLine = await LocalDirectLine.StartAsync(new Uri(service.Client.BaseAddress!, "api/messages"), bundle!);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 900, Height = 1100 } });
        var console = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Console += (_, message) => console.Enqueue($"{message.Type}: {message.Text}");
        page.RequestFinished += (_, request) => console.Enqueue(request.Method == "GET" && request.Url.Contains("watermark", StringComparison.Ordinal) ? "." : $"{request.Method} {request.Url}");
        page.RequestFailed += (_, request) => console.Enqueue($"FAILED {request.Method} {request.Url} {request.Failure}");
        try
        {
            await page.GotoAsync(directLine.PageUrl);
            await WaitForTextAsync(page, "Hi Web User");

            // Confirm: the card's buttons are Action.Submit here; the result replaces the card.
            await SayAsync(page, "kill clussvc HV04");
            var confirm = CardButton(page, "Confirm");
            await confirm.Last.WaitForAsync();
            await Chromium.ShotAsync(page, "webchat-1-confirm-offered.png");
            await confirm.Last.ClickAsync();
            await WaitForTextAsync(page, "Confirmed by Web User at");
            await Chromium.ShotAsync(page, "webchat-2-confirmed.png");
            Assert.Equal(0, await confirm.CountAsync());

            await SayAsync(page, "node HV04");
            await WaitForTextAsync(page, "Node HV04");
            Assert.Contains("Down", await LastActivityTextAsync(page), StringComparison.Ordinal);
            await Chromium.ShotAsync(page, "webchat-3-node-down.png");

            // Cancel: nothing runs, and the card says who cancelled.
            await SayAsync(page, "kill vmwp web-01");
            var cancel = CardButton(page, "Cancel");
            await cancel.Last.WaitForAsync();
            await cancel.Last.ClickAsync();
            await WaitForTextAsync(page, "Cancelled by Web User; nothing was done.");
            Assert.Equal(0, await cancel.CountAsync());
            await Chromium.ShotAsync(page, "webchat-4-cancelled.png");

            // A double click on Confirm runs the action once, and the card ends on its outcome, not on "already used".
            await SayAsync(page, "flushdns HV05");
            var confirmDns = CardButton(page, "Confirm");
            await confirmDns.Last.WaitForAsync();
            var pressesBefore = Presses(directLine);
            await confirmDns.Last.DblClickAsync();
            await WaitForTextAsync(page, "Flushed the DNS cache on HV05");
            await Task.Delay(1500);
            Assert.Equal(pressesBefore + 2, Presses(directLine));
            var afterDoubleClick = await TranscriptAsync(page);
            Assert.DoesNotContain("already confirmed and used", afterDoubleClick, StringComparison.Ordinal);
            Assert.DoesNotContain("Someone decided", afterDoubleClick, StringComparison.Ordinal);
            Assert.Contains("Flushed the DNS cache on HV05", await LastActivityTextAsync(page), StringComparison.Ordinal);
            await Chromium.ShotAsync(page, "webchat-5-double-click.png");

            // A follow-up button posts its data, and the bot runs the command it carries.
            await SayAsync(page, "hlep");
            var run = CardButton(page, "Run help");
            await run.Last.WaitForAsync();
            await run.Last.ClickAsync();
            await WaitForTextAsync(page, "kb search");
            Assert.DoesNotContain("empty message", await TranscriptAsync(page), StringComparison.Ordinal);
            await Chromium.ShotAsync(page, "webchat-6-follow-up.png");
        }
        catch (Exception ex) when (ex is TimeoutException or PlaywrightException)
        {
            await Chromium.ShotAsync(page, "webchat-failed.png");
            console.Enqueue(await page.EvaluateAsync<string>("() => (document.querySelector('[data-id=webchat-sendbox-input]')?.closest('form') ?? document.body).outerHTML.slice(0, 3000)"));
            throw new InvalidOperationException($"Web Chat did not show what was expected. Transcript:\n{directLine.Transcript}\nBrowser:\n{string.Join('\n', console.TakeLast(60))}\nService:\n{service.Output}", ex);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>
    /// How many button presses (activities carrying a pending action's id) Web Chat has posted. The
    /// second click of a double click may land on Cancel, if the card moved under the pointer.
    /// </summary>
    private static int Presses(LocalDirectLine directLine) =>
        directLine.Transcript.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.Json.Nodes.JsonNode.Parse(line))
            .Count(a => a?["from"]?["role"]?.GetValue<string>() == "user" && a["value"]?["pendingId"] is not null);
}
