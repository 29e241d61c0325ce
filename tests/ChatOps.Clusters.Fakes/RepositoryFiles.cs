namespace ChatOps.Clusters.Fakes;

/// <summary>The checkout the tests run from (deploy/, src/ and kb/ are read from it, never copied).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChatOps.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ChatOps.sln not found above the test output.");
    }
}
