using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatOps.Knowledge.Tests;

/// <summary>Where the repository's runbooks are, and knowledge bases over any folder.</summary>
internal static class TestFolders
{
    public static string Kb { get; } = RunbookLinter.DefaultFolder() ?? throw new InvalidOperationException("kb/ not found above " + AppContext.BaseDirectory);

    public static string RepoRoot => Path.GetDirectoryName(Kb)!;

    public static KnowledgeBase Open(string folder, TimeSpan? reloadDelay = null) => new(
        Options.Create(new KnowledgeOptions { Path = folder, ReloadDelay = reloadDelay ?? TimeSpan.FromMilliseconds(500) }),
        TimeProvider.System,
        NullLogger<KnowledgeBase>.Instance);
}
