using ChatOps.Clusters.Gateway;
using ChatOps.Clusters.Model;
using ChatOps.Commands.Actions;
using ChatOps.EndToEnd.Tests.Builders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.EndToEnd.Tests.Actions;

public sealed class SafeActionTests
{
    [Fact]
    public async Task KillClussvc_Confirmed_NodeDownAndItsVmsRestartElsewhere()
    {
        await using var host = await ActionHost.StartAsync();

        var card = await host.AskAsync("kill clussvc hv04");
        Assert.Contains("SQL-02", card.VisibleText, StringComparison.Ordinal);
        Assert.Contains("restarts on", card.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Quorum without HV04: 6 of 7 votes present", card.VisibleText, StringComparison.Ordinal);
        Assert.Contains("/kb/kill-clussvc-last-resort", card.Activity.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, host.Lab().ActionCount(ClusterAction.StopClusterService));

        var result = await host.PressAsync(card);

        Assert.Contains("Stopped the cluster service on HV04", result, StringComparison.Ordinal);
        var snapshot = await host.Gateway().GetSnapshotAsync(CancellationToken.None);
        Assert.Equal(NodeState.Down, snapshot.FindNode("HV04")!.State);
        Assert.NotEqual("HV04", snapshot.FindVm("SQL-02")!.OwnerNode);
        Assert.Equal(VmGroupState.Online, snapshot.FindVm("SQL-02")!.GroupState);
        Assert.Equal(1, host.Lab().ActionCount(ClusterAction.StopClusterService));
    }

    [Fact]
    public async Task KillClussvc_Preview_NamesWhatStaysDownAndTheRestartRisks()
    {
        await using var host = await ActionHost.StartAsync();

        var card = await host.AskAsync("kill clussvc HV01");

        Assert.Contains("SQL-01", card.VisibleText, StringComparison.Ordinal);
        Assert.Contains("stays down", card.VisibleText, StringComparison.Ordinal);
        Assert.Contains("ERP-05 (6.0.6002.18005): may come back with an APIPA", card.VisibleText, StringComparison.Ordinal);
        Assert.Contains("Legacy NIC on OLDAPP-01", card.VisibleText, StringComparison.Ordinal);
        Assert.Contains("TEST-01", card.VisibleText, StringComparison.Ordinal);
        Assert.NotNull(card.Confirmation);
    }

    [Fact]
    public async Task KillClussvc_Preview_CountsExactlyTheVmsItListsAndAdvisesByWhyOneStaysDown()
    {
        await using var host = await ActionHost.StartAsync();

        var card = await host.AskAsync("kill clussvc HV04");

        // HV04 owns 12 VMs in the default lab; TEST-02 is Offline, so 11 crash, and the table lists those 11.
        var rows = card.VisibleText.Split('\n');
        var cells = new[] { "SQL-02", "APP-05", "APP-06", "WEB-04", "WEB-05", "RPT-02", "DC-02", "FILE-02", "MON-02", "BI-01", "LEGACY-DB", "TEST-02" }
            .Where(vm => rows.Contains(vm)).ToList();
        Assert.Contains("11 crash: 10 restart elsewhere, 1 stay down, 0 not restarted automatically; not running, so untouched: TEST-02", card.VisibleText, StringComparison.Ordinal);
        Assert.Equal(11, cells.Count);
        Assert.DoesNotContain("TEST-02", cells);
        // RPT-02 stays down because its configuration volume is gone: freeing memory would not help.
        Assert.Contains("RPT-02 would stay down: its configuration is on a volume that no longer exists", card.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("free memory", card.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KillVmwp_HyperVReportsTheVmSaved_RefusedAsTheNodeWouldWithNothingToConfirm()
    {
        await using var host = await ActionHost.StartAsync();

        // APP-07: the cluster says Online, Hyper-V says Saved. A saved VM has no worker process; killing "it" would do nothing.
        var card = await host.AskAsync("kill vmwp APP-07");

        Assert.Contains("APP-07 has no worker process to kill: Hyper-V reports it Saved on HV01. The cluster says it is Online: that is a state desync, see `kb vm-state-desync`.", card.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("clean shutdown", card.VisibleText, StringComparison.Ordinal);
        Assert.Null(card.Confirmation);
    }

    [Fact]
    public async Task KillVmwp_Confirmed_OnlyThatVmMoves()
    {
        await using var host = await ActionHost.StartAsync();
        var before = await host.Gateway().GetSnapshotAsync(CancellationToken.None);

        var card = await host.AskAsync("kill vmwp web-01");
        var result = await host.PressAsync(card);

        Assert.Contains("Killed the worker process of WEB-01", result, StringComparison.Ordinal);
        var after = await host.Gateway().GetSnapshotAsync(CancellationToken.None);
        Assert.NotEqual(before.FindVm("WEB-01")!.OwnerNode, after.FindVm("WEB-01")!.OwnerNode);
        Assert.Equal(before.FindVm("WEB-02")!.OwnerNode, after.FindVm("WEB-02")!.OwnerNode);
        Assert.Equal(1, host.Lab().ActionCount(ClusterAction.KillVmWorker));
    }

    [Fact]
    public async Task FlushDnsAll_ByOperator_ReportsEveryNode()
    {
        await using var host = await ActionHost.StartAsync();

        var card = await host.AskAsAsync(TeamsUser.Lee, "flushdns all");
        Assert.Contains("WEB-03.contoso.local", card.VisibleText, StringComparison.Ordinal);
        var result = await host.PressAsync(card, user: TeamsUser.Lee);

        Assert.Contains("Flushed the DNS cache on all 6 nodes", result, StringComparison.Ordinal);
        Assert.Contains("1 stale entry cleared", result, StringComparison.Ordinal);
        Assert.Equal(6, host.Lab().ActionCount(ClusterAction.FlushDns));
    }

    [Fact]
    public async Task RemoveStalelink_LeftoverLink_IsDeleted()
    {
        await using var host = await ActionHost.StartAsync();

        var card = await host.AskAsync("remove stalelink hv05 0d4c6a9e-3f51-4b7a-9c1e-5a2b7e8f9d10");
        var result = await host.PressAsync(card);

        Assert.Contains("Removed the stale config link 0d4c6a9e-3f51-4b7a-9c1e-5a2b7e8f9d10", result, StringComparison.Ordinal);
        var node = await host.Gateway().GetNodeAsync("HV05", CancellationToken.None);
        Assert.DoesNotContain(Guid.Parse("0d4c6a9e-3f51-4b7a-9c1e-5a2b7e8f9d10"), node!.Inventory!.ConfigLinks);
    }

    [Fact]
    public async Task RemoveStalelink_VmRegisteredOnThatNode_RefusedWithoutAButton()
    {
        await using var host = await ActionHost.StartAsync();
        var web03 = (await host.Gateway().GetVmAsync("WEB-03", CancellationToken.None))!;

        var reply = await host.AskAsync($"remove stalelink {web03.OwnerNode} {web03.Id}");

        Assert.Contains("would crash it", reply.VisibleText, StringComparison.Ordinal);
        Assert.Null(reply.Confirmation);
        Assert.Equal(0, host.Lab().ActionCount(ClusterAction.RemoveStaleLink));
    }

    [Theory]
    [InlineData("kill clussvc HV09", "There is no node `HV09`")]
    [InlineData("kill clussvc \"HV01; Stop-Computer\"", "There is no node")]
    [InlineData("kill vmwp web", "Did you mean")]
    [InlineData("remove stalelink HV05 not-a-guid", "is not a VM GUID")]
    [InlineData("flushdns $(whoami)", "There is no node")]
    public async Task Request_TargetNotAnExactKnownName_RefusedAndNothingRuns(string text, string expected)
    {
        await using var host = await ActionHost.StartAsync();

        var reply = await host.AskAsync(text);

        Assert.Contains(expected, reply.VisibleText, StringComparison.Ordinal);
        Assert.Null(reply.Confirmation);
        Assert.All(Enum.GetValues<ClusterAction>(), a => Assert.Equal(0, host.Lab().ActionCount(a)));
    }

    [Fact]
    public async Task Reader_RequestsKill_RefusedNamingTheRoleAndAudited()
    {
        await using var host = await ActionHost.StartAsync();

        var reply = await host.AskAsAsync(TeamsUser.Sam, "kill clussvc HV04");

        Assert.Contains("admin", reply.VisibleText, StringComparison.Ordinal);
        Assert.Null(reply.Confirmation);
        var audit = await host.Services.GetRequiredService<IAuditLog>().LatestAsync(10, CancellationToken.None);
        var refusal = Assert.Single(audit);
        Assert.Equal(AuditDecision.Refused, refusal.Decision);
        Assert.Equal("Sam Reader", refusal.UserName);
    }

    [Fact]
    public async Task Confirm_ByAnotherUser_RefusedAndNothingRuns()
    {
        await using var host = await ActionHost.StartAsync(("ChatOps:Access:Admins:1", TeamsUser.Lee.AadObjectId), ("ChatOps:Actions:RequireSecondApprover:0", "remove stalelink"));

        var card = await host.AskAsync("kill clussvc HV04");
        var result = await host.PressAsync(card, user: TeamsUser.Lee);

        Assert.Contains("Only Dana Admin, who asked for it, can confirm", result, StringComparison.Ordinal);
        Assert.Equal(0, host.Lab().ActionCount(ClusterAction.StopClusterService));
    }

    [Fact]
    public async Task Confirm_Twice_SecondShowsTheOutcomeAndActionRanOnce()
    {
        await using var host = await ActionHost.StartAsync();
        var card = await host.AskAsync("kill clussvc HV04");

        await host.PressAsync(card);
        var second = await host.PressAsync(card);

        Assert.Contains("Stopped the cluster service on HV04", second, StringComparison.Ordinal);
        Assert.Equal(1, host.Lab().ActionCount(ClusterAction.StopClusterService));
    }

    [Fact]
    public async Task Confirm_AfterCancel_Refused()
    {
        await using var host = await ActionHost.StartAsync();
        var card = await host.AskAsync("kill clussvc HV04");

        var cancelled = await host.PressAsync(card, "cancel");
        var confirmed = await host.PressAsync(card);

        Assert.Contains("Cancelled by Dana Admin; nothing was done", cancelled, StringComparison.Ordinal);
        Assert.Contains("was cancelled", confirmed, StringComparison.Ordinal);
        Assert.Equal(0, host.Lab().ActionCount(ClusterAction.StopClusterService));
    }

    [Fact]
    public async Task Confirm_WrongNonce_Refused()
    {
        await using var host = await ActionHost.StartAsync();
        var card = await host.AskAsync("kill clussvc HV04");

        var result = await host.PressAsync(card, nonce: "forged-nonce");

        Assert.Contains("wrong nonce", result, StringComparison.Ordinal);
        Assert.Equal(0, host.Lab().ActionCount(ClusterAction.StopClusterService));
    }

    [Fact]
    public async Task Confirm_AfterExpiry_Refused()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ActionHost.StartAsync(clock);
        var card = await host.AskAsync("flushdns HV05");

        clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        var result = await host.PressAsync(card);

        Assert.Contains("expired", result, StringComparison.Ordinal);
        Assert.Equal(0, host.Lab().ActionCount(ClusterAction.FlushDns));
    }

    [Fact]
    public async Task RedeliveredConfirm_SameActivityId_RunsOnce()
    {
        await using var host = await ActionHost.StartAsync();
        var card = await host.AskAsync("kill clussvc HV04");
        var (pendingId, nonce) = card.Confirmation!.Value;
        var press = TeamsActivity.Execute("confirm", pendingId, nonce, host.Connector.ServiceUrl);

        await host.InvokeAsync(press);
        await host.PostAsync(press);

        Assert.Equal(1, host.Lab().ActionCount(ClusterAction.StopClusterService));
    }

    [Fact]
    public async Task RedeliveredRequest_SameActivityId_AnsweredOnce()
    {
        await using var host = await ActionHost.StartAsync();
        var request = TeamsActivity.Message("kill clussvc HV04", host.Connector.ServiceUrl);

        await host.PostAsync(request);
        await host.PostAsync(request);
        await host.Connector.NextAsync();
        await Task.Delay(500);

        Assert.Single(host.Connector.Received);
        var audit = await host.Services.GetRequiredService<IAuditLog>().LatestAsync(10, CancellationToken.None);
        Assert.Single(audit, r => r.Decision == AuditDecision.Requested);
    }

    [Fact]
    public async Task TwoPersonRule_RequesterConfirms_SecondAdminMustApprove()
    {
        await using var host = await ActionHost.StartAsync(("ChatOps:Access:Admins:1", TeamsUser.Lee.AadObjectId));
        var card = await host.AskAsync("kill clussvc HV04");

        var waiting = await host.PressAsync(card);
        var self = await host.PressAsync(card);
        Assert.Equal(0, host.Lab().ActionCount(ClusterAction.StopClusterService));
        var approved = await host.PressAsync(card, user: TeamsUser.Lee);

        Assert.Contains("waiting for a second admin", waiting, StringComparison.Ordinal);
        Assert.Contains("A different admin must approve", self, StringComparison.Ordinal);
        Assert.Contains("Stopped the cluster service on HV04", approved, StringComparison.Ordinal);
        Assert.Equal(1, host.Lab().ActionCount(ClusterAction.StopClusterService));
        var audit = await host.Services.GetRequiredService<IAuditLog>().LatestAsync(20, CancellationToken.None);
        Assert.Contains(audit, r => r.Decision == AuditDecision.Approved && r.UserName == "Lee Oncall");
    }

    [Fact]
    public async Task QuorumLoss_RefusedWithoutForce_AndForcedNeedsSecondAdmin()
    {
        await using var host = await ActionHost.StartAsync(("ChatOps:Access:Admins:1", TeamsUser.Lee.AadObjectId), ("ChatOps:Actions:RequireSecondApprover:0", "flushdns"));
        foreach (var node in new[] { "HV04", "HV05", "HV06" })
        {
            host.Lab().SetNodeState(node, NodeState.Down);
        }

        var refused = await host.AskAsync("kill clussvc HV01");
        var forced = await host.AskAsync("kill clussvc HV01 --force");
        var waiting = await host.PressAsync(forced);

        Assert.Contains("loses quorum", refused.VisibleText, StringComparison.Ordinal);
        Assert.Null(refused.Confirmation);
        Assert.Contains("LOST", forced.VisibleText, StringComparison.Ordinal);
        Assert.Contains("waiting for a second admin", waiting, StringComparison.Ordinal);
        Assert.Equal(0, host.Lab().ActionCount(ClusterAction.StopClusterService));
    }

    [Fact]
    public async Task Restart_BetweenRequestAndConfirm_ConfirmStillWorksOnce()
    {
        await using var host = await ActionHost.StartAsync();
        var card = await host.AskAsync("flushdns HV05");

        await host.RestartAsync();
        var result = await host.PressAsync(card);
        var again = await host.PressAsync(card);

        Assert.Contains("Flushed the DNS cache on HV05", result, StringComparison.Ordinal);
        Assert.Contains("Flushed the DNS cache on HV05", again, StringComparison.Ordinal);
        Assert.Equal(1, host.Lab().ActionCount(ClusterAction.FlushDns));
    }

    [Fact]
    public async Task TeamsSubmitShapedPress_RefusedBesideTheCard_WhichStaysAsItWas()
    {
        await using var host = await ActionHost.StartAsync();
        var card = await host.AskAsync("flushdns HV05");
        var (pendingId, nonce) = card.Confirmation!.Value;

        // In Teams a pending action is decided only by Action.Execute: a Submit-shaped message, even the requester's, is refused beside the card.
        await host.PostAsync(TeamsActivity.Submit("confirm", pendingId, nonce, host.Connector.ServiceUrl, card.Id));
        await host.PostAsync(TeamsActivity.Submit("cancel", pendingId, nonce, host.Connector.ServiceUrl, card.Id).From(TeamsUser.Sam));
        var answers = new[] { await host.Connector.NextAsync(), await host.Connector.NextAsync() };

        Assert.All(answers, a => Assert.Equal("send", a.Kind));
        Assert.All(answers, a => Assert.Contains("decided only with its card's own buttons", a.VisibleText, StringComparison.Ordinal));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Connector.NextAsync(TimeSpan.FromSeconds(1)));
        Assert.Equal(0, host.Lab().ActionCount(ClusterAction.FlushDns));
        Assert.Contains("Flushed the DNS cache on HV05", await host.PressAsync(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryDecision_IsOneAuditRecord()
    {
        await using var host = await ActionHost.StartAsync();
        var card = await host.AskAsync("kill clussvc HV04");
        await host.PressAsync(card);
        await host.PressAsync(card);

        var audit = (await host.Services.GetRequiredService<IAuditLog>().LatestAsync(10, CancellationToken.None)).Reverse().ToList();

        // The second press is the same person's double click: it shows the outcome and decides nothing.
        Assert.Equal([AuditDecision.Requested, AuditDecision.Confirmed, AuditDecision.Executed], audit.Select(r => r.Decision));
        Assert.All(audit, r =>
        {
            Assert.Equal("Dana Admin", r.UserName);
            Assert.Equal("HV04", r.Target);
            Assert.Equal("19:incident@thread.tacv2", r.ConversationId);
            Assert.True(r.DurationMs >= 0);
        });
        Assert.Equal("kill clussvc HV04", audit[0].CommandText);
    }
}
