namespace ChatOps.Bot.Tests.Knowledge;

/// <summary>The repository's runbook folder.</summary>
internal static class RepoKb
{
    public static string Folder { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatOps.sln")))
            {
                return Path.Combine(dir.FullName, "kb");
            }
        }

        throw new InvalidOperationException("ChatOps.sln not found above " + AppContext.BaseDirectory);
    }
}
