using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Actions;

/// <summary>
/// What an action would do, worked out from the live inventory before anyone confirms:
/// the resolved target, the impact preview, and whether it is refused outright.
/// </summary>
public sealed record ActionPlan
{
    /// <summary>The resolved target name (from the inventory, never the typed text).</summary>
    public required string Target { get; init; }

    /// <summary>Extra resolved argument, e.g. a VM GUID.</summary>
    public string? Detail { get; init; }

    /// <summary>The impact preview shown above Confirm and Cancel.</summary>
    public IReadOnlyList<ReplyBlock> Preview { get; init; } = [];

    /// <summary>
    /// The facts the preview rests on, each a short sentence ("HV04 is Up", "the cluster keeps
    /// quorum"). They are stored with the confirmation; if any differs when the action is about to
    /// run, it does not run and a fresh preview is offered.
    /// </summary>
    public IReadOnlyList<string> Premises { get; init; } = [];

    /// <summary>Why the action may not go ahead, or null.</summary>
    public string? Refusal { get; init; }

    /// <summary>Whether this request needs a second admin whatever the configuration says (e.g. a forced quorum loss).</summary>
    public bool ForceSecondApprover { get; init; }

    /// <summary>A plan that refuses, with the reason.</summary>
    public static ActionPlan Refuse(string target, string reason, IReadOnlyList<ReplyBlock>? preview = null) =>
        new() { Target = target, Refusal = reason, Preview = preview ?? [] };
}
