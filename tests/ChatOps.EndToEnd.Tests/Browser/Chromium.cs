using Microsoft.Playwright;

namespace ChatOps.EndToEnd.Tests.Browser;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, or <c>CHATOPS_CHROMIUM</c>), driven by Playwright;
/// never a downloaded browser. Tests that need it skip, with the reason, where it is missing;
/// <c>.ci/run</c> installs it. Screenshots go to <c>screenshots/</c> beside the test binaries.
/// </summary>
internal static class Chromium
{
    public static readonly string? Path = new[] { Environment.GetEnvironmentVariable("CHATOPS_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser" }
        .FirstOrDefault(File.Exists);

    public const string Missing = "Chromium is not installed (apt-get install -y chromium, or set CHATOPS_CHROMIUM); .ci/run installs it.";

    public static readonly string Screenshots = Directory.CreateDirectory(System.IO.Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Path, Headless = true, Args = ["--no-sandbox"] });

    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = System.IO.Path.Combine(Screenshots, name), FullPage = true });
}
