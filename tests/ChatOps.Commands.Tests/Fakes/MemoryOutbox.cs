using ChatOps.Commands.Actions;

namespace ChatOps.Commands.Tests.Fakes;

/// <summary>The outcome outbox in a list, as the file keeps it: in order, each until it is removed.</summary>
internal sealed class MemoryOutbox : IOutcomeOutbox
{
    private readonly List<KeptOutcome> _kept = [];

    public IReadOnlyList<KeptOutcome> Kept
    {
        get
        {
            lock (_kept)
            {
                return [.. _kept];
            }
        }
    }

    public Task KeepAsync(KeptOutcome outcome, CancellationToken cancellationToken)
    {
        lock (_kept)
        {
            _kept.Add(outcome);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<KeptOutcome>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(Kept);

    public Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        lock (_kept)
        {
            _kept.RemoveAll(o => o.Id == id);
        }

        return Task.CompletedTask;
    }
}
