using ChatOps.Bot.Tests.Storage;
using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Lab;
using ChatOps.EndToEnd.Tests.Actions;
using ChatOps.EndToEnd.Tests.Fakes;

namespace ChatOps.EndToEnd.Tests.HighAvailability;

/// <summary>The state database goes away in the middle of an action: what the action came to is never lost.</summary>
public sealed class DatabaseOutageTests
{
    [SkippableFact]
    public async Task DatabaseRefusesMidKill_ThePresserIsToldItRan_TheOutcomeIsKeptAndWrittenAsExecutedOnceItAnswers()
    {
        Skip.If(PostgresServer.Instance is null, PostgresServer.Missing);
        var (proxy, connectionString) = DatabaseProxy.Start(await PostgresServer.Instance!.CreateDatabaseAsync());
        await using var _ = proxy;
        await using var host = await ChatOpsHost.StartAsync(ActionHost.Settings(
            ("ChatOps:Storage:Provider", "PostgreSql"),
            ("ChatOps:Storage:ConnectionString", connectionString),
            ("ChatOps:Actions:WatchEvery", "00:00:01")));
        host.Lab().InjectFault("HV04", new LabFault(ActionLatency: TimeSpan.FromSeconds(3)));
        var card = await host.AskAsync("kill clussvc HV04");

        // Confirmed; a second into the 3 s kill the database goes away, and stays away past its end.
        var pressed = host.PressAsync(card);
        await Task.Delay(TimeSpan.FromSeconds(1));
        proxy.Refuse();
        var result = await host.Connector.NextWithTextAsync("kept on this server");
        Assert.Contains("Stopped the cluster service on HV04", result.VisibleText, StringComparison.Ordinal);
        Assert.Equal(1, host.Lab().ActionCount(ClusterAction.StopClusterService));
        await pressed;

        // Back: the watch writes the kept outcome; the audit has it, once, as Executed.
        proxy.Accept();
        var audit = string.Empty;
        for (var i = 0; i < 60 && !audit.Contains("Executed", StringComparison.Ordinal); i++)
        {
            await Task.Delay(500);
            audit = (await host.AskAsync("audit")).VisibleText;
        }

        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(audit, "Executed"));
        Assert.DoesNotContain("Interrupted", audit, StringComparison.Ordinal);
        Assert.Contains("HV04", (await host.AskAsync("node HV04")).VisibleText, StringComparison.Ordinal);
    }
}
