using ChatOps.Clusters.Events;
using ChatOps.Knowledge;

namespace ChatOps.Commands.Clusters;

/// <summary>
/// Which runbooks explain an event: those whose <c>events</c> front matter names its log, provider and
/// id together (an id alone means different failures under different providers). Where several do
/// (1135 is named by six), the one whose text best matches what the event's message says leads, as
/// the knowledge search ranks it. Read from the knowledge base on every use, so an edited runbook maps at once.
/// </summary>
internal sealed class EventMap(IKnowledgeBase knowledge)
{
    /// <summary>The runbooks for each kind of event among <paramref name="events"/>, the one to read first leading.</summary>
    public Func<ClusterEvent, IReadOnlyList<Runbook>> For(IEnumerable<ClusterEvent> events)
    {
        var runbooks = knowledge.List();
        var found = new Dictionary<(string, string, int), IReadOnlyList<Runbook>>();
        foreach (var kind in events.GroupBy(Key))
        {
            var candidates = runbooks.Where(r => r.Events.Any(e => Key(e) == kind.Key)).ToList();
            if (candidates.Count > 1)
            {
                var ranked = knowledge.Search($"{kind.First().Id} {EventText.Message(kind.First().Message)}", top: 50).Hits.Select(h => h.Runbook.Id).ToList();
                candidates = [.. candidates.OrderBy(r => ranked.IndexOf(r.Id) is var at and >= 0 ? at : int.MaxValue).ThenBy(r => r.Id, StringComparer.Ordinal)];
            }

            found[kind.Key] = candidates;
        }

        return e => found.GetValueOrDefault(Key(e), []);
    }

    private static (string, string, int) Key(ClusterEvent e) => Key(e.Log, e.Provider, e.Id);

    private static (string, string, int) Key(RunbookEvent e) => Key(e.Log, e.Provider, e.Id);

    private static (string, string, int) Key(string log, string provider, int id) => (log.ToUpperInvariant(), provider.ToUpperInvariant(), id);
}
