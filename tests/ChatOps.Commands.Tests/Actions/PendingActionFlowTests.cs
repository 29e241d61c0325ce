using ChatOps.Commands.Access;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Actions.Approvals;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using ChatOps.Commands.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Commands.Tests.Actions;

public sealed partial class PendingActionFlowTests
{
    private static readonly Caller Dana = new("29:dana", "Dana", AadObjectId: "aad-dana");
    private static readonly Caller Kim = new("29:kim", "Kim", AadObjectId: "aad-kim");
    private static readonly Caller Lee = new("29:lee", "Lee", AadObjectId: "aad-lee");

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly MemoryPendingActions _pending;
    private readonly MemoryAuditLog _audit = new();
    private readonly ScriptedAction _action = new();

    public PendingActionFlowTests() => _pending = new MemoryPendingActions(_clock);

    [Fact]
    public async Task Confirm_WithinTheWindow_RunsOnceAndEndsDone()
    {
        var flow = Flow();
        var (id, nonce) = await RequestAsync(flow);

        var reply = await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);

        Assert.Equal("Stopped HV04", reply.Heading);
        Assert.Equal(1, _action.Executions);
        Assert.Equal(PendingActionState.Done, (await _pending.GetAsync(id, CancellationToken.None))!.State);
        Assert.Equal([AuditDecision.Requested, AuditDecision.Confirmed, AuditDecision.Executed], _audit.Records.Select(r => r.Decision));
    }

    [Fact]
    public async Task Confirm_OneTickAfterExpiry_RefusedExpiredAndNotRun()
    {
        var flow = Flow();
        var (id, nonce) = await RequestAsync(flow);
        _clock.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromTicks(1));

        var reply = await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);

        Assert.Contains("expired", Text(reply), StringComparison.Ordinal);
        Assert.Equal(0, _action.Executions);
        Assert.Equal(PendingActionState.Expired, (await _pending.GetAsync(id, CancellationToken.None))!.State);
        Assert.Equal(AuditDecision.Expired, _audit.Records[^1].Decision);
    }

    [Fact]
    public async Task Confirm_AtTheLastMomentOfTheWindow_Runs()
    {
        var flow = Flow();
        var (id, nonce) = await RequestAsync(flow);
        _clock.Advance(TimeSpan.FromMinutes(2));

        await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);

        Assert.Equal(1, _action.Executions);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AAAA")]
    [InlineData(null)]
    public async Task Confirm_WrongOrMissingNonce_RefusedAndStillConfirmable(string? nonce)
    {
        var flow = Flow();
        var (id, realNonce) = await RequestAsync(flow);

        var reply = await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);

        Assert.Contains("wrong nonce", Text(reply), StringComparison.Ordinal);
        Assert.Equal(0, _action.Executions);
        await flow.DecideAsync(CardWire.Confirm, id, realNonce, Context(Dana), CancellationToken.None);
        Assert.Equal(1, _action.Executions);
    }

    [Fact]
    public async Task ConfirmOrCancel_BySomeoneElse_Refused()
    {
        var flow = Flow();
        var (id, nonce) = await RequestAsync(flow);

        var confirm = await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Kim), CancellationToken.None);
        var cancel = await flow.DecideAsync(CardWire.Cancel, id, nonce, Context(Kim), CancellationToken.None);

        Assert.Contains("Only Dana", Text(confirm), StringComparison.Ordinal);
        Assert.Contains("Only Dana", Text(cancel), StringComparison.Ordinal);
        Assert.Equal(PendingActionState.AwaitingConfirmation, (await _pending.GetAsync(id, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task TwoPersonRule_RequesterCannotApproveAnOperatorCannotASecondAdminCan()
    {
        var flow = Flow(new ActionsOptions { RequireSecondApprover = ["kill clussvc"] });
        var (id, nonce) = await RequestAsync(flow);

        var confirmed = await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);
        var self = await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);
        var byOperator = await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Lee), CancellationToken.None);
        Assert.Equal(0, _action.Executions);
        var approved = await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Kim), CancellationToken.None);

        Assert.Contains("waiting for a second admin", confirmed.Heading, StringComparison.Ordinal);
        Assert.Contains("two-person rule", Text(self), StringComparison.Ordinal);
        Assert.Contains("needs the admin role", Text(byOperator), StringComparison.Ordinal);
        Assert.Equal("Stopped HV04", approved.Heading);
        Assert.Equal(1, _action.Executions);
        Assert.Equal("aad:aad-kim", (await _pending.GetAsync(id, CancellationToken.None))!.ApprovedBy);
    }

    [Fact]
    public async Task TwentyConcurrentConfirms_RunOnce_AndEveryOtherPressGetsItsOutcomeOrWaits()
    {
        var flow = Flow();
        var (id, nonce) = await RequestAsync(flow);

        var replies = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None))));

        Assert.Equal(1, _action.Executions);
        Assert.Single(_audit.Records, r => r.Decision == AuditDecision.Executed);
        Assert.Single(_audit.Records, r => r.Decision == AuditDecision.Confirmed);
        Assert.All(replies, r => Assert.True(r.Heading is "Stopped HV04" or "Stop the cluster service on HV04: running" || Text(r).Contains("a moment ago", StringComparison.Ordinal), Text(r)));
    }

    [Fact]
    public async Task DoubleClick_TheSecondPressOfTheOneWhoConfirmed_GetsTheOutcome_NotARefusal()
    {
        var flow = Flow();
        var (id, nonce) = await RequestAsync(flow);

        var first = await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);
        var second = await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);
        var kims = await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Kim), CancellationToken.None);

        Assert.Equal(1, _action.Executions);
        Assert.Equal("Stopped HV04", first.Heading);
        Assert.Equal("Stopped HV04", second.Heading);
        Assert.Equal(ReplyOutcome.Ok, second.Outcome);
        Assert.Contains("Confirmed by Dana", Text(second.SharedView!), StringComparison.Ordinal);
        Assert.Contains("already confirmed and used", Text(kims), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestCancelledMidExecute_ActionFinishesAndItsOutcomeIsWritten()
    {
        var flow = Flow();
        var (id, nonce) = await RequestAsync(flow);
        _action.Gate = new TaskCompletionSource();
        using var request = new CancellationTokenSource();

        var deciding = flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), request.Token);
        await _action.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await request.CancelAsync();
        _action.Gate.SetResult();
        var reply = await deciding;

        Assert.Equal("Stopped HV04", reply.Heading);
        Assert.Equal(PendingActionState.Done, (await _pending.GetAsync(id, CancellationToken.None))!.State);
        Assert.Equal(AuditDecision.Executed, _audit.Records[^1].Decision);
    }

    [Fact]
    public async Task ActionOutlivesItsExecuteTimeout_FailedDoneAndAudited()
    {
        var flow = Flow(new ActionsOptions { ExecuteTimeout = TimeSpan.FromSeconds(30), RequireSecondApprover = [] });
        var (id, nonce) = await RequestAsync(flow);
        _action.Gate = new TaskCompletionSource();

        var deciding = flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);
        await _action.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _clock.Advance(TimeSpan.FromSeconds(31));
        var reply = await deciding;

        Assert.Contains("did not finish within 30 s", Text(reply), StringComparison.Ordinal);
        Assert.Equal(PendingActionState.Done, (await _pending.GetAsync(id, CancellationToken.None))!.State);
        Assert.Equal(AuditDecision.Failed, _audit.Records[^1].Decision);
    }

    [Fact]
    public async Task Recheck_PremiseChanged_NotRunAndAFreshConfirmationOffered()
    {
        var flow = Flow();
        var (id, nonce) = await RequestAsync(flow);
        _action.Premises = ["HV04 is Up", "the cluster loses quorum"];

        var reply = await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);

        Assert.Equal(0, _action.Executions);
        Assert.Contains("\"the cluster keeps quorum\", now \"the cluster loses quorum\"", Text(reply), StringComparison.Ordinal);
        Assert.NotNull(reply.Confirmation);
        Assert.NotEqual(id, reply.Confirmation!.PendingId);
        Assert.Equal(PendingActionState.Done, (await _pending.GetAsync(id, CancellationToken.None))!.State);
        Assert.Equal(PendingActionState.AwaitingConfirmation, (await _pending.GetAsync(reply.Confirmation.PendingId, CancellationToken.None))!.State);
        Assert.Equal([AuditDecision.Requested, AuditDecision.Confirmed, AuditDecision.Refused, AuditDecision.Requested], _audit.Records.Select(r => r.Decision));
    }

    [Fact]
    public async Task Recheck_ChangeFoundByTheSecondAdminsApproval_TheFreshPreviewIsOfferedToTheRequester()
    {
        var flow = Flow(new ActionsOptions { RequireSecondApprover = ["kill clussvc"] });
        var (id, nonce) = await RequestAsync(flow);
        await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);
        _action.Premises = ["HV04 is Up", "the cluster loses quorum"];

        var kims = await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Kim), CancellationToken.None);

        Assert.Equal(0, _action.Executions);
        Assert.Null(kims.Confirmation);
        Assert.Contains("Checked again just before running", Text(kims), StringComparison.Ordinal);
        Assert.Contains("Checked again just before running", Text(kims.SharedView!), StringComparison.Ordinal);
        var fresh = Assert.Single(await _pending.ListAsync(PendingActionState.AwaitingConfirmation));
        Assert.Equal(Dana.PersonId, fresh.RequesterId);
        Assert.Equal("Dana", fresh.RequesterName);
        Assert.Equal(Dana.Id, fresh.RequesterChannelId);
    }

    [Fact]
    public async Task Recheck_ListPremiseChanged_SaysWhatWasAddedAndRemoved()
    {
        var flow = Flow();
        _action.Premises = ["VMs that crash: APP-01, WEB-02", "VMs that stay down: none"];
        var (id, nonce) = await RequestAsync(flow);
        _action.Premises = ["VMs that crash: APP-01, SQL-09", "VMs that stay down: SQL-09"];

        var reply = await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);

        Assert.Equal(0, _action.Executions);
        Assert.Contains("VMs that crash: now also SQL-09; no longer WEB-02; VMs that stay down: now also SQL-09.", Text(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recheck_FreshPlanRefuses_NotRunAndNoButton()
    {
        var flow = Flow();
        var (id, nonce) = await RequestAsync(flow);
        _action.ReplanRefusal = "HV04 is already Down.";

        var reply = await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);

        Assert.Equal(0, _action.Executions);
        Assert.Contains("HV04 is already Down.", Text(reply), StringComparison.Ordinal);
        Assert.Null(reply.Confirmation);
        Assert.Equal(AuditDecision.Refused, _audit.Records[^1].Decision);
    }

    [Fact]
    public async Task LeftRunningByACrash_BecomesInterruptedAuditedAndCannotBeConfirmed()
    {
        var flow = Flow();
        var (id, nonce) = await RequestAsync(flow);
        var stored = (await _pending.GetAsync(id, CancellationToken.None))!;
        await _pending.TryStartAsync(id, PendingActionState.AwaitingConfirmation, stored with { State = PendingActionState.Running }, TimeSpan.FromMinutes(1), CancellationToken.None);

        var found = await flow.WatchOnceAsync(CancellationToken.None);
        var again = await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);

        var (address, notice) = Assert.Single(found);
        Assert.Equal("addr:19:incident", address);
        Assert.Contains("`node HV04`", Text(notice), StringComparison.Ordinal);
        Assert.Equal(PendingActionState.Interrupted, (await _pending.GetAsync(id, CancellationToken.None))!.State);
        Assert.Contains(_audit.Records, r => r.Decision == AuditDecision.Interrupted && r.PendingId == id);
        Assert.Contains("interrupted", Text(again), StringComparison.Ordinal);
        Assert.Equal(0, _action.Executions);
        Assert.Empty(await flow.WatchOnceAsync(CancellationToken.None));
    }

    private FlowUnderTest Flow(ActionsOptions? options = null, IApprovalDelivery? approvals = null) =>
        new(_action, _pending, _audit, _clock, new AccessOptions { Admins = ["aad-dana", "aad-kim"], Operators = ["aad-lee"] }, options ?? new ActionsOptions { RequireSecondApprover = [] }, approvals);

    private async Task<(string Id, string Nonce)> RequestAsync(FlowUnderTest flow)
    {
        var request = new CommandRequest(ScriptedAction.Command, new Dictionary<string, string> { ["node"] = "HV04" }, new Dictionary<string, string?>(), Context(Dana), "kill clussvc HV04");
        var reply = await flow.RequestAsync(_action, request, CancellationToken.None);
        return (reply.Confirmation!.PendingId, reply.Confirmation.Nonce);
    }

    private static CommandContext Context(Caller caller) => new(caller, "19:incident", Guid.NewGuid().ToString("N"), "msteams") { Address = "addr:19:incident" };

    private static string Text(Reply reply) =>
        string.Join(" ", new[] { reply.Heading ?? string.Empty }.Concat(reply.Blocks.OfType<TextBlock>().Select(b => b.Text)));
}
