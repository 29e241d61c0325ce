using System.Text.Json.Nodes;
using ChatOps.Clusters.Gateway;
using ChatOps.EndToEnd.Tests.Builders;

namespace ChatOps.EndToEnd.Tests.Actions;

/// <summary>Requesters and approvers are persons, confirmations stay in their conversation, tenants are checked.</summary>
public sealed class IdentityTests
{
    [Fact]
    public async Task TwoPersonRule_SameAdminUnderASecondChannelId_CannotApproveTheirOwnKill()
    {
        await using var host = await ActionHost.StartAsync(("ChatOps:Access:Admins:1", TeamsUser.Lee.AadObjectId));
        var card = await host.AskAsync("kill clussvc HV04");
        await host.PressAsync(card);

        var again = await host.PressAsync(card, user: TeamsUser.Dana with { Id = "29:1user-dana-on-another-device" });

        Assert.Contains("A different admin must approve", again, StringComparison.Ordinal);
        Assert.Equal(0, host.Lab().ActionCount(ClusterAction.StopClusterService));
    }

    [Fact]
    public async Task Confirm_SamePersonUnderASecondChannelId_IsTheRequester()
    {
        await using var host = await ActionHost.StartAsync();
        var card = await host.AskAsync("kill clussvc HV04");

        var result = await host.PressAsync(card, user: TeamsUser.Dana with { Id = "29:1user-dana-on-another-device" });

        Assert.Contains("Stopped the cluster service on HV04", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoPersonRule_BlankSecondAdminEntry_DoesNotSwitchItOn()
    {
        await using var host = await ActionHost.StartAsync(("ChatOps:Access:Admins:1", ""), ("ChatOps:Access:Admins:2", "  "));
        var card = await host.AskAsync("kill clussvc HV04");

        var result = await host.PressAsync(card);

        Assert.Contains("Stopped the cluster service on HV04", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_FromAnotherConversation_Refused()
    {
        await using var host = await ActionHost.StartAsync();
        var card = await host.AskAsync("kill clussvc HV04");
        var (pendingId, nonce) = card.Confirmation!.Value;

        var response = await host.InvokeAsync(TeamsActivity.Execute("confirm", pendingId, nonce, host.Connector.ServiceUrl, conversationId: "19:other@thread.tacv2"));

        Assert.Contains("belongs to another conversation", response.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, host.Lab().ActionCount(ClusterAction.StopClusterService));
    }

    [Fact]
    public async Task Whoami_WebChatClaimingAnAdminsObjectId_IsAReader()
    {
        await using var host = await ActionHost.StartAsync();

        var reply = await host.AskAsync(TeamsActivity.Message("whoami", host.Connector.ServiceUrl).With("channelId", "webchat"));

        Assert.Contains("reader", reply.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("admin", reply.VisibleText.Replace("Dana Admin", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_TenantsInConversationAndChannelDataDisagree_NoAnswer()
    {
        await using var host = await ChatOpsHost.StartAsync(new Dictionary<string, string?> { ["ChatOps:Access:AllowedTenants:0"] = "tenant-1" });

        await host.PostAsync(TeamsActivity.Message("help", host.Connector.ServiceUrl)
            .With("channelData", new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-evil" } }));
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        Assert.Empty(host.Connector.Received);
    }

    [Fact]
    public async Task Message_FromATenantNotAllowed_NoAnswer()
    {
        await using var host = await ChatOpsHost.StartAsync(new Dictionary<string, string?> { ["ChatOps:Access:AllowedTenants:0"] = "tenant-2" });

        await host.PostAsync(TeamsActivity.Message("help", host.Connector.ServiceUrl));
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        Assert.Empty(host.Connector.Received);
    }

    [Fact]
    public async Task Message_FromTheAllowedTenant_Answered()
    {
        await using var host = await ChatOpsHost.StartAsync(new Dictionary<string, string?> { ["ChatOps:Access:AllowedTenants:0"] = "TENANT-1", ["ChatOps:Access:AllowedTenants:1"] = "" });

        var reply = await host.AskAsync("help");

        Assert.Contains("help [command]", reply.VisibleText, StringComparison.Ordinal);
    }
}
