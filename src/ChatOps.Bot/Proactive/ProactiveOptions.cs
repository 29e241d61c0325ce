using System.ComponentModel.DataAnnotations;

namespace ChatOps.Bot.Proactive;

/// <summary>Proactive posting limits. Section <c>ChatOps:Proactive</c>. Defaults follow Teams' per-bot, per-conversation limits.</summary>
public sealed class ProactiveOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "ChatOps:Proactive";

    /// <summary>Messages per second per conversation. Default: 7.</summary>
    [Range(1, 100, ErrorMessage = "ChatOps:Proactive:PerSecond must be 1-100.")]
    public int PerSecond { get; set; } = 7;

    /// <summary>Messages per 30 seconds per conversation. Default: 60.</summary>
    [Range(1, 1000, ErrorMessage = "ChatOps:Proactive:Per30Seconds must be 1-1000.")]
    public int Per30Seconds { get; set; } = 60;

    /// <summary>Messages per hour per conversation. Default: 1,800.</summary>
    [Range(1, 100_000, ErrorMessage = "ChatOps:Proactive:PerHour must be 1-100000.")]
    public int PerHour { get; set; } = 1800;

    /// <summary>Attempts per message before it counts as failed. Default: 5.</summary>
    [Range(1, 10, ErrorMessage = "ChatOps:Proactive:MaxAttempts must be 1-10.")]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay; doubles each attempt, with jitter. Default: 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "ChatOps:Proactive:BaseDelay must be 0-60 seconds.")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
}
