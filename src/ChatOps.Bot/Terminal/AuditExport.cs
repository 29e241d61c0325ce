using System.Text.Json;
using System.Text.Json.Serialization;
using ChatOps.Commands.Actions;

namespace ChatOps.Bot.Terminal;

/// <summary><c>audit export [file]</c>: every audit record as JSON Lines, to a file or stdout.</summary>
internal static class AuditExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Count is < 1 or > 2 || !args[0].Equals("export", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync("Usage: audit export [file.jsonl]   (stdout when no file is given)");
            return 2;
        }

        var audit = services.GetRequiredService<IAuditLog>();
        StreamWriter output;
        try
        {
            output = args.Count == 2 ? new StreamWriter(args[1], append: false) : new StreamWriter(Console.OpenStandardOutput());
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await Console.Error.WriteLineAsync($"Cannot write {args[1]}: {ex.Message}");
            return 1;
        }

        await using var _ = output;
        var count = 0;
        await foreach (var record in audit.AllAsync(cancellationToken))
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(record, Json));
            count++;
        }

        await output.FlushAsync(cancellationToken);
        await Console.Error.WriteLineAsync($"Exported {count} audit record(s){(args.Count == 2 ? " to " + args[1] : string.Empty)}.");
        return 0;
    }
}
