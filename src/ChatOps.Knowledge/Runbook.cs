using Markdig.Syntax;

namespace ChatOps.Knowledge;

/// <summary>One runbook article: its front matter and its parsed Markdown body.</summary>
public sealed record Runbook
{
    /// <summary>Lower-case hyphenated id; equals the file name without <c>.md</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Short, specific title.</summary>
    public required string Title { get; init; }

    /// <summary>One sentence an admin can act on; shown in search results.</summary>
    public required string Summary { get; init; }

    /// <summary>One of <c>critical</c>, <c>high</c>, <c>medium</c>, <c>low</c>, <c>info</c>.</summary>
    public required string Severity { get; init; }

    /// <summary>Windows Server versions the article applies to.</summary>
    public IReadOnlyList<string> AppliesTo { get; init; } = [];

    /// <summary>Terms an admin would type, English and Chinese.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Short symptom lines.</summary>
    public IReadOnlyList<string> Symptoms { get; init; } = [];

    /// <summary>Exact error strings seen in tools or logs.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The Windows events that point at this problem, each keyed by its log, provider and id.</summary>
    public IReadOnlyList<RunbookEvent> Events { get; init; } = [];

    /// <summary>The events' ids, each once (what a search for "5120" finds).</summary>
    public IReadOnlyList<int> EventIds => [.. Events.Select(e => e.Id).Distinct()];

    /// <summary>Microsoft KB ids such as <c>KB970529</c>.</summary>
    public IReadOnlyList<string> Hotfixes { get; init; } = [];

    /// <summary>Ids of automated checks that detect this problem.</summary>
    public IReadOnlyList<string> Checks { get; init; } = [];

    /// <summary>Ids of safe bot actions that help.</summary>
    public IReadOnlyList<string> Actions { get; init; } = [];

    /// <summary>Ids of related runbooks.</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>The parsed article (front matter block included). Treat as read-only: it is shared.</summary>
    public required MarkdownDocument Document { get; init; }

    /// <summary>The file's full text as read.</summary>
    public required string Markdown { get; init; }

    /// <summary>Path of the file the article came from.</summary>
    public required string SourcePath { get; init; }
}

/// <summary>
/// A Windows event a runbook explains. An id alone is not a key: the same id means different things
/// under different providers (Hyper-V-VMMS 21024 is two failures), so an event is its log, provider and id.
/// </summary>
/// <param name="Log">The channel as <c>Get-WinEvent -ListLog</c> names it, e.g. <c>System</c>.</param>
/// <param name="Provider">The provider as <c>ProviderName</c> shows it, e.g. <c>Microsoft-Windows-FailoverClustering</c>.</param>
/// <param name="Id">The event id.</param>
/// <param name="Level">Critical, Error, Warning or Information.</param>
/// <param name="Versions">The Windows Server versions (or Azure Local) the documentation shows it on.</param>
public sealed record RunbookEvent(string Log, string Provider, int Id, string Level, IReadOnlyList<string> Versions);
