using System.Collections.Concurrent;
using ChatOps.Clusters.Events;
using ChatOps.Knowledge;

namespace ChatOps.Commands.Clusters;

/// <summary>
/// Which runbooks explain an event: those whose <c>events</c> front matter names its log, provider and
/// id together (an id alone means different failures under different providers). Where several do
/// (1135 is named by six), the one whose text best matches what the event's message says leads, as
/// the knowledge search ranks it. Read from the knowledge base on every use, so an edited runbook maps at once;
/// a ranking is kept for the index it came from (a reload makes a new one), as the same messages recur.
/// </summary>
internal sealed class EventMap(IKnowledgeBase knowledge)
{
    /// <summary>How many rankings are kept before they are all dropped.</summary>
    private const int MaxRankings = 512;

    private readonly ConcurrentDictionary<(KnowledgeStatus Index, string Query), List<string>> _rankings = new();

    /// <summary>The runbooks for each kind of event among <paramref name="events"/>, the one to read first leading.</summary>
    public Func<ClusterEvent, IReadOnlyList<Runbook>> For(IEnumerable<ClusterEvent> events)
    {
        var runbooks = knowledge.List();
        var found = new Dictionary<EventKind, IReadOnlyList<Runbook>>();
        foreach (var kind in events.GroupBy(e => e.Kind))
        {
            var candidates = runbooks.Where(r => r.Events.Any(e => new EventKind(e.Log, e.Provider, e.Id) == kind.Key)).ToList();
            if (candidates.Count > 1)
            {
                var ranked = Ranking($"{kind.First().Id} {EventText.Message(kind.First().Message)}");
                candidates = [.. candidates.OrderBy(r => ranked.IndexOf(r.Id) is var at and >= 0 ? at : int.MaxValue).ThenBy(r => r.Id, StringComparer.Ordinal)];
            }

            found[kind.Key] = candidates;
        }

        return e => found.TryGetValue(e.Kind, out var list) ? list : [];
    }

    /// <summary>The runbook ids the knowledge search ranks for a query, best first, from the current index.</summary>
    private List<string> Ranking(string query)
    {
        if (_rankings.Count > MaxRankings)
        {
            _rankings.Clear();
        }

        return _rankings.GetOrAdd((knowledge.Status, query), key => [.. knowledge.Search(key.Query, top: 50).Hits.Select(h => h.Runbook.Id)]);
    }
}
