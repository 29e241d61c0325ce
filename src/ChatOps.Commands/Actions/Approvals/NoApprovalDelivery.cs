using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Actions.Approvals;

/// <summary>
/// Where the bot has no channel to reach other people (the terminal chat): a second admin can only
/// be one who sees the conversation the action was asked in, which here is nobody.
/// </summary>
internal sealed class NoApprovalDelivery : IApprovalDelivery
{
    public Task<ApproverReach> ReachAsync(PendingAction action, CancellationToken cancellationToken) =>
        Task.FromResult(new ApproverReach(false, "this chat cannot reach another admin; ask for it in Teams, where a second admin can approve it"));

    public Task<IReadOnlyList<CardCopy>> AskAsync(PendingAction action, Reply shared, Reply approverView, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CardCopy>>([]);

    public Task UpdateAsync(IReadOnlyList<CardCopy> copies, Reply view, CancellationToken cancellationToken) => Task.CompletedTask;
}
