using ChatOps.Commands.Access;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Actions.Approvals;
using ChatOps.Commands.Actions.Lifecycle;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using ChatOps.Commands.Subscriptions;
using ChatOps.Commands.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOps.Commands.Tests.Actions;

/// <summary>
/// The pending-action flow as the bot reaches it: presses through <see cref="CommandRouter.PressAsync"/>
/// (the access gate included), requests through the flow, and the watch that expires and interrupts.
/// </summary>
internal sealed class FlowUnderTest
{
    private readonly PendingActionWatch _watch;

    public FlowUnderTest(ISafeAction action, IPendingActions pending, IAuditLog audit, TimeProvider clock, AccessOptions access, ActionsOptions options, IApprovalDelivery? approvals = null)
    {
        var actions = new OptionsMonitorStub<ActionsOptions>(options);
        var accessMonitor = new OptionsMonitorStub<AccessOptions>(access);
        var ledger = new ActionAudit(audit, clock);
        Approvals = approvals ?? new RecordingApprovals();
        Outcomes = new ActionOutcomes(pending, audit, Publisher, Outbox, NullLogger<ActionOutcomes>.Instance);
        var runner = new ActionRunner(pending, ledger, Outcomes, actions, clock, NullLogger<ActionRunner>.Instance);
        var cards = new CardCopies(pending, Approvals, clock, NullLogger<CardCopies>.Instance);
        Flow = new PendingActionFlow([action], pending, ledger, runner, cards, Approvals, actions, accessMonitor, clock);
        Router = new CommandRouter(new CommandCatalog([]), new ConfiguredAccessPolicy(accessMonitor), new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), ledger, new Lazy<PendingActionFlow>(Flow), NullLogger<CommandRouter>.Instance);
        _watch = new PendingActionWatch(pending, Flow, Outcomes, ledger, Publisher, actions, NullLogger<PendingActionWatch>.Instance);
    }

    public PendingActionFlow Flow { get; }

    public CommandRouter Router { get; }

    public IApprovalDelivery Approvals { get; }

    public RecordingPublisher Publisher { get; } = new();

    public MemoryOutbox Outbox { get; } = new();

    private ActionOutcomes Outcomes { get; }

    public Task<Reply> RequestAsync(ISafeAction action, CommandRequest request, CancellationToken cancellationToken) => Flow.RequestAsync(action, request, cancellationToken);

    public Task<Reply> DecideAsync(string verb, string id, string? nonce, CommandContext context, CancellationToken cancellationToken) =>
        Router.PressAsync(new Press(verb, id, nonce), context, cancellationToken);

    /// <summary>One look by the watch; the notices it sent.</summary>
    public async Task<IReadOnlyList<(string Address, Reply Notice)>> WatchOnceAsync(CancellationToken cancellationToken)
    {
        var before = Publisher.Sent.Count;
        await _watch.CheckAsync(cancellationToken);
        await _watch.StopAsync(cancellationToken);
        return Publisher.Sent.Skip(before).ToList();
    }
}

/// <summary>Records what the flow sends to approvers and how it updates their copies.</summary>
internal sealed class RecordingApprovals(bool reachable = true) : IApprovalDelivery
{
    public List<(PendingAction Action, Reply Shared, Reply Approver)> Asked { get; } = [];

    public List<(CardCopy Copy, Reply View)> Updates { get; } = [];

    public Task<ApproverReach> ReachAsync(PendingAction action, CancellationToken cancellationToken) =>
        Task.FromResult(new ApproverReach(reachable, reachable ? "the approvals conversation" : "nobody else is an admin"));

    public Task<IReadOnlyList<CardCopy>> AskAsync(PendingAction action, Reply shared, Reply approverView, CancellationToken cancellationToken)
    {
        Asked.Add((action, shared, approverView));
        return Task.FromResult<IReadOnlyList<CardCopy>>([new CardCopy { ConversationId = "19:approvals", Address = "addr:approvals", MessageId = $"copy-{Asked.Count}" }]);
    }

    public Task UpdateAsync(IReadOnlyList<CardCopy> copies, Reply view, CancellationToken cancellationToken)
    {
        Updates.AddRange(copies.Select(c => (c, view)));
        return Task.CompletedTask;
    }
}

/// <summary>Records single-conversation posts.</summary>
internal sealed class RecordingPublisher : IChannelPublisher
{
    public List<(string Address, Reply Notice)> Sent { get; } = [];

    public Task<PublishResult> PublishAsync(string topic, Reply reply, string? once, CancellationToken cancellationToken) => Task.FromResult(new PublishResult(0, 0, 0));

    public Task<bool> SendAsync(string address, Reply reply, CancellationToken cancellationToken)
    {
        lock (Sent)
        {
            Sent.Add((address, reply));
        }

        return Task.FromResult(true);
    }
}
