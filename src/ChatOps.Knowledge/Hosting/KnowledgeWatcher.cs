using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatOps.Knowledge.Hosting;

/// <summary>
/// Loads the articles at start, then rebuilds the index when a <c>*.md</c> file in the folder
/// changes. Events are debounced: an editor's save (several events) rebuilds once, after the
/// folder has been quiet for <see cref="KnowledgeOptions.ReloadDelay"/>.
/// </summary>
internal sealed partial class KnowledgeWatcher(
    IKnowledgeBase knowledge,
    IOptions<KnowledgeOptions> options,
    TimeProvider time,
    ILogger<KnowledgeWatcher> logger) : IHostedService, IDisposable
{
    private FileSystemWatcher? _watcher;
    private ITimer? _debounce;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        knowledge.Reload();
        var folder = options.Value.Path;
        if (!options.Value.WatchForChanges || folder is null || !Directory.Exists(folder))
        {
            return Task.CompletedTask;
        }

        _debounce = time.CreateTimer(_ => Rebuild(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(folder, "*.md")
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            IncludeSubdirectories = false,
        };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.Renamed += OnChange;
        _watcher.Error += (_, e) =>
        {
            LogWatchError(e.GetException(), folder);
            Schedule();
        };
        _watcher.EnableRaisingEvents = true;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_watcher is not null)
        {
            _watcher.EnableRaisingEvents = false;
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
    }

    private void OnChange(object sender, FileSystemEventArgs e) => Schedule();

    private void Schedule() => _debounce?.Change(options.Value.ReloadDelay, Timeout.InfiniteTimeSpan);

    private void Rebuild()
    {
        try
        {
            var status = knowledge.Reload();
            LogRebuilt(status.Loaded, status.Problems.Count);
        }
        catch (Exception ex)
        {
            // The old index stays in use; the next change tries again.
            LogRebuildFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Runbook folder changed; index rebuilt with {Loaded} articles and {Problems} problems")]
    private partial void LogRebuilt(int loaded, int problems);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuilding the runbook index failed; the previous index stays in use")]
    private partial void LogRebuildFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching {Folder} failed; rebuilding the index")]
    private partial void LogWatchError(Exception exception, string folder);
}
