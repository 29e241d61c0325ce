using ChatOps.Commands.Access;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Actions.Approvals;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using ChatOps.Commands.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Commands.Tests.Actions;

/// <summary>A second admin's approval: asked where approvers are, decided once, expired by the watch, every copy kept true.</summary>
public sealed class ApprovalFlowTests
{
    private static readonly Caller Dana = new("29:dana", "Dana", AadObjectId: "aad-dana");
    private static readonly Caller Kim = new("29:kim", "Kim", AadObjectId: "aad-kim");
    private static readonly Caller Ola = new("29:ola", "Ola", AadObjectId: "aad-ola");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
    private readonly MemoryPendingActions _pending;
    private readonly MemoryAuditLog _audit = new();
    private readonly ScriptedAction _action = new();

    public ApprovalFlowTests() => _pending = new MemoryPendingActions(_clock);

    [Fact]
    public async Task Confirmed_AsksTheApproversForTheApprovalWindow_ThenAnApprovalRunsItOnceAndUpdatesEveryCopy()
    {
        var approvals = new RecordingApprovals();
        var flow = Flow(approvals);
        var (id, nonce) = await RequestAsync(flow);

        var waiting = await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);
        var (asked, shared, approver) = Assert.Single(approvals.Asked);
        var approved = await flow.Flow.DecideAsync(new Press(CardWire.Confirm, id, null), Context(Kim, "webchat-7") with { Role = Role.Admin }, typed: true, CancellationToken.None);

        Assert.Contains("waiting for a second admin", waiting.Heading, StringComparison.Ordinal);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromMinutes(10), asked.ExpiresAt);
        Assert.Null(shared.Confirmation);
        Assert.Equal("Approve", approver.Confirmation!.ConfirmTitle);
        Assert.Contains($"approve {id}", approver.Confirmation.Prompt, StringComparison.Ordinal);
        Assert.Equal("Stopped HV04", approved.Heading);
        Assert.Equal(1, _action.Executions);
        var (copy, view) = Assert.Single(approvals.Updates, u => u.Copy.ConversationId == "19:approvals");
        Assert.Contains("Approved by Kim at", Text(view), StringComparison.Ordinal);
        Assert.Contains(_audit.Records, r => r.Decision == AuditDecision.Approved && r.CommandText == $"approve {id}");
    }

    [Fact]
    public async Task NoSecondAdminReachable_RefusedAtTheStartWithTheReason_NothingStored()
    {
        var flow = Flow(new RecordingApprovals(reachable: false));

        var reply = await flow.RequestAsync(_action, Request(), CancellationToken.None);

        Assert.Null(reply.Confirmation);
        Assert.Contains("no admin but you can be reached: nobody else is an admin", Text(reply), StringComparison.Ordinal);
        Assert.Empty(await _pending.ListWaitingAsync(CancellationToken.None));
        Assert.Equal(AuditDecision.Refused, Assert.Single(_audit.Records).Decision);
    }

    [Fact]
    public async Task Unanswered_TheWatchExpiresItOnce_AuditsIt_UpdatesEveryCopy_AndTellsTheRequester()
    {
        var approvals = new RecordingApprovals();
        var flow = Flow(approvals);
        var (id, nonce) = await RequestAsync(flow);
        await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        var told = await flow.WatchOnceAsync(CancellationToken.None);
        var again = await flow.WatchOnceAsync(CancellationToken.None);
        var late = await flow.Flow.DecideAsync(new Press(CardWire.Confirm, id, null), Context(Kim) with { Role = Role.Admin }, typed: true, CancellationToken.None);

        Assert.Equal(PendingActionState.Expired, (await _pending.GetAsync(id, CancellationToken.None))!.State);
        Assert.Single(_audit.Records, r => r.Decision == AuditDecision.Expired);
        Assert.Contains(approvals.Updates, u => u.Copy.ConversationId == "19:approvals" && Text(u.View).Contains("expired", StringComparison.Ordinal));
        var (address, notice) = Assert.Single(told);
        Assert.Equal("addr:19:incident", address);
        Assert.Contains("No second admin approved", Text(notice), StringComparison.Ordinal);
        Assert.Empty(again);
        Assert.Contains("expired", Text(late), StringComparison.Ordinal);
        Assert.Equal(0, _action.Executions);
    }

    [Fact]
    public async Task TwoApproversAtOnce_OneDecision()
    {
        var flow = Flow(new RecordingApprovals());
        var (id, nonce) = await RequestAsync(flow);
        await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);

        var replies = await Task.WhenAll(
            Task.Run(() => flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Kim, "19:approvals"), CancellationToken.None)),
            Task.Run(() => flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Ola, "19:approvals"), CancellationToken.None)));

        Assert.Equal(1, _action.Executions);
        Assert.Single(_audit.Records, r => r.Decision == AuditDecision.Approved);
        Assert.Single(replies, r => r.Heading == "Stopped HV04");
    }

    [Fact]
    public async Task WaitingForApproval_TheRequesterCanStillCancel_AndTheCopiesSaySo()
    {
        var approvals = new RecordingApprovals();
        var flow = Flow(approvals);
        var (id, nonce) = await RequestAsync(flow);
        await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);

        var cancelled = await flow.DecideAsync(CardWire.Cancel, id, nonce, Context(Dana), CancellationToken.None);

        Assert.Contains("Cancelled by Dana", Text(cancelled), StringComparison.Ordinal);
        Assert.Contains(approvals.Updates, u => Text(u.View).Contains("Cancelled by Dana", StringComparison.Ordinal));
        Assert.Equal(0, _action.Executions);
    }

    [Fact]
    public async Task ApprovedFromTheApprovalsChannel_PremiseChanged_NotRun_AndTheRequestersCardCarriesTheNewRequest()
    {
        var approvals = new RecordingApprovals();
        var flow = Flow(approvals);
        var (id, nonce) = await RequestAsync(flow);
        await flow.Flow.CardSentAsync(id, "requester-card", CancellationToken.None);
        await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);
        _action.Premises = ["HV04 is Up", "the cluster loses quorum"];

        var kims = await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Kim, "19:approvals"), CancellationToken.None);

        Assert.Equal(0, _action.Executions);
        Assert.Contains("Checked again just before running", Text(kims), StringComparison.Ordinal);
        var fresh = Assert.Single(await _pending.ListWaitingAsync(CancellationToken.None));
        Assert.Equal("requester-card", fresh.CardMessageId);
        Assert.Equal("19:incident", fresh.ConversationId);
        var (_, requesters) = Assert.Single(approvals.Updates, u => u.Copy.MessageId == "requester-card");
        Assert.Equal(fresh.Id, requesters.Refresh?.PendingId);
    }

    private FlowUnderTest Flow(IApprovalDelivery approvals) =>
        new(_action, _pending, _audit, _clock, new AccessOptions { Admins = ["aad-dana", "aad-kim", "aad-ola"] }, new ActionsOptions(), approvals);

    private async Task<(string Id, string Nonce)> RequestAsync(FlowUnderTest flow)
    {
        var reply = await flow.RequestAsync(_action, Request(), CancellationToken.None);
        return (reply.Confirmation!.PendingId, reply.Confirmation.Nonce);
    }

    private static CommandRequest Request() =>
        new(ScriptedAction.Command, new Dictionary<string, string> { ["node"] = "HV04" }, new Dictionary<string, string?>(), Context(Dana) with { Role = Role.Admin }, "kill clussvc HV04");

    private static CommandContext Context(Caller caller, string conversation = "19:incident") =>
        new(caller, conversation, Guid.NewGuid().ToString("N"), "msteams") { Address = $"addr:{conversation}" };

    private static string Text(Reply reply) =>
        string.Join(" ", new[] { reply.Heading ?? string.Empty }.Concat(reply.Blocks.OfType<TextBlock>().Select(b => b.Text)));
}
