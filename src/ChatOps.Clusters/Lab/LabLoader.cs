using ChatOps.Clusters.Lab.Definition;
using ChatOps.Clusters.Lab.State;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatOps.Clusters.Lab;

/// <summary>Reads a lab definition from YAML: the embedded default or a file.</summary>
internal static class LabLoader
{
    /// <summary>The embedded labs by name: the 2008 R2 field guide's (<c>default</c>) and a Windows Server 2022 one (<c>modern</c>).</summary>
    public static readonly IReadOnlyList<string> Embedded = ["default", "modern"];

    public static LabState LoadDefault() => LoadEmbedded("default");

    /// <summary>An embedded lab by its name in <see cref="Embedded"/>.</summary>
    public static LabState LoadEmbedded(string name)
    {
        var resource = $"ChatOps.Clusters.Lab.{name.ToLowerInvariant()}-lab.yaml";
        using var stream = typeof(LabLoader).Assembly.GetManifestResourceStream(resource)
            ?? throw new LabDefinitionException($"There is no embedded lab '{name}'; the embedded labs are {string.Join(", ", Embedded)}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), $"{name.ToLowerInvariant()}-lab.yaml");
    }

    /// <summary>Whether a <c>LabFile</c> setting names an embedded lab rather than a path.</summary>
    public static bool IsEmbedded(string nameOrPath) => Embedded.Contains(nameOrPath, StringComparer.OrdinalIgnoreCase);

    public static LabState LoadFile(string path) => Parse(File.ReadAllText(path), path);

    public static LabState Parse(string yaml, string source)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build();
        LabDefinition definition;
        try
        {
            definition = deserializer.Deserialize<LabDefinition>(yaml) ?? throw new LabDefinitionException($"{source}: the file is empty.");
        }
        catch (YamlException ex)
        {
            var reason = ex.InnerException?.Message ?? ex.Message;
            throw new LabDefinitionException($"{source} line {ex.Start.Line}: {reason}", ex);
        }

        try
        {
            return LabStateFactory.Create(definition);
        }
        catch (LabDefinitionException ex)
        {
            throw new LabDefinitionException($"{source}: {ex.Message}", ex);
        }
    }
}
