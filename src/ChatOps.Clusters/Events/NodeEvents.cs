using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Events;

/// <summary>
/// What one node's logs held for the window, newest first. A node that did not answer has
/// <paramref name="Failure"/> and no events; a log it could not read is in <paramref name="UnreadLogs"/>
/// while the other logs are still read, so "no events" is only ever said of logs that were read.
/// </summary>
/// <param name="Node">The node.</param>
/// <param name="Events">The events read, newest first.</param>
/// <param name="UnreadLogs">Each log that could not be read, with why.</param>
/// <param name="CappedLogs">Logs that held more events than <see cref="EventSources.MaxPerLog"/>: only the newest were read.</param>
/// <param name="Failure">Why the node gave nothing at all; null when it answered.</param>
/// <param name="MessagesDropped">Events read without their text, past <see cref="EventSources.MaxMessageChars"/>.</param>
public sealed record NodeEvents(
    string Node,
    IReadOnlyList<ClusterEvent> Events,
    IReadOnlyDictionary<string, NodeFailure> UnreadLogs,
    IReadOnlyList<string> CappedLogs,
    NodeFailure? Failure,
    int MessagesDropped = 0)
{
    /// <summary>A node that did not answer.</summary>
    public static NodeEvents Silent(string node, NodeFailure failure) =>
        new(node, [], new Dictionary<string, NodeFailure>(), [], failure);

    /// <summary>True when every log was read whole (none unreadable, none past its bound).</summary>
    public bool IsComplete => Failure is null && UnreadLogs.Count == 0 && CappedLogs.Count == 0;
}
