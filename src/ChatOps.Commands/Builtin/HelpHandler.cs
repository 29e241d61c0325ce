using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Builtin;

/// <summary><c>help</c> and <c>help &lt;command&gt;</c>, generated from the command table.</summary>
internal sealed class HelpHandler(CommandCatalog catalog) : ICommandHandler
{
    public static readonly CommandDefinition Definition = new()
    {
        Name = "help",
        Aliases = ["?", "帮助"],
        Summary = "List the commands you may run, or explain one.",
        Usage = "help [command]",
        Examples = ["help", "help kb search"],
        Arguments = [new ArgumentSpec("command", Required: false, Rest: true)],
    };

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var name = request.Argument("command");
        return Task.FromResult(name is null ? Overview(request) : Detail(name));
    }

    /// <summary>The commands by task, what an incident needs first; a command missing here is listed under "More".</summary>
    public static readonly IReadOnlyList<(string Task, string[] Commands)> Tasks =
    [
        ("Look", ["cluster", "nodes", "node", "vms", "vm", "capacity"]),
        ("Diagnose", ["diagnose", "drift", "sweep now"]),
        ("Act (each asks you to confirm a preview first)", ["kill clussvc", "kill vmwp", "flushdns", "remove stalelink", "pending", "approve", "reject"]),
        ("Knowledge", ["kb search", "kb", "kb list"]),
        ("Schedules", ["subscribe", "unsubscribe", "subscriptions", "summary now", "schedules"]),
        ("You and this bot", ["whoami", "audit", "help", "version"]),
    ];

    private Reply Overview(CommandRequest request)
    {
        var allowed = catalog.Commands.Select(c => c.Definition).Where(d => d.Role <= request.Context.Role).ToList();
        var hidden = catalog.Commands.Count - allowed.Count;
        var listed = Tasks.SelectMany(t => t.Commands).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var groups = Tasks.Select(t => (t.Task, Commands: t.Commands.Select(name => allowed.FirstOrDefault(d => d.Name == name)).OfType<CommandDefinition>().ToList()))
            .Append((Task: "More", Commands: allowed.Where(d => !listed.Contains(d.Name)).ToList()));
        var blocks = new List<ReplyBlock>();
        foreach (var (task, commands) in groups.Where(g => g.Commands.Count > 0))
        {
            blocks.Add(new HeadingBlock(task, 3));
            blocks.Add(new TableBlock(["Command", "What it does", "For example"], commands
                .Select(d => (IReadOnlyList<TableCell>)[d.Usage, d.Summary, d.Examples.Count > 0 ? d.Examples[0] : d.Name])
                .ToList()));
        }

        blocks.Add(new TextBlock(
            "Type `help <command>` for details and examples." +
            (hidden > 0 ? $" {hidden} more command(s) need a higher role." : string.Empty),
            TextStyle.Subtle));
        return new Reply { Heading = "Commands", Blocks = blocks };
    }

    private Reply Detail(string name)
    {
        var registration = catalog.Find(name);
        if (registration is null)
        {
            var suggestions = DidYouMean.Suggest(name, catalog.AllNames);
            return Reply.Error($"There is no command `{name}`.", suggestions.Count > 0 ? DidYouMean.Phrase(suggestions) : "Type `help` for the list.");
        }

        var d = registration.Definition;
        var facts = new List<Fact>
        {
            new("Usage", d.Usage),
            new("Role", d.Role.ToString().ToLowerInvariant()),
        };
        if (d.Aliases.Count > 0)
        {
            facts.Add(new Fact("Aliases", string.Join(", ", d.Aliases)));
        }

        var blocks = new List<ReplyBlock> { new TextBlock(d.Summary), new FactsBlock(facts) };
        if (d.Flags.Count > 0)
        {
            blocks.Add(new TableBlock(["Flag", "Meaning"], d.Flags.Select(f => (IReadOnlyList<TableCell>)[f.TakesValue ? $"--{f.Name} <value>" : $"--{f.Name}", f.Summary]).ToList()));
        }

        if (d.Examples.Count > 0)
        {
            blocks.Add(new HeadingBlock("Examples", 3));
            blocks.Add(new CodeBlock(string.Join('\n', d.Examples)));
        }

        return new Reply { Heading = d.Name, Blocks = blocks };
    }
}
