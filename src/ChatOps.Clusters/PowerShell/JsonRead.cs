using System.Globalization;
using System.Text.Json;

namespace ChatOps.Clusters.PowerShell;

/// <summary>Strict readers over a node function's JSON: a missing or mistyped property is bad output, not a silent default.</summary>
internal static class JsonRead
{
    public static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value
            : throw Bad($"property '{name}' is missing");

    public static string String(JsonElement element, string name)
    {
        var value = Property(element, name);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Bad($"'{name}' is not a string");
    }

    public static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static long Long(JsonElement element, string name)
    {
        var value = Property(element, name);
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : throw Bad($"'{name}' is not a whole number");
    }

    public static bool Bool(JsonElement element, string name)
    {
        var value = Property(element, name);
        return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : throw Bad($"'{name}' is not true or false");
    }

    /// <summary>A boolean that may be null (unknown) but not missing.</summary>
    public static bool? OptionalBool(JsonElement element, string name)
    {
        var value = Property(element, name);
        return value.ValueKind switch
        {
            JsonValueKind.True or JsonValueKind.False => value.GetBoolean(),
            JsonValueKind.Null => null,
            _ => throw Bad($"'{name}' is not true, false or null"),
        };
    }

    /// <summary>A whole number the version may not report (null, or absent from an older module).</summary>
    public static int? OptionalInt(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    public static IEnumerable<JsonElement> Array(JsonElement element, string name)
    {
        var value = Property(element, name);
        return value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().ToList(),
            JsonValueKind.Null => [],
            _ => throw Bad($"'{name}' is not an array"),
        };
    }

    public static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        Array(element, name).Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList();

    public static Guid Guid(string? text) =>
        System.Guid.TryParse(text, CultureInfo.InvariantCulture, out var id) ? id : System.Guid.Empty;

    public static Version Version(string? text) =>
        System.Version.TryParse(text, out var version) ? version : new Version(0, 0);

    public static PowerShellException Bad(string problem) =>
        new(PowerShellErrorKind.BadOutput, $"The node's JSON is not what ChatOps expects: {problem}.");
}
