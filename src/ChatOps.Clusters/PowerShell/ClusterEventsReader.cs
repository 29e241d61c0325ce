using System.Globalization;
using System.Text.Json;
using ChatOps.Clusters.Events;
using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.PowerShell;

/// <summary>
/// Reads <c>Get-ChatOpsClusterEvents</c>'s document: one entry per log, each holding its events or,
/// when the log could not be read, <c>{"error":{...}}</c> in their place.
/// </summary>
internal static class ClusterEventsReader
{
    public static NodeEvents Read(JsonElement root, string node)
    {
        var events = new List<ClusterEvent>();
        var unread = new Dictionary<string, NodeFailure>(StringComparer.OrdinalIgnoreCase);
        var capped = new List<string>();
        var dropped = 0;
        foreach (var source in JsonRead.Array(root, "sources"))
        {
            var log = JsonRead.String(source, "log");
            var value = JsonRead.Property(source, "events");
            if (NodeInventoryReader.PartFailure(value) is { } failure)
            {
                unread[log] = failure;
                continue;
            }

            dropped += JsonRead.OptionalInt(source, "messagesDropped") ?? 0;
            if (JsonRead.OptionalBool(source, "capped") == true)
            {
                capped.Add(log);
            }

            events.AddRange(JsonRead.Array(source, "events").Select(e => new ClusterEvent(
                node,
                log,
                JsonRead.String(e, "provider"),
                (int)JsonRead.Long(e, "id"),
                Level(JsonRead.Long(e, "level")),
                Time(JsonRead.String(e, "time")),
                JsonRead.OptionalString(e, "message") ?? string.Empty)));
        }

        return new NodeEvents(node, [.. events.OrderByDescending(e => e.Time)], unread, capped, null, dropped);
    }

    /// <summary>Levels 1–4 as they are; anything else (0, LogAlways) is read as Information, never as worse.</summary>
    private static WinEventLevel Level(long level) =>
        level is >= 1 and <= 4 ? (WinEventLevel)level : WinEventLevel.Information;

    private static DateTimeOffset Time(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw JsonRead.Bad($"event time '{text}' is not a time");
}
