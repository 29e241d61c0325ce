using ChatOps.Clusters.Lab.Definition;
using ChatOps.Clusters.Lab.State;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatOps.Clusters.Lab;

/// <summary>Reads a lab definition from YAML: the embedded default or a file.</summary>
internal static class LabLoader
{
    public const string DefaultResource = "ChatOps.Clusters.Lab.default-lab.yaml";

    public static LabState LoadDefault()
    {
        using var stream = typeof(LabLoader).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new LabDefinitionException($"The embedded lab '{DefaultResource}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "default-lab.yaml");
    }

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
