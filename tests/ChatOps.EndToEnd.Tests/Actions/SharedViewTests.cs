using System.Text.Json.Nodes;
using ChatOps.Clusters.Gateway;
using ChatOps.EndToEnd.Tests.Builders;
using ChatOps.EndToEnd.Tests.Fakes;

namespace ChatOps.EndToEnd.Tests.Actions;

/// <summary>
/// A confirmation in a Teams channel, as Universal Actions user-specific views show it: the
/// message everyone gets has no buttons and refreshes, per person, into the requester's Confirm /
/// Cancel, a second admin's Approve / Reject, or a read-only view; each decision updates the
/// message for everyone with who decided what and when, the preview folded away.
/// </summary>
public sealed class SharedViewTests
{
    [Fact]
    public async Task ChannelConfirmation_RequesterSecondAdminAndReader_EachGetTheirOwnView_AndEveryoneSeesTheOutcome()
    {
        await using var host = await TwoAdminsAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, await host.PostAsync(TeamsActivity.Message("kill clussvc HV04", host.Connector.ServiceUrl)));
        var message = await host.Connector.NextAsync();
        var dana = await host.SeenByAsync(message, TeamsUser.Dana);
        var samBefore = await ViewAsync(host, message, TeamsUser.Sam);

        Assert.Null(message.Confirmation);
        Assert.Empty(Decisions(message));
        Assert.Contains("Requested by Dana Admin, who alone can confirm it, until", message.VisibleText, StringComparison.Ordinal);
        Assert.Contains(TeamsUser.Dana.Id, message.RefreshUserIds);
        Assert.Equal(["Confirm", "Cancel"], Decisions(dana));
        Assert.Empty(Decisions(samBefore));

        // Dana confirms: she sees that it waits for a second admin; everyone's card says so and refreshes for the admins.
        var afterDana = await host.PressForCardAsync(dana, "confirm", TeamsUser.Dana);
        var sharedWaiting = await host.Connector.NextAsync();
        Assert.Equal(("update", message.Id), (sharedWaiting.Kind, sharedWaiting.Id));
        Assert.Contains("Confirmed by Dana Admin at", sharedWaiting.VisibleText, StringComparison.Ordinal);
        Assert.Empty(Decisions(sharedWaiting));
        Assert.Contains(TeamsUser.Lee.Id, sharedWaiting.RefreshUserIds);
        Assert.Equal(["Cancel"], Decisions(afterDana));

        var lee = await host.SeenByAsync(sharedWaiting, TeamsUser.Lee);
        var sam = await ViewAsync(host, sharedWaiting, TeamsUser.Sam);
        Assert.Equal(["Approve", "Reject"], Decisions(lee));
        Assert.Empty(Decisions(sam));
        Assert.Contains("waiting for a second admin", sam.VisibleText, StringComparison.Ordinal);
        Assert.Equal(0, host.Lab().ActionCount(ClusterAction.StopClusterService));

        // Lee approves: it runs, and everyone's card shows the outcome, both decisions, and the preview folded.
        var result = await host.PressForCardAsync(lee, "confirm", TeamsUser.Lee);
        var sharedDone = await host.Connector.NextAsync();
        Assert.Equal(1, host.Lab().ActionCount(ClusterAction.StopClusterService));
        Assert.Equal(("update", message.Id), (sharedDone.Kind, sharedDone.Id));
        Assert.Contains("Confirmed by Dana Admin at", sharedDone.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Approved by Lee Oncall at", sharedDone.VisibleText, StringComparison.Ordinal);
        Assert.Empty(Decisions(sharedDone));
        Assert.Empty(sharedDone.RefreshUserIds);
        var details = Folded(sharedDone);
        Assert.Contains("HV04", ConnectorCall.TextOf(details), StringComparison.Ordinal);
        Assert.Equal(ConnectorCall.TextOf(sharedDone.Card), ConnectorCall.TextOf(result.Card));
    }

    [Fact]
    public async Task ChannelConfirmation_Cancelled_UpdatedForEveryoneWithWhoAndWhen()
    {
        await using var host = await ActionHost.StartAsync();

        var dana = await host.AskAsync("kill vmwp web-01");
        await host.PressForCardAsync(dana, "cancel");
        var shared = await host.Connector.NextAsync();

        Assert.Equal(("update", dana.Id), (shared.Kind, shared.Id));
        Assert.Contains("Cancelled by Dana Admin; nothing was done.", shared.VisibleText, StringComparison.Ordinal);
        Assert.Matches(@"Cancelled by Dana Admin at \d\d:\d\d:\d\d UTC\.", shared.VisibleText);
        Assert.Empty(Decisions(shared));
        Assert.NotNull(Folded(shared));
    }

    [Fact]
    public async Task ChannelConfirmation_AReaderPresses_RefusedAndEveryonesCardIsLeftAlone()
    {
        await using var host = await ActionHost.StartAsync();

        var dana = await host.AskAsync("kill vmwp web-01");
        var refused = await host.PressAsync(dana, "confirm", TeamsUser.Sam);

        Assert.Contains("needs the admin role", refused, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Connector.NextAsync(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task Refresh_SentAgainAfterADecision_ShowsTheViewAsItIsNow()
    {
        await using var host = await ActionHost.StartAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, await host.PostAsync(TeamsActivity.Message("kill vmwp web-01", host.Connector.ServiceUrl)));
        var message = await host.Connector.NextAsync();
        var pendingId = message.Card!["refresh"]!["action"]!["data"]!["pendingId"]!.GetValue<string>();
        var refresh = TeamsActivity.Refresh(pendingId, host.Connector.ServiceUrl, TeamsUser.Dana, message.ConversationId, message.Id);

        var before = message.ReplacedBy(await host.InvokeAsync(refresh));
        await host.PressForCardAsync(before, "cancel");
        var again = message.ReplacedBy(await host.InvokeAsync(refresh));

        Assert.Equal(["Confirm", "Cancel"], Decisions(before));
        Assert.Empty(Decisions(again));
        Assert.Contains("cancelled", again.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refresh_FromAnotherConversation_ShowsNothingOfThePendingAction()
    {
        await using var host = await ActionHost.StartAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, await host.PostAsync(TeamsActivity.Message("kill vmwp web-01", host.Connector.ServiceUrl)));
        var message = await host.Connector.NextAsync();
        var pendingId = message.Card!["refresh"]!["action"]!["data"]!["pendingId"]!.GetValue<string>();

        var elsewhere = ConnectorCall.TextOf(await host.InvokeAsync(TeamsActivity.Refresh(pendingId, host.Connector.ServiceUrl, TeamsUser.Dana, "19:other@thread.tacv2", message.Id)));

        Assert.Contains("belongs to another conversation", elsewhere, StringComparison.Ordinal);
        Assert.DoesNotContain("WEB-01", elsewhere, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelConfirmation_AReadersPressAnsweredLate_EveryonesCardIsLeftAlone()
    {
        // A UPN entry makes each press read the roster, which takes a second: the press misses the
        // 0.2 s invoke window, and its answer (a refusal) comes after the "Running…" card.
        await using var host = await ActionHost.StartAsync(("ChatOps:Turns:InvokeAnswerWithin", "00:00:00.2"), ("ChatOps:Access:Operators:1", "ops@contoso.com"));
        var dana = await host.AskAsync("kill vmwp web-01");
        host.Connector.RosterDelay = TimeSpan.FromSeconds(1);

        var answer = await host.PressAsync(dana, "confirm", TeamsUser.Sam);

        Assert.Contains("Running", answer, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Connector.NextAsync(TimeSpan.FromSeconds(2)));
        Assert.Equal(0, host.Lab().ActionCount(ClusterAction.KillVmWorker));
    }

    [Theory]
    [InlineData("\"not an object\"")]
    [InlineData("[1, 2]")]
    [InlineData("null")]
    [InlineData("{ \"verb\": 7, \"data\": \"refresh\" }")]
    public async Task CardAction_MalformedAction_A4xxOrAnAnswerNever500(string action)
    {
        await using var host = await ActionHost.StartAsync();
        var invoke = TeamsActivity.Execute("confirm", "p-1", "n", host.Connector.ServiceUrl)
            .With("value", new JsonObject { ["action"] = JsonNode.Parse(action), ["trigger"] = "manual" });

        var status = await host.PostAsync(invoke);

        Assert.True(status is System.Net.HttpStatusCode.OK or System.Net.HttpStatusCode.BadRequest, $"answered {(int)status}");
    }

    [Fact]
    public async Task TwoPersonRule_AnOperatorsOwnRequest_TheyCanStillCancelWhileItWaitsForAnAdmin()
    {
        await using var host = await ActionHost.StartAsync(("ChatOps:Actions:RequireSecondApprover:0", "flushdns"));

        var lee = await host.AskAsAsync(TeamsUser.Lee, "flushdns HV05");
        var waiting = await host.PressForCardAsync(lee, "confirm", TeamsUser.Lee);
        await host.Connector.NextAsync();
        var cancelled = await host.PressAsync(waiting, "cancel", TeamsUser.Lee);

        Assert.Equal(["Cancel"], Decisions(waiting));
        Assert.Contains("Cancelled by Lee Oncall; nothing was done.", cancelled, StringComparison.Ordinal);
        Assert.Equal(0, host.Lab().ActionCount(ClusterAction.FlushDns));
    }

    [Fact]
    public async Task ChannelConfirmation_SlowRoster_TheAdminsAreLookedUpTogether()
    {
        await using var host = await ActionHost.StartAsync(("ChatOps:Access:Admins:1", TeamsUser.Lee.AadObjectId), ("ChatOps:Access:Admins:2", "third-admin@contoso.com"));
        var dana = await host.AskAsync("kill clussvc HV04");
        host.Connector.RosterDelay = TimeSpan.FromSeconds(1);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await host.PressForCardAsync(dana, "confirm", TeamsUser.Dana);
        var shared = await host.Connector.NextAsync();
        watch.Stop();

        // Three admins at a second each: one after another would take three.
        Assert.Contains("waiting for a second admin", shared.VisibleText, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2.5), $"the card for everyone took {watch.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public async Task ChannelConfirmation_ApprovedWhileTheConfirmsUpdateWaitsOnTheRoster_EveryoneEndsWithTheOutcome()
    {
        await using var host = await TwoAdminsAsync();
        var dana = await host.AskAsync("kill clussvc HV04");
        host.Connector.RosterDelay = TimeSpan.FromSeconds(1.5);

        // Dana's confirm is stored at once; its card for everyone waits on the roster for the admins' ids.
        var confirming = host.PressForCardAsync(dana, "confirm", TeamsUser.Dana);
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        ConnectorCall lee;
        do
        {
            await Task.Delay(100);
            lee = await ViewAsync(host, dana, TeamsUser.Lee);
        }
        while (!Decisions(lee).Contains("Approve") && DateTime.UtcNow < until);
        await host.PressForCardAsync(lee, "confirm", TeamsUser.Lee);
        await confirming;
        var updates = new List<ConnectorCall>();
        try
        {
            while (true)
            {
                updates.Add(await host.Connector.NextAsync(TimeSpan.FromSeconds(2)));
            }
        }
        catch (OperationCanceledException)
        {
        }

        Assert.Equal(1, host.Lab().ActionCount(ClusterAction.StopClusterService));
        var last = updates.Last(u => u.Id == dana.Id);
        Assert.Contains("Approved by Lee Oncall at", last.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("waiting for a second admin", last.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonalChat_TheCardCarriesTheRequestersButtons()
    {
        await using var host = await ActionHost.StartAsync();
        const string personal = "a:1personal-dana";

        var card = await host.AskAsync(TeamsActivity.Message("kill vmwp web-01", host.Connector.ServiceUrl, personal)
            .With("conversation", new JsonObject { ["id"] = personal, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" }));

        Assert.Equal(["Confirm", "Cancel"], Decisions(card));
    }

    private static Task<ChatOpsHost> TwoAdminsAsync() =>
        ActionHost.StartAsync(("ChatOps:Access:Admins:1", TeamsUser.Lee.AadObjectId)).ContinueWith(t =>
        {
            var host = t.Result;
            foreach (var user in new[] { TeamsUser.Dana, TeamsUser.Lee })
            {
                // Teams' roster answers for a member by object id as well as by channel id.
                host.Connector.Members[user.AadObjectId] = new { id = user.Id, name = user.Name, aadObjectId = user.AadObjectId };
            }

            return host;
        }, TaskScheduler.Default);

    /// <summary>The view a person's client refreshes into, whether or not the card lists them (small chats refresh for everyone).</summary>
    private static async Task<ConnectorCall> ViewAsync(ChatOpsHost host, ConnectorCall message, TeamsUser user)
    {
        var pendingId = message.Card!["refresh"]!["action"]!["data"]!["pendingId"]!.GetValue<string>();
        return message.ReplacedBy(await host.InvokeAsync(TeamsActivity.Refresh(pendingId, host.Connector.ServiceUrl, user, message.ConversationId, message.Id)));
    }

    /// <summary>The titles of the buttons that decide (Confirm, Cancel, Approve, Reject), in order.</summary>
    private static List<string> Decisions(ConnectorCall call) =>
        call.Card?["actions"]?.AsArray().Where(a => a?["data"]?["pendingId"] is not null).Select(a => a!["title"]!.GetValue<string>()).ToList() ?? [];

    /// <summary>The folded-away container (the preview), checking it starts hidden and a button unfolds it.</summary>
    private static JsonNode Folded(ConnectorCall call)
    {
        var body = call.Card!["body"]!.AsArray();
        var details = body.Single(e => e?["id"]?.GetValue<string>() == "details")!;
        Assert.False(details["isVisible"]!.GetValue<bool>());
        Assert.Contains(call.Card["actions"]!.AsArray(), a => a?["type"]?.GetValue<string>() == "Action.ToggleVisibility");
        return details;
    }
}
