namespace ChatOps.Commands.Actions;

/// <summary>
/// Remembers which incoming activities were taken on and finished, so a redelivery by Teams is
/// handled once: ignored while its turn runs or after it finished (a button press then gets the
/// stored answer), and handled again if the process that took it on died before finishing.
/// </summary>
public interface IProcessedActivities
{
    /// <summary>Takes the activity on for this process, or says who has it and what was answered.</summary>
    Task<ActivityClaim> TryClaimAsync(string activityKey, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks the activity finished, with the answer a redelivered button press gets (a message needs no mark: once answered it is not redelivered).</summary>
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
