using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Lab;
using ChatOps.Commands.Actions;
using ChatOps.EndToEnd.Tests.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.EndToEnd.Tests.Actions;

/// <summary>A confirmed action belongs to the service, not to the HTTP request that confirmed it.</summary>
public sealed class ActionLifetimeTests
{
    [Fact]
    public async Task Confirm_RequestAbandonedMidAction_ActionFinishesAndItsOutcomeIsRecorded()
    {
        await using var host = await ActionHost.StartAsync();
        var card = await host.AskAsync("kill clussvc HV04");
        var (pendingId, nonce) = card.Confirmation!.Value;
        host.Lab().InjectFault("HV04", LabFault.Slow(TimeSpan.FromSeconds(1.5)));
        using var gaveUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        using var content = new StringContent(TeamsActivity.Execute("confirm", pendingId, nonce, host.Connector.ServiceUrl).ToJson(), System.Text.Encoding.UTF8, "application/json");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content, gaveUp.Token));
        var audit = host.Services.GetRequiredService<IAuditLog>();
        var executed = await WaitForAsync(async () => (await audit.LatestAsync(20, CancellationToken.None)).FirstOrDefault(r => r.Decision == AuditDecision.Executed), TimeSpan.FromSeconds(10));

        Assert.NotNull(executed);
        Assert.Contains("Stopped the cluster service on HV04", executed!.Outcome, StringComparison.Ordinal);
        Assert.Equal(1, host.Lab().ActionCount(ClusterAction.StopClusterService));
        Assert.Equal(PendingActionState.Done, (await host.Services.GetRequiredService<IPendingActions>().GetAsync(pendingId, CancellationToken.None))!.State);
    }

    private static async Task<T?> WaitForAsync<T>(Func<Task<T?>> probe, TimeSpan limit)
        where T : class
    {
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        return null;
    }
}
