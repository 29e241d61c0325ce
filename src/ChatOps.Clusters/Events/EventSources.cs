namespace ChatOps.Clusters.Events;

/// <summary>
/// The logs the bot reads on every node: the cluster's own events in the System log and the Hyper-V
/// clustering and management channels. Both backends read exactly these, with the same bounds.
/// </summary>
public static class EventSources
{
    /// <summary>The System log, read for the failover cluster's provider only.</summary>
    public const string SystemLog = "System";

    /// <summary>The failover cluster's provider in the System log.</summary>
    public const string FailoverClusteringProvider = "Microsoft-Windows-FailoverClustering";

    /// <summary>The failover cluster's own channel (what the System log's summary events leave out).</summary>
    public const string OperationalLog = "Microsoft-Windows-FailoverClustering/Operational";

    /// <summary>Hyper-V's clustering channel (live migration and VM resource events, 21xxx).</summary>
    public const string HighAvailabilityLog = "Microsoft-Windows-Hyper-V-High-Availability-Admin";

    /// <summary>The provider writing <see cref="HighAvailabilityLog"/>.</summary>
    public const string HighAvailabilityProvider = "Microsoft-Windows-Hyper-V-High-Availability";

    /// <summary>The Virtual Machine Management Service's channel.</summary>
    public const string VmmsLog = "Microsoft-Windows-Hyper-V-VMMS-Admin";

    /// <summary>The provider writing <see cref="VmmsLog"/>.</summary>
    public const string VmmsProvider = "Microsoft-Windows-Hyper-V-VMMS";

    /// <summary>The logs read, in order.</summary>
    public static readonly IReadOnlyList<string> Logs = [SystemLog, OperationalLog, HighAvailabilityLog, VmmsLog];

    /// <summary>
    /// At most this many events from each log and level group (critical and error apart from warnings),
    /// the newest: a storm of warnings must not push a node's removal out of the read.
    /// </summary>
    public const int MaxPerLog = 5000;

    /// <summary>
    /// The message characters one node's read keeps, newest first log by log: past it, an event keeps its key,
    /// level and time (so counts stay exact) but not its text. Bounds the answer when every log is full.
    /// </summary>
    public const int MaxMessageChars = 1_000_000;

    /// <summary>The longest window a read may cover.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(7);

    /// <summary>A window within one minute and <see cref="MaxWindow"/>.</summary>
    public static TimeSpan Clamp(TimeSpan window) =>
        window < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : window > MaxWindow ? MaxWindow : window;

    /// <summary>Whether the node reads this event: a log it reads, the cluster's provider in System, a level from Critical to Warning.</summary>
    public static bool AreRead(ClusterEvent e) =>
        e.Level is >= WinEventLevel.Critical and <= WinEventLevel.Warning
        && Logs.Contains(e.Log, StringComparer.OrdinalIgnoreCase)
        && (!e.Log.Equals(SystemLog, StringComparison.OrdinalIgnoreCase) || e.Provider.Equals(FailoverClusteringProvider, StringComparison.OrdinalIgnoreCase));

    /// <summary>The level group an event is bounded in: critical and error together, warnings apart.</summary>
    public static bool IsSerious(WinEventLevel level) => level is WinEventLevel.Critical or WinEventLevel.Error;
}
