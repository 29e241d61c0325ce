using System.Text.Json.Nodes;
using ChatOps.Clusters.Gateway;
using ChatOps.Commands.Actions;
using ChatOps.EndToEnd.Tests.Builders;
using ChatOps.EndToEnd.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.EndToEnd.Tests.Actions;

/// <summary>
/// A two-person action asked in a personal chat reaches the second admin — in the approvals
/// channel (@mentioned, their own Approve / Reject by refresh), in their own personal chat (created
/// for them through <c>POST /v3/conversations</c>), or by <c>approve &lt;id&gt;</c> typed in any
/// client — and every copy of its card says what was decided, by whom.
/// </summary>
public sealed class ApprovalTests
{
    private const string Approvals = "19:approvals@thread.tacv2";

    [Fact]
    public async Task PersonalChatRequest_ApprovedFromTheApprovalsChannel_RunsOnceAndEveryCopySaysSo()
    {
        await using var host = await TwoAdminsAsync();
        var (requester, channelCard, leesCopy) = await AskedForApprovalAsync(host);

        Assert.Contains($"<at>{TeamsUser.Lee.Name}</at>", channelCard.Activity["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(channelCard.Activity["entities"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "mention" && e["mentioned"]!["id"]!.GetValue<string>() == TeamsUser.Lee.Id);
        Assert.Contains(TeamsUser.Lee.Id, channelCard.RefreshUserIds);
        Assert.Equal(TeamsUser.Lee.Id, Assert.Single(host.Connector.CreatedConversations).MemberId);
        var lee = await host.SeenByAsync(channelCard, TeamsUser.Lee);
        Assert.Equal(["Approve", "Reject"], Buttons(lee));

        var result = await host.PressAsync(lee, "confirm", TeamsUser.Lee);
        var updates = await UpdatesAsync(host, 3);

        Assert.Contains("Stopped the cluster service on HV04", result, StringComparison.Ordinal);
        Assert.Equal(1, host.Lab().ActionCount(ClusterAction.StopClusterService));
        Assert.Equal(new[] { requester.Id, channelCard.Id, leesCopy.Id }.Order(), updates.Select(u => u.Id).Order());
        Assert.All(updates, u => Assert.Contains("Approved by Lee Oncall at", u.VisibleText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PersonalChatRequest_ApprovedFromTheApproversOwnPersonalChat_RunsOnceAndEveryCopySaysSo()
    {
        await using var host = await TwoAdminsAsync();
        var (requester, channelCard, leesCopy) = await AskedForApprovalAsync(host);
        Assert.Equal(["Approve", "Reject"], Buttons(leesCopy));

        var result = await host.PressAsync(leesCopy, "confirm", TeamsUser.Lee, personal: true);
        var updates = await UpdatesAsync(host, 2);

        Assert.Contains("Stopped the cluster service on HV04", result, StringComparison.Ordinal);
        Assert.Equal(1, host.Lab().ActionCount(ClusterAction.StopClusterService));
        Assert.Equal(new[] { requester.Id, channelCard.Id }.Order(), updates.Select(u => u.Id).Order());
        Assert.All(updates, u => Assert.Contains("Approved by Lee Oncall at", u.VisibleText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WebChat_ApproveTypedById_RunsOnceAndEveryCopySaysSo()
    {
        var connector = await FakeBotConnector.StartAsync();
        await using var host = await ChatOpsHost.StartAsync(ActionHost.Settings(
            ("ChatOps:Access:Admins:0", "directline:dl_web-admin"),
            ("ChatOps:Access:Admins:1", "directline:dl_web-approver"),
            ("ChatOps:Actions:ApprovalsConversation", Approvals),
            ("ChatOps:Actions:ApprovalsServiceUrl", connector.ServiceUrl)), connector: connector);
        var card = await host.AskAsync(TeamsActivity.DirectLine("kill clussvc HV04", connector.ServiceUrl));
        await host.PostAsync(TeamsActivity.DirectLine(null, connector.ServiceUrl).With("value", Data(card, "Confirm")).With("replyToId", card.Id));
        // The approvals channel is asked first; then the press's answer replaces the requester's card.
        var asked = await UntilAsync(host, c => c.Kind == "update" && c.Id == card.Id);
        var waiting = asked[^1];
        var channelCard = asked.Single(c => c.ConversationId == Approvals && c.Kind == "send");
        var pendingId = card.Confirmation!.Value.PendingId;
        await CopiesRecordedAsync(host, pendingId, 1);

        var pending = await host.AskAsync(Approver("pending", connector));
        await host.PostAsync(Approver($"approve {pendingId}", connector));
        // Every card is updated before the answer goes to whoever typed it.
        var calls = await UntilAsync(host, c => c.Kind == "send" && c.ConversationId == "dl-conversation-2");
        var approved = calls[^1];
        var updates = calls.Where(c => c.Kind == "update").ToList();

        Assert.Contains("waiting for a second admin", waiting.VisibleText, StringComparison.Ordinal);
        Assert.Contains(pendingId, pending.VisibleText, StringComparison.Ordinal);
        Assert.Contains("waiting for your approval", pending.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Stopped the cluster service on HV04", approved.VisibleText, StringComparison.Ordinal);
        Assert.Equal(1, host.Lab().ActionCount(ClusterAction.StopClusterService));
        Assert.Equal(new[] { card.Id, channelCard.Id }.Order(), updates.Select(u => u.Id).Order());
        Assert.All(updates, u => Assert.Contains("Approved by Web Approver at", u.VisibleText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unanswered_ExpiredOnceByTheWatch_EveryCopySaysSoAndTheRequesterIsTold()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await TwoAdminsAsync(clock);
        var (requester, channelCard, leesCopy) = await AskedForApprovalAsync(host);

        clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var after = await UntilAsync(host, c => c.Kind == "send" && c.ConversationId == requester.ConversationId);
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        var updates = after.Where(c => c.Kind == "update").ToList();
        Assert.Equal(new[] { requester.Id, channelCard.Id, leesCopy.Id }.Order(), updates.Select(u => u.Id).Order());
        Assert.All(updates, u => Assert.Contains("expired", u.VisibleText, StringComparison.Ordinal));
        Assert.Contains("No second admin approved `kill clussvc HV04`", after.Last().VisibleText, StringComparison.Ordinal);
        var audit = await host.Services.GetRequiredService<IAuditLog>().LatestAsync(20, CancellationToken.None);
        Assert.Single(audit, r => r.Decision == AuditDecision.Expired);
        Assert.Equal(0, host.Lab().ActionCount(ClusterAction.StopClusterService));
    }

    [Fact]
    public async Task TwoApproversPressAtOnce_OneDecision()
    {
        await using var host = await TwoAdminsAsync(null, ("ChatOps:Access:Admins:2", TeamsUser.Sam.AadObjectId));
        host.Connector.Members[TeamsUser.Sam.AadObjectId] = Member(TeamsUser.Sam);
        var (_, channelCard, _) = await AskedForApprovalAsync(host, copies: 3);
        var lee = await host.SeenByAsync(channelCard, TeamsUser.Lee);
        var sam = await host.SeenByAsync(channelCard, TeamsUser.Sam);

        var answers = await Task.WhenAll(host.PressAsync(lee, "confirm", TeamsUser.Lee), host.PressAsync(sam, "confirm", TeamsUser.Sam));

        Assert.Equal(1, host.Lab().ActionCount(ClusterAction.StopClusterService));
        Assert.Single(answers, a => a.Contains("Stopped the cluster service on HV04", StringComparison.Ordinal));
        var audit = await host.Services.GetRequiredService<IAuditLog>().LatestAsync(20, CancellationToken.None);
        Assert.Single(audit, r => r.Decision == AuditDecision.Approved);
    }

    [Fact]
    public async Task WebChatDoubleClickOnConfirm_TheCardEndsOnTheOutcome()
    {
        await using var host = await ActionHost.StartAsync(("ChatOps:Access:Admins:0", "directline:dl_web-admin"));
        var card = await host.AskAsync(TeamsActivity.DirectLine("flushdns HV05", host.Connector.ServiceUrl));
        var confirm = Data(card, "Confirm");

        await Task.WhenAll(
            host.PostAsync(TeamsActivity.DirectLine(null, host.Connector.ServiceUrl).With("value", confirm.DeepClone())),
            host.PostAsync(TeamsActivity.DirectLine(null, host.Connector.ServiceUrl).With("value", confirm.DeepClone())));
        var updates = new[] { await host.Connector.NextAsync(), await host.Connector.NextAsync() };

        Assert.Equal(1, host.Lab().ActionCount(ClusterAction.FlushDns));
        Assert.All(updates, u => Assert.Equal(("update", card.Id), (u.Kind, u.Id)));
        Assert.All(updates, u => Assert.Contains("Flushed the DNS cache on HV05", u.VisibleText, StringComparison.Ordinal));
        Assert.DoesNotContain(updates, u => u.VisibleText.Contains("already", StringComparison.Ordinal));
    }

    /// <summary>Dana and Lee are admins; approvals go to the approvals channel, whose roster knows Lee; the watch looks every second.</summary>
    private static async Task<ChatOpsHost> TwoAdminsAsync(TimeProvider? clock = null, params (string Key, string? Value)[] more)
    {
        var host = await ActionHost.StartAsync(clock, [
            ("ChatOps:Access:Admins:1", TeamsUser.Lee.AadObjectId),
            ("ChatOps:Actions:ApprovalsConversation", Approvals),
            ("ChatOps:Actions:WatchEvery", "00:00:01"),
            .. more]);
        host.Connector.Members[TeamsUser.Lee.AadObjectId] = Member(TeamsUser.Lee);
        return host;
    }

    /// <summary>
    /// Dana asks for <c>kill clussvc HV04</c> in her personal chat and confirms: the approvals channel
    /// gets the card and each other admin a copy in their personal chat. Returns her card, the
    /// channel's and Lee's copy, once the copies are recorded with the action.
    /// </summary>
    private static async Task<(ConnectorCall Requester, ConnectorCall Channel, ConnectorCall LeesCopy)> AskedForApprovalAsync(ChatOpsHost host, int copies = 2)
    {
        var card = await host.AskAsync(TeamsActivity.Message("kill clussvc HV04", host.Connector.ServiceUrl).InPersonalChat(TeamsUser.Dana));
        var waiting = await host.PressForCardAsync(card, "confirm", TeamsUser.Dana, personal: true);
        Assert.Contains("waiting for a second admin", waiting.VisibleText, StringComparison.Ordinal);
        var sent = await UntilAsync(host, c => c.Kind == "send" && c.ConversationId != Approvals && c.ConversationId != card.ConversationId);
        sent.AddRange(await UntilAsync(host, c => c.Kind == "send" && c.ConversationId == Approvals, sent));
        await CopiesRecordedAsync(host, card.Confirmation!.Value.PendingId, copies);
        var leesChat = host.Connector.CreatedConversations.First(c => c.MemberId == TeamsUser.Lee.Id).ConversationId;
        return (card, sent.Single(c => c.ConversationId == Approvals), sent.Single(c => c.ConversationId == leesChat));
    }

    /// <summary>Calls to the connector until one matches (included), or the ones already seen if one of them does.</summary>
    private static async Task<List<ConnectorCall>> UntilAsync(ChatOpsHost host, Func<ConnectorCall, bool> match, List<ConnectorCall>? seen = null)
    {
        if (seen?.Any(match) == true)
        {
            return [];
        }

        var calls = new List<ConnectorCall>();
        do
        {
            calls.Add(await host.Connector.NextAsync());
        }
        while (!match(calls[^1]));
        return calls;
    }

    private static async Task<List<ConnectorCall>> UpdatesAsync(ChatOpsHost host, int count)
    {
        var updates = new List<ConnectorCall>();
        while (updates.Count < count)
        {
            var call = await host.Connector.NextAsync();
            if (call.Kind == "update")
            {
                updates.Add(call);
            }
        }

        return updates;
    }

    /// <summary>Waits until the action records where its approval copies went (they are recorded once all are sent).</summary>
    private static async Task CopiesRecordedAsync(ChatOpsHost host, string pendingId, int count)
    {
        var pending = host.Services.GetRequiredService<IPendingActions>();
        for (var waited = 0; (await pending.GetAsync(pendingId, CancellationToken.None))?.Copies.Length < count && waited < 100; waited++)
        {
            await Task.Delay(50);
        }
    }

    private static TeamsActivity Approver(string text, FakeBotConnector connector) =>
        TeamsActivity.DirectLine(text, connector.ServiceUrl, "dl_web-approver", "Web Approver", "dl-conversation-2");

    private static JsonNode Data(ConnectorCall card, string title) =>
        card.Card!["actions"]!.AsArray().Single(a => a!["title"]!.GetValue<string>() == title)!["data"]!.DeepClone();

    private static IReadOnlyList<string> Buttons(ConnectorCall card) =>
        card.Card?["actions"]?.AsArray().Where(a => a!["type"]!.GetValue<string>() == "Action.Execute").Select(a => a!["title"]!.GetValue<string>()).ToList() ?? [];

    private static object Member(TeamsUser user) => new { id = user.Id, name = user.Name, aadObjectId = user.AadObjectId, userPrincipalName = $"{user.Name.Split(' ')[0].ToLowerInvariant()}@contoso.com" };
}
