using System.Diagnostics;
using ChatOps.Knowledge.Hosting;
using ChatOps.Knowledge.Tests.Loading;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatOps.Knowledge.Tests.Hosting;

public sealed class KnowledgeWatcherTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kb-watch-").FullName;

    [Fact]
    public async Task FileChange_AfterDebounce_RebuildsIndexWithNewArticle()
    {
        var (kb, watcher) = await StartWithAlphaAsync();
        using var disposeKb = kb;
        using var disposeWatcher = watcher;
        Assert.Equal(1, kb.Status.Loaded);

        File.WriteAllText(Path.Combine(_folder, "beta.md"), ArticleText.Valid("beta", "alpha").Replace("heartbeat", "zebracrossing", StringComparison.Ordinal));

        await WaitUntilAsync(() => kb.Status.Loaded == 2);
        Assert.Equal("beta", kb.Search("zebracrossing").Hits.Single().Runbook.Id);
        await watcher.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task BrokenFileSaved_OtherArticlesStaySearchableAndStatusNamesTheFile()
    {
        var (kb, watcher) = await StartWithAlphaAsync();
        using var disposeKb = kb;
        using var disposeWatcher = watcher;

        File.WriteAllText(Path.Combine(_folder, "beta.md"), "---\nid: beta\n");

        await WaitUntilAsync(() => kb.Status.Problems.Count > 0);
        Assert.Equal(["beta.md"], kb.Status.FailedFiles);
        Assert.Equal("alpha", kb.Search("heartbeat").Hits.Single().Runbook.Id);
    }

    [Fact]
    public async Task Reload_WhileQueriesRun_NoQueryFails()
    {
        File.WriteAllText(Path.Combine(_folder, "alpha.md"), ArticleText.Valid(related: "alpha"));
        using var kb = TestFolders.Open(_folder);
        kb.Reload();
        var counts = new int[2];
        var done = false;

        var searches = Enumerable.Range(0, counts.Length).Select(i => Task.Run(() =>
        {
            while (!Volatile.Read(ref done))
            {
                Assert.Equal("alpha", kb.Search("heartbeat").Hits.Single().Runbook.Id);
                Interlocked.Increment(ref counts[i]);
            }
        })).ToList();

        // Reload for a second, and on until every search ran during the reloads (a busy machine may start them late).
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(1) || (Enumerable.Range(0, counts.Length).Any(i => Volatile.Read(ref counts[i]) == 0) && watch.Elapsed < TimeSpan.FromSeconds(30)))
        {
            kb.Reload();
        }

        Volatile.Write(ref done, true);
        await Task.WhenAll(searches);
        Assert.All(counts, count => Assert.True(count > 0));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A folder holding one valid article, its knowledge base, and a watcher that rebuilds 100 ms after a change.</summary>
    private async Task<(KnowledgeBase Kb, KnowledgeWatcher Watcher)> StartWithAlphaAsync()
    {
        File.WriteAllText(Path.Combine(_folder, "alpha.md"), ArticleText.Valid(related: "alpha"));
        var options = Options.Create(new KnowledgeOptions { Path = _folder, ReloadDelay = TimeSpan.FromMilliseconds(100) });
        var kb = TestFolders.Open(_folder, options.Value.ReloadDelay);
        var watcher = new KnowledgeWatcher(kb, options, TimeProvider.System, NullLogger<KnowledgeWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);
        return (kb, watcher);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "the index was not rebuilt within 10 s");
            await Task.Delay(50);
        }
    }
}
