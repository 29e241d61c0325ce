using System.Text.RegularExpressions;

namespace ChatOps.Commands.Routing;

/// <summary>
/// Names that exist now, for the examples help shows as buttons: a node, a VM, a stale link of the
/// configured cluster. An example is written with placeholders (<c>vm {vm}</c>) and filled from here.
/// </summary>
public interface IExampleNames
{
    /// <summary>Placeholder → a name that exists now; a placeholder is missing when nothing fits or nothing could be read in time.</summary>
    Task<IReadOnlyDictionary<string, string>> NamesAsync(CancellationToken cancellationToken);
}

/// <summary>Fills an example's placeholders.</summary>
public static partial class ExampleText
{
    /// <summary>The example with its placeholders filled; null when one of them has no name now.</summary>
    public static string? Fill(string example, IReadOnlyDictionary<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(example);
        ArgumentNullException.ThrowIfNull(names);
        var missing = false;
        var filled = Placeholder().Replace(example, m =>
        {
            if (names.TryGetValue(m.Groups[1].Value, out var name))
            {
                return name;
            }

            missing = true;
            return m.Value;
        });
        return missing ? null : filled;
    }

    /// <summary>The example as a person reads it when it cannot be filled: <c>vm &lt;vm&gt;</c>.</summary>
    public static string Generic(string example) => Placeholder().Replace(example, m => $"<{m.Groups[1].Value}>");

    [GeneratedRegex(@"\{([a-z]+)\}")]
    private static partial Regex Placeholder();
}
