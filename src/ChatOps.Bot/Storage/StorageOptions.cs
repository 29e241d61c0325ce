using System.ComponentModel.DataAnnotations;

namespace ChatOps.Bot.Storage;

/// <summary>Where state lives. Section <c>ChatOps:Storage</c>.</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "ChatOps:Storage";

    /// <summary>
    /// Where state lives: <c>LiteDb</c> (one file, the embedded default, one instance) or <c>PostgreSql</c>
    /// (<see cref="ConnectionString"/>; several instances share it, and the schedule with it).
    /// </summary>
    public StorageProvider Provider { get; set; } = StorageProvider.LiteDb;

    /// <summary>
    /// The PostgreSQL connection string (Npgsql form: <c>Host=…;Database=…;Username=…;Password=…</c>), for
    /// <see cref="StorageProvider.PostgreSql"/>. Never in the repository: set it in the environment
    /// (<c>ChatOps__Storage__ConnectionString</c>) or a secret store. Unless it says otherwise, connecting
    /// gives up after 3 s and a statement after 5 s, so a database that is down refuses at once rather than hangs.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// PostgreSQL: how long an instance that stopped checking in is still taken as alive. Past it, the
    /// activities it had taken on are handled again by another instance and its running actions are
    /// reported interrupted. Instances check in every fifth of it. Default: 30 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00", ErrorMessage = "ChatOps:Storage:InstanceLease must be between 5 seconds and 10 minutes.")]
    public TimeSpan InstanceLease { get; set; } = TimeSpan.FromSeconds(30);

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

/// <summary>The state store behind the ports of ChatOps.Commands.</summary>
public enum StorageProvider
{
    /// <summary>One LiteDB file: the embedded default, for a single instance.</summary>
    LiteDb,

    /// <summary>PostgreSQL through Npgsql, shared by several instances.</summary>
    PostgreSql,
}
