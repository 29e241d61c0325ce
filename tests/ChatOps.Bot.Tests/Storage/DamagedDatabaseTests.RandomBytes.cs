using ChatOps.Bot.Hosting;
using ChatOps.Bot.Storage;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Bot.Tests.Storage;

/// <summary>
/// The hostile tester's damage: random bytes flipped after the first page of a populated file,
/// then the service started on it. Start-up either stops with one line naming the file (the file
/// untouched) or, with MoveCorruptAside, starts: on the file as it was when nothing read is
/// damaged, else on an empty one with the damaged file kept aside byte for byte.
/// </summary>
public sealed partial class DamagedDatabaseTests
{
    private const int FlippedBytes = 200;

    public static TheoryData<int, bool> Seeds()
    {
        var seeds = new TheoryData<int, bool>();
        for (var seed = 1; seed <= 24; seed++)
        {
            seeds.Add(seed, false);
            seeds.Add(seed, true);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Start_RandomBytesFlippedAfterTheFirstPage_StopsInOneLineNamingTheFileOrStarts(int seed, bool moveCorruptAside)
    {
        using var temp = new TempStore();
        temp.Options.MoveCorruptAside = moveCorruptAside;
        var path = temp.FilePath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var damaged = Flip(await PopulatedState.BytesAsync(), seed);
        await File.WriteAllBytesAsync(path, damaged);

        int read;
        try
        {
            using var store = temp.Open();
            read = await ReadAsStartUpDoesAsync(store);
        }
        catch (StartupException error) when (!moveCorruptAside)
        {
            Assert.DoesNotContain('\n', error.Message);
            Assert.Contains(path, error.Message, StringComparison.Ordinal);
            Assert.Equal(damaged, await File.ReadAllBytesAsync(path));
            return;
        }
        finally
        {
            // What LiteDB left behind on the damage is finalized now, in this test, rather than in a later one.
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        var aside = Directory.GetFiles(Path.GetDirectoryName(path)!, "chatops.db.damaged-*").Where(f => !f.EndsWith(".log", StringComparison.Ordinal)).ToList();
        if (aside.Count == 0)
        {
            Assert.True(read > 0, "a file opened as intact read nothing");
            return;
        }

        Assert.True(moveCorruptAside, "moved aside without MoveCorruptAside");
        Assert.Equal(damaged, await File.ReadAllBytesAsync(Assert.Single(aside)));
        Assert.Equal(0, read);
    }

    [Fact]
    public async Task ListExpiredAsync_FileDamagedAfterTheCheck_StopsInOneLineNamingTheFile()
    {
        using var temp = new TempStore();
        Directory.CreateDirectory(Path.GetDirectoryName(temp.FilePath)!);
        await File.WriteAllBytesAsync(temp.FilePath, await PopulatedState.BytesAsync());
        using var store = temp.Open();
        var pending = new LiteDbPendingActions(store, new FakeTimeProvider(PopulatedState.Now));
        var bytes = await File.ReadAllBytesAsync(temp.FilePath);
        new Random(3).NextBytes(bytes.AsSpan(8192));
        await File.WriteAllBytesAsync(temp.FilePath, bytes);

        var error = await Assert.ThrowsAsync<StartupException>(() => pending.ListExpiredAsync(CancellationToken.None));

        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith($"The state database {temp.FilePath} is damaged", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// What start-up reads (the pending-action watch's expired, orphaned and waiting lists), then
    /// everything else the stores can read; how many items came back.
    /// </summary>
    private static async Task<int> ReadAsStartUpDoesAsync(LiteDbStore store)
    {
        var none = CancellationToken.None;
        var pending = new LiteDbPendingActions(store, new FakeTimeProvider(PopulatedState.Now));
        var read = (await pending.ListExpiredAsync(none)).Count + (await pending.ListOrphanedAsync(TimeSpan.Zero, none)).Count + (await pending.ListWaitingAsync(none)).Count;

        var audit = new LiteDbAuditLog(store);
        await foreach (var _ in audit.AllAsync(none))
        {
            read++;
        }

        read += (await audit.LatestAsync(1000, none)).Count;
        var sweeps = new LiteDbSweepHistory(store);
        read += (await sweeps.LatestAsync(1000, none)).Count;
        read += await sweeps.AtOrBeforeAsync(PopulatedState.Now, none) is null ? 0 : 1;
        read += await sweeps.LastSummarizedAsync(none) is null ? 0 : 1;
        read += (await new LiteDbSubscriptions(store).ListAsync(null, none)).Count;
        var chats = new LiteDbPersonalChats(store);
        for (var i = 0; i < PopulatedState.Each; i++)
        {
            read += await pending.GetAsync(PopulatedState.PendingId(i), none) is null ? 0 : 1;
            read += await chats.FindAsync(PopulatedState.PersonId(i), none) is null ? 0 : 1;
            read += await sweeps.GetAsync(PopulatedState.SweepId(i), none) is null ? 0 : 1;
        }

        return read;
    }

    private static byte[] Flip(byte[] file, int seed)
    {
        var bytes = file.ToArray();
        var random = new Random(seed);
        for (var i = 0; i < FlippedBytes; i++)
        {
            bytes[random.Next(8192, bytes.Length)] ^= (byte)random.Next(1, 256);
        }

        return bytes;
    }
}
