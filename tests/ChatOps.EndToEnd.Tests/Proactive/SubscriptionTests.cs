using ChatOps.Commands.Replies;
using ChatOps.Commands.Subscriptions;
using ChatOps.EndToEnd.Tests.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.EndToEnd.Tests.Proactive;

public sealed class SubscriptionTests
{
    private const string Channel = "19:ops-channel@thread.tacv2";

    private static Task<ChatOpsHost> StartAsOperatorAsync() => ChatOpsHost.StartAsync(new Dictionary<string, string?>
    {
        ["ChatOps:Access:Operators:0"] = "11111111-2222-3333-4444-555555555555",
        ["ChatOps:Proactive:BaseDelay"] = "00:00:00.050",
    });

    private static async Task SubscribeAsync(ChatOpsHost host, string conversation = Channel)
    {
        await host.PostAsync(TeamsActivity.Message("subscribe summaries", host.Connector.ServiceUrl, conversation));
        var reply = await host.Connector.NextAsync();
        Assert.Contains("now receives summaries", reply.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_ToSubscribedChannel_ArrivesAtConnector()
    {
        await using var host = await StartAsOperatorAsync();
        await SubscribeAsync(host);

        var result = await host.Services.GetRequiredService<IChannelPublisher>()
            .PublishAsync(Topics.Summaries, Reply.Text("Cluster HVC01 is healthy", "Morning summary"), null, CancellationToken.None);
        var post = await host.Connector.NextAsync();

        Assert.Equal(new PublishResult(1, 0, 0), result);
        Assert.Equal(Channel, post.ConversationId);
        Assert.Contains("Morning summary", post.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_Throttled429WithRetryAfter_IsRetriedAfterTheWait()
    {
        await using var host = await StartAsOperatorAsync();
        await SubscribeAsync(host);
        host.Connector.FailNext(Channel, 429, retryAfter: "1");

        var started = DateTimeOffset.UtcNow;
        var result = await host.Services.GetRequiredService<IChannelPublisher>()
            .PublishAsync(Topics.Summaries, Reply.Text("after throttling"), null, CancellationToken.None);
        var post = await host.Connector.NextAsync();

        Assert.Equal(new PublishResult(1, 0, 0), result);
        Assert.Contains("after throttling", post.VisibleText, StringComparison.Ordinal);
        Assert.True(post.At - host.Connector.Refused.Single().At >= TimeSpan.FromSeconds(0.9), "Retry-After must be honoured");
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Publish_BotRemoved403_UnsubscribesAndOthersStillReceive()
    {
        await using var host = await StartAsOperatorAsync();
        await SubscribeAsync(host);
        await SubscribeAsync(host, "19:other-team@thread.tacv2");
        host.Connector.FailNext(Channel, 403);

        var result = await host.Services.GetRequiredService<IChannelPublisher>()
            .PublishAsync(Topics.Summaries, Reply.Text("hello"), null, CancellationToken.None);
        var remaining = await host.Services.GetRequiredService<ISubscriptions>().ListAsync(Topics.Summaries, CancellationToken.None);

        Assert.Equal(new PublishResult(1, 0, 1), result);
        Assert.Equal(["19:other-team@thread.tacv2"], remaining.Select(s => s.ConversationId));
    }

    [Fact]
    public async Task Subscribe_AsReader_IsRefusedWithTheRoleNeeded()
    {
        await using var host = await ChatOpsHost.StartAsync();

        var reply = await host.AskAsync("subscribe summaries");

        Assert.Contains("needs the operator role", reply.VisibleText, StringComparison.Ordinal);
    }
}
