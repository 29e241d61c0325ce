using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.Bot.Storage.Postgres;

/// <summary>How rows' bodies are written: JSON with enums by name, so a row reads the same in psql.</summary>
internal static class PostgresJson
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new JsonStringEnumConverter() } };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidDataException($"A stored {typeof(T).Name} is empty.");
}
