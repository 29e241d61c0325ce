using ChatOps.Bot.Storage;
using ChatOps.Commands.Actions;

namespace ChatOps.Bot.Tests.Storage;

/// <summary>
/// LiteDB 5.0.21 builds its entity mappers lazily and without a lock (LiteDB issues #2536, #2565):
/// concurrent first writes after a start could store empty or partial documents.
/// </summary>
public sealed class FirstWritesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task FirstWritesAfterOpen_32AtOnceManyTimes_EveryDocumentComplete()
    {
        for (var round = 0; round < 25; round++)
        {
            using var temp = new TempStore();
            using (var store = temp.Open())
            {
                var audit = new LiteDbAuditLog(store);
                var pending = new LiteDbPendingActions(store, TimeProvider.System);
                using var start = new ManualResetEventSlim();
                var writers = Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
                {
                    start.Wait();
                    if (i % 2 == 0)
                    {
                        await audit.AppendAsync(Record(i), CancellationToken.None);
                    }
                    else
                    {
                        await pending.AddAsync(Pending(i), CancellationToken.None);
                    }
                })).ToList();
                start.Set();
                await Task.WhenAll(writers);
            }

            using var reopened = temp.Open();
            var records = await new LiteDbAuditLog(reopened).LatestAsync(100, CancellationToken.None);
            Assert.Equal(16, records.Count);
            Assert.All(records, r => Assert.True(r.UserId.Length > 0 && r.Target.StartsWith("NODE", StringComparison.Ordinal) && r.Time == Now, $"round {round}: incomplete audit record {r}"));
            var store2 = new LiteDbPendingActions(reopened, TimeProvider.System);
            for (var i = 1; i < 32; i += 2)
            {
                var stored = await store2.GetAsync($"p{i}", CancellationToken.None);
                Assert.True(stored is { Action: "kill clussvc", RequesterId: "aad:x" } && stored.Target == $"NODE{i}", $"round {round}: pending action p{i} is {stored}");
            }
        }
    }

    [Fact]
    public void WarmUp_ListsEveryDocumentTypeTheStoresWrite()
    {
        var documents = typeof(LiteDbStore).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(LiteDbStore).Namespace && t.IsNested && t.Name.EndsWith("Document", StringComparison.Ordinal));

        Assert.Equal(documents.OrderBy(t => t.FullName), MapperWarmUp.Documents.OrderBy(t => t.FullName));
    }

    private static AuditRecord Record(int i) => new()
    {
        Time = Now,
        UserId = "29:u" + i,
        UserName = "Dana",
        ConversationId = "c1",
        CommandText = $"flushdns node{i}",
        Action = "flushdns",
        Target = $"NODE{i}",
        Decision = AuditDecision.Requested,
        DurationMs = 1.5,
    };

    private static PendingAction Pending(int i) => new()
    {
        Id = $"p{i}",
        Nonce = "nonce",
        Action = "kill clussvc",
        Target = $"NODE{i}",
        RequesterId = "aad:x",
        RequesterName = "Dana",
        ConversationId = "c1",
        CommandText = $"kill clussvc node{i}",
        CreatedAt = Now,
        ExpiresAt = Now.AddMinutes(2),
    };
}
