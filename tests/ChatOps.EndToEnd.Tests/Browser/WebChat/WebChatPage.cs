using Microsoft.Playwright;

namespace ChatOps.EndToEnd.Tests.Browser.WebChat;

/// <summary>What a person does on the Web Chat page: type into the send box, read the transcript, press a card's button.</summary>
internal static class WebChatPage
{
    public static async Task SayAsync(IPage page, string text)
    {
        var box = page.Locator("[data-id=webchat-sendbox-input]");
        await box.ClickAsync();
        await page.Keyboard.TypeAsync(text);
        await page.Keyboard.PressAsync("Enter");
        // Sent once the box is empty again.
        await page.WaitForFunctionAsync("() => document.querySelector('[data-id=webchat-sendbox-input]').value === ''");
    }

    /// <summary>A button of a rendered card (not the copy Web Chat keeps for screen readers).</summary>
    public static ILocator CardButton(IPage page, string title) =>
        page.Locator(".webchat__basic-transcript .ac-adaptiveCard").GetByRole(AriaRole.Button, new() { Name = title, Exact = true });

    public static async Task<string> TranscriptAsync(IPage page) => Readable(await page.EvaluateAsync<string>("() => document.querySelector('.webchat__basic-transcript')?.innerText ?? ''"));

    public static async Task<string> LastActivityTextAsync(IPage page) => Readable(await page.Locator(".webchat__basic-transcript__activity").Last.InnerTextAsync());

    /// <summary>The text as a person reads it: without the invisible word joiners, no-break spaces as spaces.</summary>
    public static string Readable(string text) => text.Replace("\u2060", string.Empty, StringComparison.Ordinal).Replace('\u00A0', ' ');

    public static async Task WaitForTextAsync(IPage page, string text)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!(await TranscriptAsync(page)).Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"'{text}' did not appear in Web Chat within 30 s.");
            }

            await Task.Delay(100);
        }
    }
}
