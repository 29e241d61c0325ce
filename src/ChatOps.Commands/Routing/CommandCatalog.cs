namespace ChatOps.Commands.Routing;

/// <summary>
/// The table of registered commands. Two commands claiming one name (or alias) is a
/// programming error and stops start-up.
/// </summary>
public sealed class CommandCatalog
{
    private readonly Dictionary<string, CommandRegistration> _byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Builds the table from every registration.</summary>
    public CommandCatalog(IEnumerable<CommandRegistration> registrations)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        var all = registrations.ToList();
        foreach (var registration in all)
        {
            foreach (var name in registration.Definition.Names)
            {
                var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length is < 1 or > 2 || !string.Join(' ', words).Equals(name, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"Command name '{name}' must be one or two words separated by one space.");
                }

                if (!_byName.TryAdd(name, registration))
                {
                    throw new InvalidOperationException(
                        $"Command name '{name}' is registered twice: by {_byName[name].HandlerType.Name} and {registration.HandlerType.Name}.");
                }
            }
        }

        Commands = all;
    }

    /// <summary>Every command, in registration order.</summary>
    public IReadOnlyList<CommandRegistration> Commands { get; }

    /// <summary>Every name and alias.</summary>
    public IEnumerable<string> AllNames => _byName.Keys;

    /// <summary>The command named by the first one or two words (longest match wins).</summary>
    public (CommandRegistration? Registration, int WordsUsed) Match(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count >= 2 && _byName.TryGetValue($"{tokens[0]} {tokens[1]}", out var two))
        {
            return (two, 2);
        }

        return tokens.Count >= 1 && _byName.TryGetValue(tokens[0], out var one) ? (one, 1) : (null, 0);
    }

    /// <summary>The command with this exact name or alias.</summary>
    public CommandRegistration? Find(string name) => _byName.GetValueOrDefault(name.Trim());
}
