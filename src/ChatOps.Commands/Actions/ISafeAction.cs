using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Actions;

/// <summary>
/// One action that changes the cluster. The pending-action flow calls <see cref="PlanAsync"/> when it is requested, <see cref="ReplanAsync"/> on a fresh
/// snapshot just before it runs, and <see cref="ExecuteAsync"/> once, after confirmation, with the stored plan.
/// </summary>
public interface ISafeAction
{
    /// <summary>The command that requests it, with its role; the name is the action's name.</summary>
    CommandDefinition Definition { get; }

    /// <summary>Whether it stops something that runs (a service, a VM): its Confirm button and question are styled as destructive.</summary>
    bool IsDestructive { get; }

    /// <summary>
    /// Whether a second, different admin must approve it after the requester confirms, when more
    /// than one admin is configured and <c>ChatOps:Actions:RequireSecondApprover</c> does not say otherwise.
    /// </summary>
    bool SecondApproverByDefault { get; }

    /// <summary>The read-only command that shows what the target of a stored action looks like now ("node HV04").</summary>
    string CheckCommand(PendingAction action);

    /// <summary>What it does to a resolved target, in words: "Stop the cluster service on HV05".</summary>
    string Describe(string target, string? detail);

    /// <summary>Resolves the target against the live inventory and previews the impact.</summary>
    Task<ActionPlan> PlanAsync(CommandRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Plans the stored, already resolved target again on a fresh snapshot, so that the confirmation
    /// flow can compare its <see cref="ActionPlan.Premises"/> with those the requester confirmed.
    /// </summary>
    Task<ActionPlan> ReplanAsync(PendingAction action, CancellationToken cancellationToken);

    /// <summary>
    /// Runs the action on the stored target and reports what happened on each node. Each node acts only
    /// before <paramref name="notAfter"/> (UTC) by its own clock, and past it refuses and changes nothing.
    /// </summary>
    Task<Reply> ExecuteAsync(PendingAction action, DateTimeOffset notAfter, CancellationToken cancellationToken);
}
