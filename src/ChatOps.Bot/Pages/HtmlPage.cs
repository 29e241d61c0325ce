using System.Net;

namespace ChatOps.Bot.Pages;

/// <summary>The frame of every page the service serves: a small readable stylesheet, no external assets.</summary>
internal static class HtmlPage
{
    private const string Style = """
        body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
        h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; } h3 { font-size: 1.05rem; }
        code, pre { font-family: ui-monospace, Consolas, monospace; background: #f6f8fa; border-radius: 4px; }
        code { padding: 0 .25rem; } pre { padding: .75rem; overflow-x: auto; }
        table { border-collapse: collapse; margin: 1rem 0; font-size: 14px; }
        th, td { border: 1px solid #d0d7de; padding: .3rem .6rem; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; } .outlier { background: #ffebe9; font-weight: 600; } .muted { color: #656d76; }
        .wide { overflow-x: auto; } a { color: #0969da; }
        form[role=search] { margin: 1rem 0; } input[type=search] { width: min(36rem, 80%); font: inherit; padding: .35rem .5rem; }
        .ok { color: #1a7f37; } .warning { background: #fff8c5; } .attention { color: #cf222e; font-weight: 600; }
        table.facts th { width: 10rem; }
        .results li { margin: .6rem 0; } mark { background: #fff8c5; padding: 0 .1rem; }
        button.copy { display: block; margin: .3rem 0 -.6rem auto; font-size: 12px; }
        @media (prefers-color-scheme: dark) {
          body { background: #0d1117; color: #e6edf3; } a { color: #4493f8; } .muted { color: #9198a1; }
          code, pre, th { background: #161b22; } th, td { border-color: #30363d; } .outlier { background: #5d1f1f; }
          .ok { color: #3fb950; } .warning { background: #4b3c00; } .attention { color: #ff7b72; }
          mark { background: #6e5a00; color: #e6edf3; } input, button { background: #161b22; color: #e6edf3; border: 1px solid #30363d; }
        }
        @media print { form[role=search], button.copy { display: none; } a { color: inherit; } body { max-width: none; } }
        """;

    /// <summary>
    /// Puts a Copy button before each code block; the page works without it. The only script a
    /// page may run, allowed by its hash in <see cref="ContentSecurityPolicy"/>.
    /// </summary>
    private const string CopyScript =
        "document.querySelectorAll('pre').forEach(function(pre){var b=document.createElement('button');b.type='button';b.className='copy';" +
        "b.textContent='Copy';b.addEventListener('click',function(){navigator.clipboard.writeText(pre.innerText).then(function(){" +
        "b.textContent='Copied';setTimeout(function(){b.textContent='Copy';},1500);});});pre.parentNode.insertBefore(b,pre);});";

    /// <summary>Allows the inline stylesheet and the copy script (by its hash), nothing else: no other script, no remote content.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(CopyScript)))}'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>The script element that adds Copy buttons to a page's code blocks.</summary>
    public static string CopyButtons => $"<script>{CopyScript}</script>";

    /// <summary>A page as the answer: only the inline stylesheet (and the copy script) may load, and the browser must not guess types.</summary>
    public static IResult Content(HttpResponse response, string html, int statusCode = StatusCodes.Status200OK)
    {
        Secure(response);
        return Results.Content(html, "text/html; charset=utf-8", statusCode: statusCode);
    }

    /// <summary>The methods a page answers: HEAD as GET (the server sends the headers only).</summary>
    public static readonly string[] GetOrHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>
    /// The headers every page carries: no other origin may frame it, and no link on it tells the next
    /// site where the reader came from (a sweep page's address is its only key).
    /// </summary>
    public static void Secure(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    /// <summary>A complete HTML document; <paramref name="title"/> is encoded, <paramref name="body"/> is trusted HTML.</summary>
    public static string Render(string title, string body) =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{WebUtility.HtmlEncode(title)} · ChatOps</title><style>{Style}</style></head>
        <body>
        {body}
        </body>
        </html>
        """;

    /// <summary>Shorthand for encoding text into HTML.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
}
