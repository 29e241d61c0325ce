namespace ChatOps.Knowledge.Loading;

/// <summary>The YAML header as written; keys are snake_case (<c>event_ids</c>, <c>applies_to</c>).</summary>
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

    public List<int>? EventIds { get; set; }

    public List<string>? Hotfixes { get; set; }

    public List<string>? Checks { get; set; }

    public List<string>? Actions { get; set; }

    public List<string>? Related { get; set; }
}
