using ChatOps.Commands.Actions;
using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Tests.Actions;

/// <summary>
/// An instance acts only while it provably owns the action: the nodes get its deadline, it asks the store
/// just before any node call, and an outcome that arrives after another instance wrote it off supersedes that.
/// </summary>
public sealed partial class PendingActionFlowTests
{
    [Fact]
    public async Task Confirm_TheNodeCallCarriesTheDeadlineSetWhenItStarted()
    {
        var flow = Flow(new ActionsOptions { RequireSecondApprover = [], ExecuteTimeout = TimeSpan.FromSeconds(45) });
        var (id, nonce) = await RequestAsync(flow);
        _clock.Advance(TimeSpan.FromSeconds(10));
        var confirmedAt = _clock.GetUtcNow();

        await flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);

        Assert.Equal(confirmedAt.AddSeconds(45), _action.NotAfter);
        Assert.Equal(confirmedAt.AddSeconds(45), (await _pending.GetAsync(id, CancellationToken.None))!.ExecuteBy);
    }

    [Fact]
    public async Task WrittenOffWhileHeldUpBeforeItsNodeCall_StandsDownCallsNoNodeAndCorrectsTheRecord()
    {
        var flow = Flow();
        var (id, nonce) = await RequestAsync(flow);
        _action.ReplanGate = new TaskCompletionSource();

        var confirming = flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);
        await _action.ReplanStarted.Task;
        // Held up here (paused, say) until another instance took it for gone and wrote it off.
        Assert.True(_pending.WriteOff(id));
        _action.ReplanGate.SetResult();
        var reply = await confirming;

        Assert.Equal(0, _action.Executions);
        Assert.Contains("stood down", Text(reply), StringComparison.Ordinal);
        Assert.Equal(PendingActionState.Done, (await _pending.GetAsync(id, CancellationToken.None))!.State);
        var last = _audit.Records[^1];
        Assert.Equal(AuditDecision.Refused, last.Decision);
        Assert.StartsWith("corrects the earlier Interrupted record: not run:", last.Outcome, StringComparison.Ordinal);
        var (address, correction) = Assert.Single(flow.Publisher.Sent);
        Assert.Equal("addr:19:incident", address);
        Assert.StartsWith("Correction: `kill clussvc HV04` was reported interrupted", correction.Heading, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeadlinePassedWhileHeldUpBeforeItsNodeCall_StandsDownAndCallsNoNode()
    {
        var flow = Flow(new ActionsOptions { RequireSecondApprover = [], ExecuteTimeout = TimeSpan.FromSeconds(30) });
        var (id, nonce) = await RequestAsync(flow);
        _action.ReplanGate = new TaskCompletionSource();

        var confirming = flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);
        await _action.ReplanStarted.Task;
        _clock.Advance(TimeSpan.FromSeconds(31));
        _action.ReplanGate.SetResult();
        var reply = await confirming;

        Assert.Equal(0, _action.Executions);
        Assert.Contains("stood down", Text(reply), StringComparison.Ordinal);
        Assert.Equal(AuditDecision.Refused, _audit.Records[^1].Decision);
        Assert.Empty(flow.Publisher.Sent);
    }

    [Fact]
    public async Task OutcomeArrivesAfterAnotherInstanceWroteItOff_SupersedesTheInterruptedRecordAndTellsTheConversation()
    {
        var flow = Flow();
        var (id, nonce) = await RequestAsync(flow);
        _action.Gate = new TaskCompletionSource();

        var confirming = flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);
        await _action.Started.Task;
        Assert.True(_pending.WriteOff(id));
        _action.Gate.SetResult();
        await confirming;

        Assert.Equal(1, _action.Executions);
        Assert.Equal(PendingActionState.Done, (await _pending.GetAsync(id, CancellationToken.None))!.State);
        var last = _audit.Records[^1];
        Assert.Equal(AuditDecision.Executed, last.Decision);
        Assert.Equal("corrects the earlier Interrupted record: Stopped HV04", last.Outcome);
        var (_, correction) = Assert.Single(flow.Publisher.Sent);
        Assert.Contains("What happened: Stopped HV04", Text(correction), StringComparison.Ordinal);
    }
}
