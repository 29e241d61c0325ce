using Markdig;

namespace ChatOps.Knowledge.Loading;

/// <summary>The one Markdig pipeline used to parse and to render articles.</summary>
internal static class RunbookMarkdown
{
    /// <summary>
    /// YAML front matter and pipe tables. Raw HTML is disabled: it is shown as text, so an
    /// article can never inject script into the page or a card.
    /// </summary>
    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .UseAutoIdentifiers()
        .DisableHtml()
        .Build();
}
