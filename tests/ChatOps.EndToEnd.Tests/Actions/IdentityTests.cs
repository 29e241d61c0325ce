using System.Text.Json.Nodes;
using ChatOps.Clusters.Gateway;
using ChatOps.EndToEnd.Tests.Builders;

namespace ChatOps.EndToEnd.Tests.Actions;

/// <summary>
/// Requesters and approvers are persons, confirmations stay in their conversation, tenants are
/// checked; roles by UPN (read from the Teams roster, as Teams activities carry none), by
/// channel-scoped id on channels without Entra identities, and refusals that say which value to add.
/// </summary>
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

        Assert.Contains("**Role**\nreader", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Access entry**\nwebchat:29:1user-abc", reply.VisibleText, StringComparison.Ordinal);
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

        Assert.Contains("help <command>", reply.VisibleText, StringComparison.Ordinal);
    }

    private const string DanaUpn = "dana@contoso.com";

    [Fact]
    public async Task AdminListedByUpn_TheRosterGivesTheUpn_CanActAndTheRosterIsReadOnce()
    {
        await using var host = await ActionHost.StartAsync(("ChatOps:Access:Admins:0", DanaUpn));
        host.Connector.Members[TeamsUser.Dana.Id] = Member(TeamsUser.Dana, "Dana@Contoso.com");

        var whoami = await host.AskAsync("whoami");
        var card = await host.AskAsync("kill clussvc HV04");
        var result = await host.PressAsync(card);

        Assert.Contains("Dana@Contoso.com", whoami.VisibleText, StringComparison.Ordinal);
        Assert.Contains("admin", whoami.VisibleText, StringComparison.Ordinal);
        Assert.NotNull(card.Confirmation);
        Assert.Contains("HV04", result, StringComparison.Ordinal);
        Assert.DoesNotContain("needs the admin role", result, StringComparison.Ordinal);
        Assert.Equal(1, host.Connector.RosterReads);
    }

    [Fact]
    public async Task AdminListedByUpn_RosterFails_TreatedAsAReaderAndTheRefusalNamesTheValueToAdd()
    {
        await using var host = await ActionHost.StartAsync(("ChatOps:Access:Admins:0", DanaUpn));
        host.Connector.RosterFails = true;

        var reply = await host.AskAsync("kill clussvc HV04");

        Assert.Null(reply.Confirmation);
        Assert.Contains("needs the admin role; you are reader", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains($"add `{TeamsUser.Dana.AadObjectId}` to `ChatOps:Access:Admins`", reply.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoUpnEntries_TheRosterIsNeverAsked()
    {
        await using var host = await ActionHost.StartAsync();

        await host.AskAsync("whoami");

        Assert.Equal(0, host.Connector.RosterReads);
    }

    [Fact]
    public async Task DirectLineUser_NamedByChannelScopedId_GetsTheRole()
    {
        await using var host = await ActionHost.StartAsync(("ChatOps:Access:Operators:1", "directline:dl_web-1"));

        var whoami = await host.AskAsync(DirectLine(host, "whoami", "dl_web-1"));

        Assert.Contains("directline:dl_web-1", whoami.VisibleText, StringComparison.Ordinal);
        Assert.Contains("operator", whoami.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectLineUser_WithoutAnEntry_RefusalSaysWhichValueToAdd_AndAClaimedObjectIdGrantsNothing()
    {
        await using var host = await ActionHost.StartAsync();

        var reply = await host.AskAsync(DirectLine(host, "kill clussvc HV04", "dl_web-2").With("from", new JsonObject
        {
            ["id"] = "dl_web-2",
            ["name"] = "Web User",
            ["aadObjectId"] = TeamsUser.Dana.AadObjectId, // written by the client: Direct Line vouches for nothing
        }));

        Assert.Null(reply.Confirmation);
        Assert.Contains("add `directline:dl_web-2` to `ChatOps:Access:Admins`", reply.VisibleText, StringComparison.Ordinal);
    }

    private static TeamsActivity DirectLine(ChatOpsHost host, string text, string userId) =>
        TeamsActivity.Message(text, host.Connector.ServiceUrl)
            .With("channelId", "directline")
            .With("from", new JsonObject { ["id"] = userId, ["name"] = "Web User" })
            .With("conversation", new JsonObject { ["id"] = "dl-conversation-1" })
            .With("channelData", null);

    private static object Member(TeamsUser user, string upn) =>
        new { id = user.Id, name = user.Name, aadObjectId = user.AadObjectId, userPrincipalName = upn, tenantId = "tenant-1" };
}
