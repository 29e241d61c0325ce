using System.ComponentModel.DataAnnotations;

namespace ChatOps.Knowledge;

/// <summary>Settings of the runbook knowledge base, section <c>ChatOps:Knowledge</c>.</summary>
public sealed class KnowledgeOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ChatOps:Knowledge";

    /// <summary>
    /// Folder holding the runbooks (<c>*.md</c>; <c>README.md</c> is skipped). Default: the
    /// <c>kb</c> folder next to <c>ChatOps.sln</c>, found by walking up from the content root
    /// and the application folder, or a <c>kb</c> folder in the application folder. The build
    /// does not copy runbooks next to the binaries: one folder is the truth, and a deployment
    /// sets this key. A relative path is resolved from the content root.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>
    /// How long the folder must be quiet after a change before the index is rebuilt, so an
    /// editor's save (several events) rebuilds once. Default: 500 ms.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Whether to rebuild the index when a file in the folder changes. Default: true.</summary>
    public bool WatchForChanges { get; set; } = true;
}
