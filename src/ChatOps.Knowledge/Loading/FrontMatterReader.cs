using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChatOps.Knowledge.Loading;

/// <summary>Reads the YAML header with YamlDotNet and remembers on which line each key stands.</summary>
internal static class FrontMatterReader
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>The header and the 1-based line of each key within <paramref name="yaml"/>, or the YAML error and its line.</summary>
    public static (FrontMatter? Header, IReadOnlyDictionary<string, int> KeyLines, string? Error, int ErrorLine) Read(string yaml)
    {
        var keyLines = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            var header = Deserializer.Deserialize<FrontMatter>(yaml);
            if (header is null)
            {
                return (null, keyLines, "the front matter is empty", 1);
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map)
            {
                foreach (var key in map.Children.Keys.OfType<YamlScalarNode>())
                {
                    keyLines.TryAdd(key.Value ?? string.Empty, (int)key.Start.Line);
                }
            }

            return (header, keyLines, null, 0);
        }
        catch (YamlException ex)
        {
            return (null, keyLines, Describe(ex), (int)Math.Max(1, ex.Start.Line));
        }
    }

    /// <summary>YamlDotNet's message without its location prefix, which we replace by the file's line.</summary>
    private static string Describe(YamlException ex)
    {
        var message = (ex.InnerException as YamlException)?.Message ?? ex.InnerException?.Message ?? ex.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line", StringComparison.Ordinal) && cut > 0)
        {
            message = message[(cut + 3)..];
        }

        if (message.StartsWith("Property '", StringComparison.Ordinal) && message.Contains("not found on type", StringComparison.Ordinal))
        {
            var name = message.Split('\'')[1];
            return $"unknown front matter key '{name}'";
        }

        return "invalid YAML: " + message.Trim();
    }
}
