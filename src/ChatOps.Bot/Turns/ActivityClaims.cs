using ChatOps.Commands.Actions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;

namespace ChatOps.Bot.Turns;

/// <summary>
/// Claims of incoming activity ids in the state store, so a redelivery is handled once: each
/// bounded by <see cref="TurnOptions.StorageTimeout"/> in real time, and at most
/// <see cref="MaxClaimsAtOnce"/> in flight, so a flood of redeliveries waits here rather than in
/// the database's connection pool, where it would starve the turns that do the work.
/// </summary>
internal sealed partial class ActivityClaims(IProcessedActivities processed, IOptions<TurnOptions> options, TimeProvider time, ILogger<ActivityClaims> logger)
{
    /// <summary>Claims in flight at once, per instance.</summary>
    public const int MaxClaimsAtOnce = 16;

    private readonly SemaphoreSlim _inFlight = new(MaxClaimsAtOnce);

    /// <summary>The claim, or null (logged) when the store did not answer in time; a claim that goes through later is given back.</summary>
    public async Task<ActivityClaim?> TryClaimAsync(string key, string activityType, string stored, CancellationToken cancellationToken)
    {
        var claiming = ClaimAsync(key, stored);
        try
        {
            // In real time: a wedged store must not hold the request, whatever clock the service runs on.
            return await claiming.WaitAsync(options.Value.StorageTimeout, TimeProvider.System, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStorageUnavailable(ex, activityType);
            // If the claim goes through later, nothing will handle it: let a redelivery have it.
            _ = claiming.ContinueWith(c => c.Result.Claimed ? processed.ReleaseAsync(key, CancellationToken.None) : Task.CompletedTask, CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default).Unwrap();
            return null;
        }
    }

    /// <summary>Gives a claim back, so a redelivery of the activity is handled again.</summary>
    public Task ReleaseAsync(string key) => processed.ReleaseAsync(key, CancellationToken.None);

    /// <summary>
    /// Marks an activity finished, a press with its answer; a store that fails here is logged (the activity is
    /// then taken over again after a restart: its reply may be sent twice, never lost).
    /// </summary>
    public async Task FinishAsync(string key, InvokeResponse? answer)
    {
        var stored = answer?.Body is null ? null : new StoredAnswer(answer.Status, JsonConvert.SerializeObject(answer.Body, HttpHelper.BotMessageSerializerSettings));
        try
        {
            await processed.FinishAsync(key, stored, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFinishFailed(ex, key);
        }
    }

    private async Task<ActivityClaim> ClaimAsync(string key, string stored)
    {
        if (!await _inFlight.WaitAsync(options.Value.StorageTimeout))
        {
            throw new TimeoutException($"{MaxClaimsAtOnce} claims were already waiting on the state store.");
        }

        try
        {
            return await processed.TryClaimAsync(key, time.GetUtcNow(), stored, CancellationToken.None);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The state store did not answer a claim of a {ActivityType} activity in time; apologized and did nothing")]
    private partial void LogStorageUnavailable(Exception exception, string activityType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not mark activity {Key} finished; after a restart it is handled again")]
    private partial void LogFinishFailed(Exception exception, string key);
}
