using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace ChatOps.Knowledge.Loading;

/// <summary>Checks the body: a level-1 title, then exactly the six sections, in order, none empty.</summary>
internal static class SectionValidator
{
    public static IEnumerable<(int Line, string Message)> Validate(MarkdownDocument document)
    {
        var expected = RunbookSchema.Sections;
        var seen = new List<(string Name, int Line, int Content)>();
        var hasTitle = false;
        foreach (var block in document)
        {
            if (block is YamlFrontMatterBlock or LinkReferenceDefinitionGroup)
            {
                continue;
            }

            if (block is HeadingBlock heading && heading.Level == 1)
            {
                hasTitle = true;
                continue;
            }

            if (block is HeadingBlock { Level: 2 } section)
            {
                seen.Add((InlineText.Plain(section.Inline), section.Line + 1, 0));
                continue;
            }

            if (seen.Count > 0 && block is not HeadingBlock)
            {
                seen[^1] = seen[^1] with { Content = seen[^1].Content + 1 };
            }
        }

        if (!hasTitle)
        {
            yield return (0, "the body has no level-1 heading (# Title)");
        }

        foreach (var (name, line, content) in seen)
        {
            var known = expected.FirstOrDefault(e => e.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                yield return (line, $"unknown section '{name}'; the sections are {string.Join(", ", expected)}");
            }
            else if (content == 0)
            {
                yield return (line, $"section '{known}' is empty");
            }
        }

        var names = seen.Select(s => s.Name).ToList();
        foreach (var missing in expected.Where(e => !names.Contains(e, StringComparer.OrdinalIgnoreCase)))
        {
            yield return (0, $"section '{missing}' is missing");
        }

        foreach (var duplicate in seen.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return (duplicate.Skip(1).First().Line, $"section '{duplicate.Key}' appears more than once");
        }

        var order = seen.Where(s => expected.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        for (var i = 1; i < order.Count; i++)
        {
            if (Index(order[i].Name) < Index(order[i - 1].Name))
            {
                yield return (order[i].Line, $"section '{order[i].Name}' comes after '{order[i - 1].Name}'; the order is {string.Join(", ", expected)}");
                break;
            }
        }

        int Index(string name) => expected.ToList().FindIndex(e => e.Equals(name, StringComparison.OrdinalIgnoreCase));
    }
}
