using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace ChatOps.Knowledge.Loading;

/// <summary>Parses and validates one article on its own; checks across articles are the loader's.</summary>
internal static class RunbookParser
{
    /// <summary>The article, or null with the problems that make it unusable.</summary>
    /// <param name="path">The file's path; its name must equal the id.</param>
    /// <param name="text">The file's text.</param>
    public static (Runbook? Runbook, IReadOnlyList<RunbookProblem> Problems, int IdLine, int RelatedLine) Parse(string path, string text)
    {
        var file = Path.GetFileName(path);
        var problems = new List<RunbookProblem>();
        var document = Markdown.Parse(text, RunbookMarkdown.Pipeline);
        var block = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault();
        if (block is null)
        {
            var message = text.StartsWith("---", StringComparison.Ordinal)
                ? "the front matter is not closed: add a line '---' after the last key"
                : "no YAML front matter: the file must start with a line '---', the keys, and '---'";
            problems.Add(new RunbookProblem(file, 1, message));
            return (null, problems, 0, 0);
        }

        // Markdig lines are 0-based and point at the opening '---'; YAML lines are 1-based after it.
        var offset = block.Line + 1;
        var (header, keyLines, error, errorLine) = FrontMatterReader.Read(block.Lines.ToString());
        if (header is null)
        {
            problems.Add(new RunbookProblem(file, offset + errorLine, error ?? "the front matter is empty"));
            return (null, problems, 0, 0);
        }

        int LineOf(string key) => keyLines.TryGetValue(key, out var line) ? offset + line : offset;
        void Add(string key, string message) => problems.Add(new RunbookProblem(file, LineOf(key), message));

        RequireText(header.Id, "id", Add);
        RequireText(header.Title, "title", Add);
        RequireText(header.Summary, "summary", Add);
        RequireText(header.Severity, "severity", Add);
        if (header.Keywords is null || header.Keywords.Count == 0 || header.Keywords.All(string.IsNullOrWhiteSpace))
        {
            Add("keywords", "required field 'keywords' is missing or empty");
        }

        var stem = Path.GetFileNameWithoutExtension(file);
        if (!string.IsNullOrWhiteSpace(header.Id))
        {
            if (!RunbookSchema.IdPattern().IsMatch(header.Id))
            {
                Add("id", $"id '{header.Id}' must be lower-case words joined by hyphens");
            }
            else if (!header.Id.Equals(stem, StringComparison.Ordinal))
            {
                Add("id", $"id '{header.Id}' does not match the file name '{file}'; rename one of them");
            }
        }

        if (!string.IsNullOrWhiteSpace(header.Severity) && !RunbookSchema.Severities.Contains(header.Severity))
        {
            Add("severity", $"severity '{header.Severity}' is not one of {string.Join(", ", RunbookSchema.Severities)}");
        }

        foreach (var hotfix in header.Hotfixes ?? [])
        {
            if (!RunbookSchema.HotfixPattern().IsMatch(hotfix ?? string.Empty))
            {
                Add("hotfixes", $"hotfix '{hotfix}' must look like KB970529");
            }
        }

        foreach (var problem in (header.Events ?? []).SelectMany(EventProblems))
        {
            Add("events", problem);
        }

        foreach (var (key, ids) in new[] { ("related", header.Related), ("checks", header.Checks), ("actions", header.Actions) })
        {
            foreach (var id in ids ?? [])
            {
                if (!RunbookSchema.IdPattern().IsMatch(id ?? string.Empty))
                {
                    Add(key, $"'{id}' in {key} must be a lower-case hyphenated id");
                }
            }
        }

        foreach (var (line, message) in SectionValidator.Validate(document))
        {
            problems.Add(new RunbookProblem(file, line, message));
        }

        if (problems.Count > 0)
        {
            return (null, problems, 0, 0);
        }

        var runbook = new Runbook
        {
            Id = header.Id!,
            Title = header.Title!.Trim(),
            Summary = header.Summary!.Trim(),
            Severity = header.Severity!,
            AppliesTo = Clean(header.AppliesTo),
            Keywords = Clean(header.Keywords),
            Symptoms = Clean(header.Symptoms),
            Errors = Clean(header.Errors),
            Events = [.. (header.Events ?? []).Select(e => new RunbookEvent(e.Log!.Trim(), e.Provider!.Trim(), e.Id!.Value, e.Level!, Clean(e.Versions)))],
            Hotfixes = Clean(header.Hotfixes),
            Checks = Clean(header.Checks),
            Actions = Clean(header.Actions),
            Related = Clean(header.Related),
            Document = document,
            Markdown = text,
            SourcePath = path,
        };
        return (runbook, problems, LineOf("id"), LineOf("related"));
    }

    /// <summary>What is wrong with one event of the front matter: each needs its log, provider, id and level; its versions may be empty (no page says) but each must be a known one.</summary>
    private static IEnumerable<string> EventProblems(FrontMatterEvent? e)
    {
        if (e is null)
        {
            yield return "an event is empty: write { log: …, provider: …, id: …, level: …, versions: […] }";
            yield break;
        }

        var named = e.Id is { } id ? $"event {id}" : "an event";
        if (string.IsNullOrWhiteSpace(e.Log) || string.IsNullOrWhiteSpace(e.Provider))
        {
            yield return $"{named} needs its log and its provider: an id alone is not a key";
        }

        if (e.Id is not (>= 0 and <= 65535))
        {
            yield return $"{named} needs an id from 0 to 65535";
        }

        if (!RunbookSchema.EventLevels.Contains(e.Level ?? string.Empty))
        {
            yield return $"{named} has level '{e.Level}', not one of {string.Join(", ", RunbookSchema.EventLevels)}";
        }

        foreach (var version in (e.Versions ?? []).Where(v => !RunbookSchema.EventVersions.Contains(v ?? string.Empty)))
        {
            yield return $"{named} has version '{version}', not one of {string.Join(", ", RunbookSchema.EventVersions)}";
        }
    }

    private static void RequireText(string? value, string key, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            add(key, $"required field '{key}' is missing or empty");
        }
    }

    private static List<string> Clean(List<string>? values) =>
        (values ?? []).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList();
}
