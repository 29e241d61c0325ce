namespace ChatOps.Benchmarks;

/// <summary>The checkout the benchmarks run from: the folder holding <c>ChatOps.sln</c>.</summary>
internal static class RepositoryRoot
{
    public static string Find()
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
