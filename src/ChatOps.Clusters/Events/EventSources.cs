namespace ChatOps.Clusters.Events;

/// <summary>
/// The logs the bot reads on every node: the cluster's own events in the System log and the Hyper-V
/// clustering and management channels. Both backends read exactly these, with the same bounds.
/// </summary>
public static class EventSources
{
    public const string System = "System";
    public const string FailoverClustering = "Microsoft-Windows-FailoverClustering";
    public const string HighAvailabilityLog = "Microsoft-Windows-Hyper-V-High-Availability-Admin";
    public const string HighAvailability = "Microsoft-Windows-Hyper-V-High-Availability";
    public const string VmmsLog = "Microsoft-Windows-Hyper-V-VMMS-Admin";
    public const string Vmms = "Microsoft-Windows-Hyper-V-VMMS";

    /// <summary>The logs read, in order.</summary>
    public static readonly IReadOnlyList<string> Logs = [System, HighAvailabilityLog, VmmsLog];

    /// <summary>At most this many events from each log, the newest (a storm of one event must not bury the rest).</summary>
    public const int MaxPerLog = 200;

    /// <summary>The longest window a read may cover.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(7);

    /// <summary>A window within one minute and <see cref="MaxWindow"/>.</summary>
    public static TimeSpan Clamp(TimeSpan window) =>
        window < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : window > MaxWindow ? MaxWindow : window;
}
