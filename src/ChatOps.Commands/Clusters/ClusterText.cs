using System.Globalization;
using ChatOps.Clusters.Checks;
using ChatOps.Clusters.Model;
using ChatOps.Clusters.Planning;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Clusters;

/// <summary>Wording and statuses the cluster commands share.</summary>
internal static class ClusterText
{
    private const int MaxListed = 8;

    /// <summary>The canonical name that matches the typed one (case-insensitive), or null.</summary>
    public static string? Match(string? typed, IEnumerable<string> names) =>
        typed is null ? null : names.FirstOrDefault(n => n.Equals(typed.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>"There is no node `x`" with close names, or the command that lists them.</summary>
    public static Reply Unknown(string kind, string typed, IEnumerable<string> names, string listCommand)
    {
        var (problem, hint) = UnknownText(kind, typed, names, listCommand);
        return Reply.Error(problem, hint);
    }

    /// <summary>Problem and hint as one sentence, for a refusal.</summary>
    public static string UnknownSentence(string kind, string? typed, IEnumerable<string> names, string listCommand)
    {
        var (problem, hint) = UnknownText(kind, typed, names, listCommand);
        return $"{problem} {hint}";
    }

    /// <summary>The problem ("There is no node `x`") and the hint (close names, or some known ones and the command that lists them).</summary>
    public static (string Problem, string Hint) UnknownText(string kind, string? typed, IEnumerable<string> names, string listCommand)
    {
        var text = typed?.Trim() ?? string.Empty;
        var known = names.ToList();
        var suggestions = DidYouMean.Suggest(text, known);
        var some = known.Order(StringComparer.OrdinalIgnoreCase).Take(MaxListed).Select(n => $"`{n}`");
        var hint = suggestions.Count > 0
            ? DidYouMean.Phrase(suggestions)
            : $"Known: {string.Join(", ", some)}{(known.Count > MaxListed ? $" and {known.Count - MaxListed} more" : string.Empty)}. Type `{listCommand}` to see them all.";
        return ($"There is no {kind} `{Echo.Safe(text)}` in the cluster.", hint);
    }

    /// <summary>A warning naming every node that did not answer and every part a node could not read, or null when all was read.</summary>
    public static TextBlock? Partial(ClusterSnapshot snapshot)
    {
        if (!snapshot.IsPartial)
        {
            return null;
        }

        var nodes = snapshot.Unreachable.Select(n => $"{n.Name} ({Failure(n)})")
            .Concat(snapshot.Reachable.Where(n => n.Inventory!.Unread.Count > 0)
                .Select(n => $"{n.Name} could not read {string.Join(", ", n.Inventory!.Unread.Keys.Select(p => p.Describe()))}"));
        return new TextBlock($"Partial: {string.Join("; ", nodes)}. Anything that depends on those nodes is missing from this answer.", TextStyle.Warning);
    }

    /// <summary>Why a node gave no inventory, e.g. <c>Timeout: HV04 did not answer within 8 s.</c></summary>
    public static string Failure(NodeResult node) =>
        node.Failure is { } f ? $"{f.Kind}: {f.Message}" : "no answer";

    public static CellStatus Status(NodeState state) => state switch
    {
        NodeState.Up => CellStatus.Ok,
        NodeState.Down => CellStatus.Attention,
        NodeState.Unknown => CellStatus.Unknown,
        _ => CellStatus.Warning,
    };

    /// <summary>Quorum kept with votes to spare is good; kept with none to spare (one more vote lost loses it) is a warning.</summary>
    public static CellStatus Status(QuorumAssessment quorum) =>
        !quorum.HasQuorum ? CellStatus.Attention : quorum.Votes > quorum.Needed ? CellStatus.Ok : CellStatus.Warning;

    public static CellStatus Status(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => CellStatus.Attention,
        Severity.Medium => CellStatus.Warning,
        _ => CellStatus.None,
    };

    public static CellStatus Status(VmGroupState state) => state switch
    {
        VmGroupState.Online => CellStatus.Ok,
        VmGroupState.Offline => CellStatus.None,
        VmGroupState.Failed => CellStatus.Attention,
        _ => CellStatus.Warning,
    };

    /// <summary>"1 critical, 9 high, 11 medium" or "none".</summary>
    public static string Counts(IEnumerable<Finding> findings) => Counts(findings.Select(f => f.Severity));

    /// <summary>"1 critical, 10 high": the same words for the same counts in every reply.</summary>
    public static string Counts(IEnumerable<Severity> severities)
    {
        var parts = severities.GroupBy(s => s).OrderBy(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}").ToList();
        return parts.Count == 0 ? "none" : string.Join(", ", parts);
    }

    /// <summary>What a VM is when Hyper-V on no node that answered has it registered.</summary>
    public const string NotRegistered = "not registered on any node that answered";

    /// <summary>Each node's Hyper-V state of the VM, "Saved on HV01, Running on HV02"; null when no node that answered has it.</summary>
    public static string? HyperVStates(ClusteredVm vm) =>
        vm.HostStates.Count == 0 ? null : string.Join(", ", vm.HostStates.Select(h => $"{h.State} on {h.Node}"));

    /// <summary>Whether the cluster has the VM running (or on its way).</summary>
    public static bool IsRunning(ClusteredVm vm) =>
        vm.GroupState is VmGroupState.Online or VmGroupState.PartialOnline or VmGroupState.Pending;

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The most severe finding's status, or Ok when there is none.</summary>
    public static CellStatus Worst(IEnumerable<Finding> findings) => Worst(findings.Select(f => f.Severity));

    /// <summary>The mark of the worst severity (Ok when there is none): the same mark for the same counts in every reply.</summary>
    public static CellStatus Worst(IEnumerable<Severity> severities)
    {
        var list = severities.ToList();
        return list.Count == 0 ? CellStatus.Ok : Status(list.Min());
    }
}
