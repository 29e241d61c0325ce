namespace ChatOps.Clusters.Checks;

/// <summary>One problem a check found.</summary>
/// <param name="CheckId">The check, one of <see cref="CheckIds"/>.</param>
/// <param name="Severity">How urgent.</param>
/// <param name="Subject">What it is about: a node, VM, disk or the cluster name.</param>
/// <param name="Evidence">What was seen, in words an operator can verify.</param>
/// <param name="KbId">The runbook that explains and fixes it, one of <see cref="KbIds"/>.</param>
public sealed record Finding(string CheckId, Severity Severity, string Subject, string Evidence, string KbId)
{
    /// <summary>Nodes the finding involves (for <c>diagnose node</c>).</summary>
    public IReadOnlyList<string> Nodes { get; init; } = [];

    /// <summary>VMs the finding involves (for <c>diagnose vm</c>).</summary>
    public IReadOnlyList<string> Vms { get; init; } = [];

    /// <summary>True when the finding is about this node (subject or involved), case-insensitive.</summary>
    public bool ConcernsNode(string node) =>
        Subject.Equals(node, StringComparison.OrdinalIgnoreCase) || Nodes.Contains(node, StringComparer.OrdinalIgnoreCase);

    /// <summary>True when the finding is about this VM (subject or involved), case-insensitive.</summary>
    public bool ConcernsVm(string vm) =>
        Subject.Equals(vm, StringComparison.OrdinalIgnoreCase) || Vms.Contains(vm, StringComparer.OrdinalIgnoreCase);
}
