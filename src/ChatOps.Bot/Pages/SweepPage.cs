using System.Text;
using System.Text.RegularExpressions;
using ChatOps.Clusters.Checks.Parity;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Sweeps;

namespace ChatOps.Bot.Pages;

/// <summary><c>GET /sweeps/{id}</c>: the whole parity matrix of a stored sweep, every row and node (signed-in readers only, when <see cref="WebOptions"/> says so).</summary>
internal static partial class SweepPage
{
    public static IEndpointRouteBuilder MapSweepPages(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/sweeps/{id}", HtmlPage.GetOrHead, async (string id, ISweepHistory history, Links links, HttpResponse response, CancellationToken ct) =>
        {
            var sweep = SweepId().IsMatch(id) ? await history.GetAsync(id, ct) : null;
            return sweep is null
                ? HtmlPage.Content(response, HtmlPage.Render("Sweep not found", $"<h1>Sweep not found</h1><p>No stored sweep has the id <code>{HtmlPage.Encode(Echo.Safe(id))}</code>. Sweeps are kept for <code>ChatOps:Sweep:KeepDays</code> days.</p>"), StatusCodes.Status404NotFound)
                : HtmlPage.Content(response, Render(sweep, links));
        }).SignedIn(app.ServiceProvider);
        return app;
    }

    public static string Render(SweepRecord sweep, Links links)
    {
        var nodes = sweep.Nodes.Where(n => n.Reachable).Select(n => n.Node).ToList();
        var html = new StringBuilder();
        html.Append($"<h1>Parity sweep of {HtmlPage.Encode(sweep.Cluster)}</h1>");
        html.Append($"<p class=\"muted\">{sweep.Time:yyyy-MM-dd HH:mm:ss} UTC · {nodes.Count} of {sweep.Nodes.Count} nodes answered · {sweep.Rows.Count(r => r.HasOutliers)} of {sweep.Rows.Count} components differ · id <code>{HtmlPage.Encode(sweep.Id)}</code></p>");
        if (sweep.Partial)
        {
            html.Append("<p class=\"outlier\">Partial sweep, not clean. Did not answer: ")
                .AppendJoin(", ", sweep.Nodes.Where(n => !n.Reachable).Select(n => $"{HtmlPage.Encode(n.Node)} ({HtmlPage.Encode(n.Failure)})"))
                .Append("</p>");
        }

        html.Append("<div class=\"wide\"><table><thead><tr><th>Component</th><th>Majority</th>");
        html.AppendJoin(string.Empty, nodes.Select(n => $"<th>{HtmlPage.Encode(n)}</th>"));
        html.Append("</tr></thead><tbody>");
        foreach (var row in sweep.Rows)
        {
            html.Append($"<tr><td>{HtmlPage.Encode($"{row.Category}: {row.Component}")}</td><td>{HtmlPage.Encode(row.Majority ?? "no majority")}</td>");
            html.AppendJoin(string.Empty, nodes.Select(n => Cell(row, n)));
            html.Append("</tr>");
        }

        html.Append("</tbody></table></div><h2>Findings</h2>");
        html.Append(sweep.Findings.Count == 0 ? "<p>None.</p>" : "<ul>");
        foreach (var finding in sweep.Findings)
        {
            var runbook = links.Runbook(finding.KbId);
            html.Append($"<li><strong>{HtmlPage.Encode(finding.Severity)}</strong> {HtmlPage.Encode(finding.Evidence)} <a href=\"{HtmlPage.Encode(runbook.Url)}\">{HtmlPage.Encode(finding.KbId)}</a></li>");
        }

        html.Append(sweep.Findings.Count == 0 ? string.Empty : "</ul>");
        return HtmlPage.Render($"Sweep {sweep.Id}", html.ToString());
    }

    private static string Cell(ParityRow row, string node)
    {
        var value = HtmlPage.Encode(row.Values.GetValueOrDefault(node, ParityRow.None));
        return row.Outliers.Contains(node, StringComparer.OrdinalIgnoreCase) ? $"<td class=\"outlier\">{value}</td>" : $"<td>{value}</td>";
    }

    [GeneratedRegex("^[0-9A-Za-z-]{1,64}$")]
    private static partial Regex SweepId();
}
