using ChatOps.Commands.Actions;

namespace ChatOps.Bot.Tests.Storage;

public sealed class FileOutcomeOutboxTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Kept_SurvivesTheProcessInOrder_AndEachGoesWhenRemoved()
    {
        using var temp = new TempStore();
        await temp.Outbox().KeepAsync(Outcome("o1", AuditDecision.Executed), CancellationToken.None);
        await temp.Outbox().KeepAsync(Outcome("o2", AuditDecision.Failed), CancellationToken.None);

        // A new process reads what the last one kept, beside the state file.
        var next = temp.Outbox();
        Assert.Equal(Path.ChangeExtension(temp.FilePath, ".outbox.jsonl"), next.FullPath);
        var kept = await next.ListAsync(CancellationToken.None);
        Assert.Equal(["o1", "o2"], kept.Select(k => k.Id));
        Assert.Equal(PendingActionState.Done, kept[0].Done.State);
        Assert.Equal(AuditDecision.Failed, kept[1].Record.Decision);

        await next.RemoveAsync("o1", CancellationToken.None);
        Assert.Equal(["o2"], (await temp.Outbox().ListAsync(CancellationToken.None)).Select(k => k.Id));
        await next.RemoveAsync("o2", CancellationToken.None);
        Assert.Empty(await temp.Outbox().ListAsync(CancellationToken.None));
        Assert.False(File.Exists(next.FullPath));
    }

    [Fact]
    public async Task ALineThatCannotBeRead_IsSkippedAndTheRestStillRead()
    {
        using var temp = new TempStore();
        var outbox = temp.Outbox();
        await outbox.KeepAsync(Outcome("o1", AuditDecision.Executed), CancellationToken.None);
        await File.AppendAllTextAsync(outbox.FullPath, "{\"Id\": \"half\n");
        await outbox.KeepAsync(Outcome("o2", AuditDecision.Executed), CancellationToken.None);

        Assert.Equal(["o1", "o2"], (await outbox.ListAsync(CancellationToken.None)).Select(k => k.Id));
        // Logged once and gone: the file holds only what can be read.
        Assert.DoesNotContain("half", await File.ReadAllTextAsync(outbox.FullPath), StringComparison.Ordinal);
        Assert.Equal(["o1", "o2"], (await outbox.ListAsync(CancellationToken.None)).Select(k => k.Id));
    }

    private static KeptOutcome Outcome(string id, AuditDecision decision) => new(
        id,
        new PendingAction { Id = $"p-{id}", Nonce = "n", Action = "kill vmwp", Target = "WEB-04", RequesterId = "u", RequesterName = "Dana", ConversationId = "c", CommandText = "kill vmwp WEB-04", CreatedAt = Now, ExpiresAt = Now.AddMinutes(2), State = PendingActionState.Done, ExecuteBy = Now.AddMinutes(3) },
        new AuditRecord { Time = Now, UserId = "u", UserName = "Dana", ConversationId = "c", CommandText = "kill vmwp WEB-04", Action = "kill vmwp", Target = "WEB-04", Decision = decision, Outcome = "Killed the worker process of WEB-04", PendingId = $"p-{id}" });
}
