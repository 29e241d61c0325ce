using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatOps.Knowledge.Tests;

/// <summary>Where the repository's runbooks are, and knowledge bases over any folder.</summary>
internal static class TestFolders
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Kb => Path.Combine(RepoRoot, "kb");

    public static KnowledgeBase Open(string folder, TimeSpan? reloadDelay = null) => new(
        Options.Create(new KnowledgeOptions { Path = folder, ReloadDelay = reloadDelay ?? TimeSpan.FromMilliseconds(500) }),
        TimeProvider.System,
        NullLogger<KnowledgeBase>.Instance);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatOps.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ChatOps.sln not found above " + AppContext.BaseDirectory);
    }
}
