namespace ChatOps.Commands.Actions;

/// <summary>
/// Remembers which incoming activities were taken on and finished, so each is handled once: a
/// redelivery by Teams is ignored while its turn runs or after it finished (a button press then
/// gets the stored answer). An activity is kept with its claim, before it is acknowledged, until
/// its turn finishes: if the process that took it on dies first, a redelivery, the next start or
/// another instance takes it over and handles it.
/// </summary>
public interface IProcessedActivities
{
    /// <summary>
    /// Takes the activity on for this process, keeping <paramref name="stored"/> (what it takes to handle it
    /// again, opaque here) with the claim in the same write; or says who has it and what was answered.
    /// </summary>
    Task<ActivityClaim> TryClaimAsync(string activityKey, DateTimeOffset now, string? stored, CancellationToken cancellationToken);

    /// <summary>
    /// Takes over, oldest first and at most <paramref name="max"/>, the stored activities that a process
    /// which is gone (an earlier start, or an instance past its lease) took on and never finished; each
    /// taken over counts one more attempt.
    /// </summary>
    Task<IReadOnlyList<AbandonedActivity>> TakeOverAbandonedAsync(int max, CancellationToken cancellationToken);

    /// <summary>Marks the activity finished, with the answer a redelivered button press gets, and lets its stored copy go.</summary>
    Task FinishAsync(string activityKey, StoredAnswer? answer, CancellationToken cancellationToken);

    /// <summary>Forgets a claim whose turn was refused before it ran, so a redelivery is handled.</summary>
    Task ReleaseAsync(string activityKey, CancellationToken cancellationToken);
}

/// <summary>The outcome of <see cref="IProcessedActivities.TryClaimAsync"/>.</summary>
/// <param name="Claimed">True when this process now has the activity (first sight, or its earlier owner died before finishing).</param>
/// <param name="Finished">True when the activity's turn already finished.</param>
/// <param name="Answer">What a finished button press answered, if anything.</param>
public sealed record ActivityClaim(bool Claimed, bool Finished, StoredAnswer? Answer);

/// <summary>An invoke answer kept for redeliveries: the HTTP status and the JSON body.</summary>
public sealed record StoredAnswer(int Status, string Body);

/// <summary>An activity taken over from a process that died before finishing it.</summary>
/// <param name="Key">Its claim key.</param>
/// <param name="ReceivedAt">When it was first claimed: how old it is for the person who sent it.</param>
/// <param name="Stored">What was kept with the claim.</param>
/// <param name="Attempts">Processes that took it on, this one included.</param>
public sealed record AbandonedActivity(string Key, DateTimeOffset ReceivedAt, string Stored, int Attempts);
