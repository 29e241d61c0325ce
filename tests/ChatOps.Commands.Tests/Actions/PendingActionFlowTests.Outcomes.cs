using ChatOps.Commands.Actions;
using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Tests.Actions;

/// <summary>Every outcome is recorded: one the state store cannot take when it is known is kept, and written once it answers.</summary>
public sealed partial class PendingActionFlowTests
{
    [Fact]
    public async Task StoreDownWhenTheActionFinishes_OutcomeKeptThePresserToldTheRealOutcome_WrittenOnceTheStoreAnswers()
    {
        var flow = Flow();
        var (id, reply) = await ConfirmWhileTheStoreGoesDownAsync(flow);

        // The kill ran: the presser is told so, and that the record waits for the store.
        Assert.Equal(1, _action.Executions);
        Assert.Equal("Stopped HV04", reply.Heading);
        Assert.Contains("kept on this server", Text(reply), StringComparison.Ordinal);
        var kept = Assert.Single(flow.Outbox.Kept);
        Assert.Equal(AuditDecision.Executed, kept.Record.Decision);

        // While the store is down, the watch cannot write it either, and keeps it.
        await Assert.ThrowsAsync<StateUnavailableException>(() => flow.WatchOnceAsync(CancellationToken.None));
        Assert.Single(flow.Outbox.Kept);

        _pending.Down = false;
        _audit.Down = false;
        await flow.WatchOnceAsync(CancellationToken.None);

        Assert.Empty(flow.Outbox.Kept);
        Assert.Equal(PendingActionState.Done, (await _pending.GetAsync(id, CancellationToken.None))!.State);
        Assert.Equal(AuditDecision.Executed, _audit.Records[^1].Decision);
        Assert.Equal(id, _audit.Records[^1].PendingId);
        Assert.Empty(flow.Publisher.Sent);
    }

    [Fact]
    public async Task KeptOutcomeWrittenAfterAnotherInstanceWroteTheActionOff_SupersedesIt()
    {
        var flow = Flow();
        var (id, _) = await ConfirmWhileTheStoreGoesDownAsync(flow);

        // This instance was taken for gone meanwhile (its check-ins could not reach the store either).
        _pending.Down = false;
        _audit.Down = false;
        Assert.True(_pending.WriteOff(id));
        await flow.WatchOnceAsync(CancellationToken.None);

        Assert.Equal(PendingActionState.Done, (await _pending.GetAsync(id, CancellationToken.None))!.State);
        Assert.Equal("corrects the earlier Interrupted record: Stopped HV04", _audit.Records[^1].Outcome);
        Assert.Contains(flow.Publisher.Sent, s => s.Notice.Heading!.StartsWith("Correction: `kill clussvc HV04`", StringComparison.Ordinal));
    }

    /// <summary>Dana confirms; the state store stops answering while the action runs, and stays down.</summary>
    private async Task<(string Id, Reply Reply)> ConfirmWhileTheStoreGoesDownAsync(FlowUnderTest flow)
    {
        var (id, nonce) = await RequestAsync(flow);
        _action.Gate = new TaskCompletionSource();
        var confirming = flow.DecideAsync(CardWire.Confirm, id, nonce, Context(Dana), CancellationToken.None);
        await _action.Started.Task;
        _pending.Down = true;
        _audit.Down = true;
        _action.Gate.SetResult();
        return (id, await confirming);
    }
}
