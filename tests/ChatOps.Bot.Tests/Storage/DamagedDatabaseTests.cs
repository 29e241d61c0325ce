using ChatOps.Bot.Hosting;
using ChatOps.Bot.Storage;
using ChatOps.Commands.Actions;

namespace ChatOps.Bot.Tests.Storage;

/// <summary>A damaged state file stops start-up with one line naming it, and loses nothing; only when configured is it moved aside.</summary>
public sealed partial class DamagedDatabaseTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(12_000)]
    public async Task Open_TruncatedFile_StopsNamingTheFileAndLeavesItAsItWas(int keep)
    {
        using var temp = new TempStore();
        var path = await WithRecordsAsync(temp);
        Truncate(path, keep);
        var before = await File.ReadAllBytesAsync(path);

        var error = Assert.Throws<StartupException>(() => temp.Open());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("cut short", error.Message, StringComparison.Ordinal);
        Assert.Contains("MoveCorruptAside", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task Open_GarbageOfWholePages_StopsNamingTheFile()
    {
        using var temp = new TempStore();
        var path = await WithRecordsAsync(temp);
        var bytes = await File.ReadAllBytesAsync(path);
        new Random(7).NextBytes(bytes.AsSpan(0, 8192));
        await File.WriteAllBytesAsync(path, bytes);

        var error = Assert.Throws<StartupException>(() => temp.Open());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_DamagedAndMoveCorruptAside_MovedAsideKeptWholeAndAFreshDatabaseWorks()
    {
        using var temp = new TempStore();
        var path = await WithRecordsAsync(temp);
        Truncate(path, 12_000);
        var damaged = await File.ReadAllBytesAsync(path);
        temp.Options.MoveCorruptAside = true;

        using var store = temp.Open();
        await new LiteDbAuditLog(store).AppendAsync(Record("after"), CancellationToken.None);

        var aside = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!, "chatops.db.damaged-*"));
        Assert.Equal(damaged, await File.ReadAllBytesAsync(aside));
        Assert.Equal(["after"], (await new LiteDbAuditLog(store).LatestAsync(10, CancellationToken.None)).Select(r => r.Target));
    }

    [Fact]
    public async Task Open_DamagedWithAWriteAheadLogAndMoveCorruptAside_TheLogGoesAsideToo()
    {
        using var temp = new TempStore();
        var path = await WithRecordsAsync(temp);
        await File.WriteAllBytesAsync(path, new byte[8192]);
        var log = Path.Combine(Path.GetDirectoryName(path)!, "chatops-log.db");
        await File.WriteAllBytesAsync(log, new byte[8192]);
        temp.Options.MoveCorruptAside = true;

        using var store = temp.Open();

        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!, "chatops.db.damaged-*.log"));
        Assert.Empty(await new LiteDbAuditLog(store).LatestAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task Open_HealthyFile_OpensWithItsRecords()
    {
        using var temp = new TempStore();
        await WithRecordsAsync(temp);

        using var store = temp.Open();

        Assert.Equal(3, (await new LiteDbAuditLog(store).LatestAsync(10, CancellationToken.None)).Count);
    }

    private static async Task<string> WithRecordsAsync(TempStore temp)
    {
        using var store = temp.Open();
        var log = new LiteDbAuditLog(store);
        for (var i = 0; i < 3; i++)
        {
            await log.AppendAsync(Record($"NODE{i}"), CancellationToken.None);
        }

        return store.FullPath;
    }

    private static void Truncate(string path, int length)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.SetLength(length);
    }

    private static AuditRecord Record(string target) => new()
    {
        Time = DateTimeOffset.UnixEpoch,
        UserId = "29:u1",
        UserName = "Dana",
        ConversationId = "c1",
        CommandText = "flushdns " + target,
        Action = "flushdns",
        Target = target,
        Decision = AuditDecision.Requested,
    };
}
