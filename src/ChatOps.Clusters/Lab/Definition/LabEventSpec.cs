namespace ChatOps.Clusters.Lab.Definition;

/// <summary>An event a node had written before the lab started: a seeded failure's trace in the logs.</summary>
internal sealed class LabEventSpec
{
    public string Node { get; set; } = string.Empty;

    public string Log { get; set; } = string.Empty;

    public string Provider { get; set; } = string.Empty;

    public int Id { get; set; }

    public string Level { get; set; } = "Error";

    /// <summary>How long before the lab started it was written.</summary>
    public int MinutesAgo { get; set; }

    public string Message { get; set; } = string.Empty;
}
