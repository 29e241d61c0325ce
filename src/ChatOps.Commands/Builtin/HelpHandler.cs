using ChatOps.Commands.Access;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Builtin;

/// <summary>
/// <c>help</c> and <c>help &lt;command&gt;</c>, generated from the command table. Examples name what
/// exists in the configured cluster now; a reader's are buttons, an action's are written out to be typed
/// (one tap must never start a kill), and one that cannot be filled is shown as usage.
/// </summary>
internal sealed class HelpHandler(CommandCatalog catalog, IExampleNames? exampleNames = null) : ICommandHandler
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

    /// <summary>The overview's buttons: what an incident usually starts with.</summary>
    private static readonly (string Command, string Example)[] FirstSteps =
        [("diagnose", "diagnose"), ("vm", "vm {vm}"), ("node", "node {node}"), ("capacity", "capacity"), ("kb search", "kb search 169.254")];

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var name = request.Argument("command");
        var names = exampleNames is null ? new Dictionary<string, string>() : await exampleNames.NamesAsync(cancellationToken);
        return name is null ? Overview(request, names) : Detail(name, names);
    }

    private static List<ReplyButton> Buttons(IEnumerable<string> examples, IReadOnlyDictionary<string, string> names) =>
        [.. examples.Select(e => ExampleText.Fill(e, names)).OfType<string>().Select(e => new ReplyButton(e, e))];

    /// <summary>The commands by task, what an incident needs first; a command missing here is listed under "More".</summary>
    public static readonly IReadOnlyList<(string Task, string[] Commands)> Tasks =
    [
        ("Look", ["cluster", "nodes", "node", "vms", "vm", "capacity"]),
        ("Diagnose", ["diagnose", "events", "migrate-check", "drift", "sweep now"]),
        ("Act (a preview to confirm first)", ["kill clussvc", "kill vmwp", "flushdns", "remove stalelink", "pending", "approve", "reject"]),
        ("Knowledge", ["kb search", "kb", "kb list"]),
        ("Schedules", ["subscribe", "unsubscribe", "subscriptions", "summary now", "schedules"]),
        ("You and this bot", ["whoami", "audit", "help", "version"]),
    ];

    /// <summary>The commands by task, a line each, and the first steps as buttons: one screen, not a table per task.</summary>
    private Reply Overview(CommandRequest request, IReadOnlyDictionary<string, string> names)
    {
        var allowed = catalog.Commands.Select(c => c.Definition).Where(d => d.Role <= request.Context.Role).ToList();
        var hidden = catalog.Commands.Count - allowed.Count;
        var listed = Tasks.SelectMany(t => t.Commands).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var groups = Tasks.Select(t => (t.Task, Commands: t.Commands.Select(name => allowed.FirstOrDefault(d => d.Name == name)).OfType<CommandDefinition>().ToList()))
            .Append((Task: "More", Commands: allowed.Where(d => !listed.Contains(d.Name)).ToList()));
        var blocks = new List<ReplyBlock>
        {
            new FactsBlock([.. groups.Where(g => g.Commands.Count > 0).Select(g => new Fact(g.Task, string.Join(" · ", g.Commands.Select(d => $"`{d.Name}`"))))]),
            new TextBlock(
                "Type `help <command>` for what one does, with examples." +
                (hidden > 0 ? $" {hidden} more command(s) need a higher role." : string.Empty),
                TextStyle.Subtle),
        };
        var steps = FirstSteps.Where(s => allowed.Any(d => d.Name == s.Command)).Select(s => s.Example);
        return new Reply { Heading = "Commands", Blocks = blocks, Buttons = Buttons(steps, names) };
    }

    private Reply Detail(string name, IReadOnlyDictionary<string, string> names)
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

        // A look is one tap away; a command that changes something is shown to be typed, never a button in a shared chat.
        var asButtons = d.Role == Role.Reader;
        var buttons = asButtons ? Buttons(d.Examples, names) : [];
        var typed = d.Examples.Select(e => ExampleText.Fill(e, names) is { } filled ? (asButtons ? null : filled) : ExampleText.Generic(e)).OfType<string>().ToList();
        if (typed.Count > 0)
        {
            blocks.Add(new HeadingBlock("Examples", 3));
            blocks.Add(new CodeBlock(string.Join('\n', typed)));
        }

        return new Reply { Heading = d.Name, Blocks = blocks, Buttons = buttons };
    }
}
