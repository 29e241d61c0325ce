using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Lab.Definition;

/// <summary>How a node reaches one CSV, when not directly: redirected with its reasons, or paused.</summary>
internal sealed class LabCsvAccessSpec
{
    public string Csv { get; set; } = string.Empty;

    public CsvIoMode Mode { get; set; } = CsvIoMode.Direct;

    /// <summary>Redirect reasons as the node names them, e.g. <c>NoDiskConnectivity</c>, <c>FileSystemReFs</c>.</summary>
    public List<string>? Reasons { get; set; }
}
