using ChatOps.Knowledge;

namespace ChatOps.Bot.Knowledge;

/// <summary>
/// <c>kb lint [dir]</c>: checks a runbook folder as the bot would load it and prints every
/// problem as <c>file:line: message</c>. Exit code 0 when clean, 1 when there are problems,
/// 2 when no folder was given or found.
/// </summary>
internal static class KbLintCommand
{
    public static bool Handles(string[] args) =>
        args.Length >= 2 && args[0].Equals("kb", StringComparison.OrdinalIgnoreCase) && args[1].Equals("lint", StringComparison.OrdinalIgnoreCase);

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var folder = args.Length > 2 ? Path.GetFullPath(args[2]) : RunbookLinter.DefaultFolder();
        if (folder is null)
        {
            error.WriteLine("kb lint: no kb/ folder found next to ChatOps.sln; give the folder: kb lint <dir>");
            return 2;
        }

        if (!Directory.Exists(folder))
        {
            error.WriteLine($"kb lint: {folder} does not exist. `dotnet run` starts in src/ChatOps.Bot, so give an absolute path, or no path for the repository's kb/.");
            return 2;
        }

        var problems = RunbookLinter.Lint(folder);
        foreach (var problem in problems)
        {
            output.WriteLine(problem.ToString());
        }

        var articles = Directory.EnumerateFiles(folder, "*.md").Count(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase));
        (problems.Count == 0 ? output : error).WriteLine(problems.Count == 0
            ? $"kb lint: {articles} runbooks in {folder}, no problems."
            : $"kb lint: {problems.Count} problem(s) in {problems.Select(p => p.File).Distinct().Count()} of {articles} file(s) in {folder}.");
        return problems.Count == 0 ? 0 : 1;
    }
}
