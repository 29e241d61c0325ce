namespace ChatOps.Clusters.Model;

/// <summary>How one node reaches one CSV, and why it is redirected when it is.</summary>
/// <param name="Csv">The CSV's cluster resource name.</param>
/// <param name="Mode">Direct, redirected, paused or unavailable.</param>
/// <param name="Reasons">
/// The redirect reasons the node gives (<c>FileSystemRedirectedIOReason</c>, <c>BlockRedirectedIOReason</c>
/// flags, e.g. <c>UserRequest</c>, <c>FileSystemReFs</c>, <c>NoDiskConnectivity</c>); empty when not redirected.
/// </param>
public sealed record CsvAccess(string Csv, CsvIoMode Mode, IReadOnlyList<string> Reasons)
{
    /// <summary>Redirect reasons that are by design or temporary, not faults: ReFS volumes are always file-system redirected, BitLocker's first encryption passes.</summary>
    private static readonly string[] Expected = ["FileSystemReFs", "BitLockerInitializing"];

    /// <summary>Whether the node's I/O goes through the coordinator.</summary>
    public bool IsRedirected => Mode is CsvIoMode.FileSystemRedirected or CsvIoMode.BlockRedirected;

    /// <summary>Whether the redirect is by design (ReFS) or passing (BitLocker initialising) and needs no fix.</summary>
    public bool IsExpected => IsRedirected && Reasons.Count > 0 && Reasons.All(r => Expected.Contains(r, StringComparer.OrdinalIgnoreCase));
}
