namespace ChatOps.Commands.Routing;

/// <summary>Turns the words after a command's name into its arguments and flags.</summary>
internal static class CommandParser
{
    /// <summary>The parsed values, or a problem worth telling the user.</summary>
    public static (Dictionary<string, string> Arguments, Dictionary<string, string?> Flags, string? Problem) Parse(
        CommandDefinition command, IReadOnlyList<string> words)
    {
        var arguments = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var flags = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var positional = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (!IsFlag(word, out var flagName, out var inlineValue))
            {
                positional.Add(word);
                continue;
            }

            var spec = command.Flags.FirstOrDefault(f => f.Name.Equals(flagName, StringComparison.OrdinalIgnoreCase));
            if (spec is null)
            {
                var known = command.Flags.Select(f => "--" + f.Name).ToList();
                var hint = DidYouMean.Phrase(DidYouMean.Suggest("--" + flagName, known));
                var list = known.Count == 0 ? $"`{command.Name}` takes no flags." : $"Flags of `{command.Name}`: {string.Join(", ", known.Select(k => $"`{k}`"))}.";
                return (arguments, flags, $"Unknown flag `--{flagName}`. {hint} {list}".Replace("  ", " ", StringComparison.Ordinal));
            }

            if (!spec.TakesValue)
            {
                if (inlineValue is not null)
                {
                    return (arguments, flags, $"`--{spec.Name}` is a switch and takes no value.");
                }

                flags[spec.Name] = null;
                continue;
            }

            var value = inlineValue ?? (i + 1 < words.Count && !IsFlag(words[i + 1], out _, out _) ? words[++i] : null);
            if (string.IsNullOrWhiteSpace(value))
            {
                return (arguments, flags, $"`--{spec.Name}` needs a value.");
            }

            flags[spec.Name] = value;
        }

        for (var a = 0; a < command.Arguments.Count; a++)
        {
            var spec = command.Arguments[a];
            if (a >= positional.Count)
            {
                if (spec.Required)
                {
                    return (arguments, flags, $"`{command.Name}` needs `<{spec.Name}>`.");
                }

                break;
            }

            arguments[spec.Name] = spec.Rest ? string.Join(' ', positional.Skip(a)) : positional[a];
        }

        var taken = command.Arguments.Any(s => s.Rest) ? positional.Count : Math.Min(positional.Count, command.Arguments.Count);
        if (positional.Count > taken)
        {
            return (arguments, flags, $"`{command.Name}` does not take `{positional[taken]}` here.");
        }

        return (arguments, flags, null);
    }

    /// <summary>
    /// <c>--name</c>, <c>--name=value</c>; also an em or en dash, which Teams and phones
    /// substitute for a typed double hyphen.
    /// </summary>
    private static bool IsFlag(string word, out string name, out string? value)
    {
        name = string.Empty;
        value = null;
        string rest;
        if (word.StartsWith("--", StringComparison.Ordinal) && word.Length > 2)
        {
            rest = word[2..];
        }
        else if (word.Length > 1 && word[0] is '\u2014' or '\u2013')
        {
            rest = word[1..];
        }
        else
        {
            return false;
        }

        var eq = rest.IndexOf('=', StringComparison.Ordinal);
        name = eq < 0 ? rest : rest[..eq];
        value = eq < 0 ? null : rest[(eq + 1)..];
        return name.Length > 0;
    }
}
