namespace ChatOps.Knowledge.Hosting;

/// <summary>Finds the default runbook folder: <c>kb/</c> beside <c>ChatOps.sln</c>, or beside the application.</summary>
internal static class KnowledgePathLocator
{
    private const string SolutionFile = "ChatOps.sln";
    private const string FolderName = "kb";

    /// <summary>The first match walking up from each start folder, or null.</summary>
    public static string? Locate(params string?[] startFolders)
    {
        foreach (var start in startFolders)
        {
            if (string.IsNullOrWhiteSpace(start))
            {
                continue;
            }

            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, FolderName);
                if (File.Exists(System.IO.Path.Combine(dir.FullName, SolutionFile)) && Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        foreach (var start in startFolders)
        {
            var beside = string.IsNullOrWhiteSpace(start) ? null : System.IO.Path.Combine(start, FolderName);
            if (beside is not null && Directory.Exists(beside))
            {
                return beside;
            }
        }

        return null;
    }
}
