namespace ChatOps.Clusters.Events;

/// <summary>The events of every node asked, for one window.</summary>
/// <param name="Cluster">The cluster's name.</param>
/// <param name="Since">The window's start (UTC).</param>
/// <param name="ReadAt">When the logs were read (UTC).</param>
/// <param name="Nodes">Each node asked, in membership order.</param>
public sealed record ClusterEvents(string Cluster, DateTimeOffset Since, DateTimeOffset ReadAt, IReadOnlyList<NodeEvents> Nodes)
{
    private readonly Lazy<IReadOnlyList<ClusterEvent>> _all = new(() => [.. Nodes.SelectMany(n => n.Events).OrderByDescending(e => e.Time.UtcTicks)]);

    /// <summary>Every event read, newest first: sorted once (a window of 16 nodes holds 80,000), however often it is read.</summary>
    public IReadOnlyList<ClusterEvent> All => _all.Value;

    /// <summary>True when some node or log could not be read: "none" then means "none that could be read".</summary>
    public bool IsPartial => Nodes.Any(n => !n.IsComplete);
}
