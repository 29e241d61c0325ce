using ChatOps.Bot.Storage;
using ChatOps.Clusters;

namespace ChatOps.Bot.Terminal;

/// <summary>Whether the terminal chat keeps its own state, and the one line that tells its user so.</summary>
/// <param name="Own">True when it keeps its state in <see cref="TerminalProgram.OwnStatePath"/>, apart from a service's.</param>
internal sealed record TerminalState(bool Own)
{
    public string Describe(StorageOptions storage, ClusterOptions cluster)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(cluster);
        if (Own)
        {
            return $"This chat runs its own lab and keeps its own state ({storage.Path}): a running service's lab, audit and pending actions are not shared. "
                + "Set ChatOps:Storage:Path to use another state database on purpose; the lab stays this chat's own.";
        }

        var where = storage.Provider == StorageProvider.PostgreSql ? "the PostgreSQL database of ChatOps:Storage" : storage.Path;
        return cluster.Backend.Equals(ClusterOptions.LabBackend, StringComparison.OrdinalIgnoreCase)
            ? $"This chat keeps its state in {where}, which a running service may share; its lab is its own, so what it does there the service does not see."
            : $"This chat acts on the real cluster's nodes and keeps its state in {where}, as the service does: what it does is audited there.";
    }
}
