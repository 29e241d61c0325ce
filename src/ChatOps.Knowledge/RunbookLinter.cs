using ChatOps.Knowledge.Hosting;
using ChatOps.Knowledge.Loading;

namespace ChatOps.Knowledge;

/// <summary>The checks the loader runs, as a tool: <c>kb lint [dir]</c> prints these and exits non-zero if any.</summary>
public static class RunbookLinter
{
    /// <summary>Every problem of every article in <paramref name="folder"/>; empty when all are valid.</summary>
    /// <param name="folder">A folder of runbooks; <c>README.md</c> is skipped. A missing folder is itself a problem.</param>
    public static IReadOnlyList<RunbookProblem> Lint(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        return RunbookLoader.LoadFolder(folder).Problems;
    }

    /// <summary>The folder the service would read by default: the repository's <c>kb/</c> above the current or application folder.</summary>
    public static string? DefaultFolder() => KnowledgePathLocator.Locate(Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
}
