using System.Globalization;
using ChatOps.Clusters.Events;
using ChatOps.Commands.Replies;

namespace ChatOps.Commands.Clusters;

/// <summary>How events read in replies: their source, their level's look, a time span, a message cut to a line.</summary>
internal static class EventText
{
    private const int MaxMessage = 200;

    /// <summary>The provider, shortened, and the id: <c>FailoverClustering 1135</c>.</summary>
    public static string Source(ClusterEvent e) => $"{Provider(e.Provider)} {e.Id}";

    /// <summary>A provider without the prefix every Windows provider shares: <c>FailoverClustering</c>, <c>Hyper-V-VMMS</c>.</summary>
    public static string Provider(string provider) =>
        provider.StartsWith("Microsoft-Windows-", StringComparison.OrdinalIgnoreCase) ? provider["Microsoft-Windows-".Length..] : provider;

    public static CellStatus Status(WinEventLevel level) =>
        EventSources.IsSerious(level) ? CellStatus.Attention : level == WinEventLevel.Warning ? CellStatus.Warning : CellStatus.None;

    /// <summary><c>10:02 UTC</c>, or with the date when it is not today's.</summary>
    public static string Time(DateTimeOffset time, DateTimeOffset now) =>
        time.UtcDateTime.Date == now.UtcDateTime.Date
            ? time.UtcDateTime.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The first line of a message, cut at a word to fit one line of a card. It is the node's text, not
    /// ours: control characters and the marks replies read as code or bold are taken out.
    /// </summary>
    public static string Message(string message)
    {
        var line = new string(message.Split('\n', 2)[0].Where(c => !char.IsControl(c) && c is not ('`' or '*')).ToArray()).Trim();
        if (line.Length == 0)
        {
            return "(no text: the read's bound on message text was reached, or the event has none)";
        }

        if (line.Length <= MaxMessage)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', MaxMessage);
        var keep = cut > MaxMessage / 2 ? cut : char.IsHighSurrogate(line[MaxMessage - 1]) ? MaxMessage - 1 : MaxMessage;
        return line[..keep] + "…";
    }

    /// <summary><c>30 min</c>, <c>24 h</c>, <c>3 d</c>.</summary>
    public static string Window(TimeSpan window) =>
        window.TotalDays >= 2 && window.TotalDays == Math.Floor(window.TotalDays) ? $"{window.TotalDays:0} d"
        : window.TotalHours >= 1 && window.TotalHours == Math.Floor(window.TotalHours) ? $"{window.TotalHours:0} h"
        : $"{window.TotalMinutes:0} min";

    /// <summary>A window as <c>events --since</c> takes it: <c>4h</c>, <c>30m</c>, <c>2d</c>.</summary>
    public static string Since(TimeSpan window) =>
        window.TotalDays >= 1 && window.TotalDays == Math.Floor(window.TotalDays) ? $"{window.TotalDays:0}d"
        : window.TotalHours >= 1 && window.TotalHours == Math.Floor(window.TotalHours) ? $"{window.TotalHours:0}h"
        : $"{Math.Ceiling(window.TotalMinutes):0}m";

    /// <summary>Why some events could not be read: silent nodes, unreadable logs, logs read only up to the bound. Null when everything was read.</summary>
    public static TextBlock? Partial(ClusterEvents events)
    {
        var parts = new List<string>();
        parts.AddRange(events.Nodes.Where(n => n.Failure is not null).Select(n => $"**{n.Node}** did not answer ({n.Failure!.Message})"));
        parts.AddRange(events.Nodes.SelectMany(n => n.UnreadLogs.Select(u => $"{n.Node} could not read {u.Key} ({u.Value.Message})")));
        parts.AddRange(events.Nodes.SelectMany(n => n.CappedLogs.Select(l => $"{n.Node}'s {l} held more than {EventSources.MaxPerLog}: only the newest were read")));
        return parts.Count == 0 ? null : new TextBlock($"Partial: {string.Join("; ", parts)}. No event from there means nothing.", TextStyle.Warning);
    }

    /// <summary>How many events came without their text (the read's bound on message characters); null when none.</summary>
    public static TextBlock? Trimmed(ClusterEvents events) =>
        events.Nodes.Sum(n => n.MessagesDropped) is var dropped and > 0
            ? new TextBlock($"{dropped} older event(s) came without their text: each node's read keeps {EventSources.MaxMessageChars / 1000:N0} thousand characters of messages. They are counted; `--since` a shorter time shows their text.", TextStyle.Subtle)
            : null;
}
