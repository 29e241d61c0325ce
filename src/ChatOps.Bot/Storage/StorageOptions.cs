using System.ComponentModel.DataAnnotations;

namespace ChatOps.Bot.Storage;

/// <summary>Where state lives. Section <c>ChatOps:Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "ChatOps:Storage";

    /// <summary>
    /// LiteDB file for the audit log, pending confirmations, subscriptions, sweeps and processed
    /// activity ids; relative paths are under the content root. Default: <c>data/chatops.db</c>.
    /// </summary>
    [Required(ErrorMessage = "ChatOps:Storage:Path is required.")]
    public string Path { get; set; } = "data/chatops.db";

    /// <summary>
    /// What to do with a damaged database file at start: false stops start-up with one line naming it
    /// (nothing is touched); true moves it aside (<c>.damaged-&lt;time&gt;</c>), logs that, and starts with an
    /// empty one. Default: false.
    /// </summary>
    public bool MoveCorruptAside { get; set; }

    /// <summary>How long processed activity ids are remembered for de-duplication. Default: 1 day.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "ChatOps:Storage:ProcessedActivityRetention must be between 1 minute and 30 days.")]
    public TimeSpan ProcessedActivityRetention { get; set; } = TimeSpan.FromDays(1);
}
