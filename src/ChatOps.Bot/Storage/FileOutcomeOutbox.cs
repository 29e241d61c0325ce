using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatOps.Commands.Actions;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Storage;

/// <summary>
/// The outcomes of actions kept while the state store did not answer, one JSON document a line in a file
/// beside the LiteDB path (<c>data/chatops.outbox.jsonl</c> by default), whichever store holds the state: on
/// this server's disk, so it survives this process's death (each is flushed to disk before it is called
/// kept), not the machine's. A line that cannot be read is logged whole and dropped.
/// </summary>
internal sealed partial class FileOutcomeOutbox(IOptions<StorageOptions> options, IHostEnvironment environment, ILogger<FileOutcomeOutbox> logger) : IOutcomeOutbox
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The file.</summary>
    public string FullPath { get; } = Path.ChangeExtension(Path.GetFullPath(options.Value.Path, environment.ContentRootPath), ".outbox.jsonl");

    public async Task KeepAsync(KeptOutcome outcome, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FullPath)!);
            await using var file = new FileStream(FullPath, FileMode.Append, FileAccess.Write, FileShare.Read);
            await file.WriteAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(outcome, Json) + "\n"), cancellationToken);
            file.Flush(flushToDisk: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<KeptOutcome>> ListAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var (kept, unreadable) = await ReadAsync(cancellationToken);
            if (unreadable)
            {
                // Logged once, whole, then gone: the next look does not log it again.
                await WriteAsync(kept, cancellationToken);
            }

            return kept;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await WriteAsync([.. (await ReadAsync(cancellationToken)).Kept.Where(o => o.Id != id)], cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Replaces the file with <paramref name="kept"/>: written whole beside it, then moved over it, so a crash leaves the old file or the new, never half of one.</summary>
    private async Task WriteAsync(List<KeptOutcome> kept, CancellationToken cancellationToken)
    {
        if (kept.Count == 0)
        {
            File.Delete(FullPath);
            return;
        }

        var next = FullPath + ".next";
        await File.WriteAllLinesAsync(next, kept.Select(o => JsonSerializer.Serialize(o, Json)), cancellationToken);
        File.Move(next, FullPath, overwrite: true);
    }

    private async Task<(List<KeptOutcome> Kept, bool Unreadable)> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(FullPath))
        {
            return ([], false);
        }

        var kept = new List<KeptOutcome>();
        var unreadable = false;
        foreach (var line in await File.ReadAllLinesAsync(FullPath, cancellationToken))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                kept.Add(JsonSerializer.Deserialize<KeptOutcome>(line, Json) ?? throw new JsonException("an empty document"));
            }
            catch (JsonException ex)
            {
                LogUnreadable(FullPath, ex.Message, line);
                unreadable = true;
            }
        }

        return (kept, unreadable);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A kept action outcome in {Path} cannot be read ({Reason}); it is dropped. The line: {Line}")]
    private partial void LogUnreadable(string path, string reason, string line);
}
