using ChatOps.Commands.Access;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Tests.Actions;

/// <summary>An action whose plans and run the test sets: premises, a refusal at re-plan time, a run that waits for a signal.</summary>
internal sealed class ScriptedAction : ISafeAction
{
    public static readonly CommandDefinition Command = new()
    {
        Name = "kill clussvc",
        Summary = "test action",
        Usage = "kill clussvc <node>",
        Role = Role.Admin,
        Arguments = [new ArgumentSpec("node")],
    };

    private int _executions;

    public CommandDefinition Definition => Command;

    public bool IsDestructive => true;

    public bool SecondApproverByDefault => true;

    public string CheckCommand(PendingAction action) => $"node {action.Target}";

    public string Describe(string target, string? detail) => $"Stop the cluster service on {target}";

    /// <summary>What the plans say now; change it between request and confirm to model a changed cluster.</summary>
    public List<string> Premises { get; set; } = ["HV04 is Up", "the cluster keeps quorum"];

    /// <summary>What the first plan previews.</summary>
    public List<ReplyBlock> Preview { get; set; } = [new TextBlock("preview")];

    /// <summary>A refusal the next re-plan gives.</summary>
    public string? ReplanRefusal { get; set; }

    /// <summary>When set, a run waits for it (or for its token).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>When set, a re-plan waits for it (the instance held up between its confirm and its node call).</summary>
    public TaskCompletionSource? ReplanGate { get; set; }

    /// <summary>Completed when a re-plan starts.</summary>
    public TaskCompletionSource ReplanStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The deadline the last run was given for its node calls.</summary>
    public DateTimeOffset? NotAfter { get; private set; }

    /// <summary>Completed when a run starts.</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Executions => _executions;

    public Task<ActionPlan> PlanAsync(CommandRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new ActionPlan { Target = request.Argument("node") ?? "HV04", Premises = [.. Premises], Preview = [.. Preview] });

    public async Task<ActionPlan> ReplanAsync(PendingAction action, CancellationToken cancellationToken)
    {
        ReplanStarted.TrySetResult();
        if (ReplanGate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return ReplanRefusal is { } refusal
            ? ActionPlan.Refuse(action.Target, refusal)
            : new ActionPlan { Target = action.Target, Premises = [.. Premises], Preview = [new TextBlock("fresh preview")] };
    }

    public async Task<Reply> ExecuteAsync(PendingAction action, DateTimeOffset notAfter, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _executions);
        NotAfter = notAfter;
        Started.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return Reply.Text($"Stopped the cluster service on {action.Target}.", $"Stopped {action.Target}");
    }
}
