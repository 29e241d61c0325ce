namespace ChatOps.Knowledge.Loading;

/// <summary>The YAML header as written; keys are snake_case (<c>applies_to</c>).</summary>
internal sealed class FrontMatter
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Summary { get; set; }

    public string? Severity { get; set; }

    public List<string>? AppliesTo { get; set; }

    public List<string>? Keywords { get; set; }

    public List<string>? Symptoms { get; set; }

    public List<string>? Errors { get; set; }

    public List<FrontMatterEvent>? Events { get; set; }

    public List<string>? Hotfixes { get; set; }

    public List<string>? Checks { get; set; }

    public List<string>? Actions { get; set; }

    public List<string>? Related { get; set; }
}

/// <summary>One event as written: <c>{ log: System, provider: Microsoft-Windows-FailoverClustering, id: 5120, level: Warning, versions: ["2016"] }</c>.</summary>
internal sealed class FrontMatterEvent
{
    public string? Log { get; set; }

    public string? Provider { get; set; }

    public int? Id { get; set; }

    public string? Level { get; set; }

    public List<string>? Versions { get; set; }
}
