namespace ChatOps.Commands.Actions;

/// <summary>Remembers which incoming activities were handled, so a redelivery is ignored.</summary>
public interface IProcessedActivities
{
    /// <summary>True the first time an activity id is seen (across restarts); false for a redelivery.</summary>
    Task<bool> TryClaimAsync(string activityId, DateTimeOffset now, CancellationToken cancellationToken);
}
