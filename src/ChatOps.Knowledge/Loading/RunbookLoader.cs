using System.Text;

namespace ChatOps.Knowledge.Loading;

/// <summary>Loads a folder: every <c>*.md</c> but <c>README.md</c>; then ids unique and related ids present.</summary>
internal static class RunbookLoader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static LoadResult LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return new LoadResult([], [new RunbookProblem(folder, 0, "the runbook folder does not exist")]);
        }

        var files = Directory.EnumerateFiles(folder, "*.md", SearchOption.TopDirectoryOnly)
            .Where(f => !Path.GetFileName(f).Equals(RunbookSchema.ReadmeFile, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path: f, Text: Read(f)));
        return Load(files);
    }

    /// <summary>Validates a set of (path, text) pairs as one folder; the text is null when the file could not be read.</summary>
    public static LoadResult Load(IEnumerable<(string Path, string? Text)> files)
    {
        var problems = new List<RunbookProblem>();
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var parsed = new List<(Runbook Runbook, int IdLine, int RelatedLine)>();
        foreach (var (path, text) in files)
        {
            present.Add(Path.GetFileNameWithoutExtension(path));
            if (text is null)
            {
                problems.Add(new RunbookProblem(Path.GetFileName(path), 0, $"cannot be read: not UTF-8 text, or larger than {RunbookSchema.MaxFileBytes / 1024} KB"));
                continue;
            }

            var (runbook, fileProblems, idLine, relatedLine) = RunbookParser.Parse(path, text);
            problems.AddRange(fileProblems);
            if (runbook is not null)
            {
                parsed.Add((runbook, idLine, relatedLine));
            }
        }

        var ids = new Dictionary<string, Runbook>(StringComparer.OrdinalIgnoreCase);
        var loaded = new List<Runbook>();
        // A related article that is present but broken is reported on its own; linking to it is not a second problem.
        var allIds = parsed.Select(p => p.Runbook.Id).Concat(present).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (runbook, idLine, relatedLine) in parsed)
        {
            var file = Path.GetFileName(runbook.SourcePath);
            if (ids.TryGetValue(runbook.Id, out var first))
            {
                problems.Add(new RunbookProblem(file, idLine, $"id '{runbook.Id}' is already used by {Path.GetFileName(first.SourcePath)}"));
                continue;
            }

            var dangling = runbook.Related.Where(r => !allIds.Contains(r)).ToList();
            if (dangling.Count > 0)
            {
                problems.Add(new RunbookProblem(file, relatedLine, $"related id(s) {string.Join(", ", dangling.Select(d => $"'{d}'"))} match no article in the folder"));
                continue;
            }

            ids.Add(runbook.Id, runbook);
            loaded.Add(runbook);
        }

        return new LoadResult(loaded, problems);
    }

    private static string? Read(string path)
    {
        try
        {
            var info = new FileInfo(path);
            return info.Length > RunbookSchema.MaxFileBytes ? null : File.ReadAllText(path, StrictUtf8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return null;
        }
    }
}
