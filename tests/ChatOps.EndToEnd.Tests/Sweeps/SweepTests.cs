using System.Net;
using System.Text.RegularExpressions;
using ChatOps.Clusters.Lab;
using ChatOps.EndToEnd.Tests.Actions;
using ChatOps.EndToEnd.Tests.Builders;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ChatOps.EndToEnd.Tests.Sweeps;

public sealed class SweepTests
{
    private const string Channel = "19:ops-channel@thread.tacv2";

    [Fact]
    public async Task SweepNow_AsOperator_AnswersWithTheMatrixAndItsPage()
    {
        await using var host = await ActionHost.StartAsync();

        var reply = await host.AskAsAsync(TeamsUser.Lee, "sweep now");

        Assert.Contains("Parity sweep of HVC01: 6 component(s) differ", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("KB970529", reply.VisibleText, StringComparison.Ordinal);
        var path = Regex.Match(reply.Activity.ToJsonString(), "http://localhost:3978(/sweeps/[0-9a-zA-Z-]+)").Groups[1].Value;
        using var page = await host.Client.GetAsync(new Uri(path, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<td class=\"outlier\">missing</td>", html, StringComparison.Ordinal);
        Assert.Contains("Hotfix: KB970529", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SweepNow_AsReader_RefusedNamingTheRole()
    {
        await using var host = await ActionHost.StartAsync();

        var reply = await host.AskAsAsync(TeamsUser.Sam, "sweep now");

        Assert.Contains("operator", reply.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drift_AfterADriverChange_ShowsThatChange()
    {
        await using var host = await ActionHost.StartAsync();
        await host.AskAsAsync(TeamsUser.Lee, "sweep now");
        host.Lab().SetDriver("HV03", "NIC", "5.2.99.0");
        await host.AskAsAsync(TeamsUser.Lee, "sweep now");

        var reply = await host.AskAsync("drift since last");

        Assert.Contains("HV03", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("5.2.22.0 → HP NC382i DP Multifunction Gigabit 5.2.99.0", reply.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DriftSinceADate_ComparesWithTheLastSweepBeforeThatDay()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero));
        await using var host = await ActionHost.StartAsync(clock);
        await host.AskAsAsync(TeamsUser.Lee, "sweep now");
        host.Lab().SetDriver("HV03", "NIC", "5.2.99.0");
        clock.Advance(TimeSpan.FromDays(1));
        await host.AskAsAsync(TeamsUser.Lee, "sweep now");
        clock.Advance(TimeSpan.FromHours(1));
        await host.AskAsAsync(TeamsUser.Lee, "sweep now");

        var today = await host.AskAsync("drift since 2026-12-01");
        var beforeAny = await host.AskAsync("drift since 2026-11-30");

        Assert.Contains("5.2.22.0 → HP NC382i DP Multifunction Gigabit 5.2.99.0", today.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("Nothing changed", today.VisibleText, StringComparison.Ordinal);
        Assert.Contains("No sweep is stored from before 2026-11-30 00:00 UTC", beforeAny.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_MoreFindingsThanItShows_SaysHowManyMoreAndLinksTheFullList()
    {
        await using var host = await ActionHost.StartAsync(("ChatOps:Proactive:BaseDelay", "00:00:00.050"));
        await host.PostAsync(TeamsActivity.Message("subscribe summaries", host.Connector.ServiceUrl, Channel));
        await host.Connector.NextAsync();

        var answers = new[] { await host.AskAsAsync(TeamsUser.Lee, "summary now"), await host.Connector.NextAsync() };

        var post = Assert.Single(answers, a => a.ConversationId == Channel);
        Assert.Matches(@"\d+ more not shown here; the full parity matrix below lists every one\.", post.VisibleText);
        Assert.Contains("[Full parity matrix](http://localhost:3978/sweeps/", post.VisibleText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("drift", "No sweep has been stored yet")]
    [InlineData("drift since yesterday-ish", "No sweep has been stored yet")]
    public async Task Drift_WithoutSweeps_SaysSo(string text, string expected)
    {
        await using var host = await ActionHost.StartAsync();

        var reply = await host.AskAsync(text);

        Assert.Contains(expected, reply.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drift_BadDate_ExplainsTheFormat()
    {
        await using var host = await ActionHost.StartAsync();
        await host.AskAsAsync(TeamsUser.Lee, "sweep now");

        var reply = await host.AskAsync("drift since <script>");

        Assert.Contains("neither `last` nor a date", reply.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SweepPage_UnknownOrHostileId_404()
    {
        await using var host = await ActionHost.StartAsync();

        using var response = await host.Client.GetAsync(new Uri("/sweeps/..%2F..%2Fetc%2Fpasswd", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task SummaryJob_Triggered_PostsToTheSubscribedChannel()
    {
        await using var host = await ActionHost.StartAsync(("ChatOps:Proactive:BaseDelay", "00:00:00.050"));
        await host.PostAsync(TeamsActivity.Message("subscribe summaries", host.Connector.ServiceUrl, Channel));
        Assert.Contains("now receives summaries", (await host.Connector.NextAsync()).VisibleText, StringComparison.Ordinal);

        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(new JobKey("channel-summary"));
        var post = await host.Connector.NextAsync();

        Assert.Equal(Channel, post.ConversationId);
        Assert.Contains("HVC01 summary", post.VisibleText, StringComparison.Ordinal);
        Assert.Contains("losing HV01 leaves VMs down", post.VisibleText, StringComparison.Ordinal);
        Assert.Contains("/kb/failover-capacity-reserve", post.Activity.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummaryNow_SecondTime_ReportsOnlyWhatIsNew()
    {
        await using var host = await ActionHost.StartAsync(("ChatOps:Proactive:BaseDelay", "00:00:00.050"), ("ChatOps:Cluster:NodeTimeout", "00:00:00.300"));
        await host.PostAsync(TeamsActivity.Message("subscribe summaries", host.Connector.ServiceUrl, Channel));
        await host.Connector.NextAsync();
        await host.AskAsAsync(TeamsUser.Lee, "summary now");
        await host.Connector.NextAsync();
        host.Lab().InjectFault("HV05", LabFault.Hung);

        var answers = new[] { await host.AskAsAsync(TeamsUser.Lee, "summary now"), await host.Connector.NextAsync() };

        var post = Assert.Single(answers, a => a.ConversationId == Channel);
        var reply = Assert.Single(answers, a => a.ConversationId != Channel);
        Assert.Contains("Summary sent to 1 conversation(s)", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("5 of 6 answered", post.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Partial sweep, not clean", post.VisibleText, StringComparison.Ordinal);
    }
}
