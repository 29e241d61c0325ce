using ChatOps.Commands.Actions;
using ChatOps.Commands.Subscriptions;
using ChatOps.Commands.Sweeps;

namespace ChatOps.Bot.Storage;

/// <summary>Registers the LiteDB-backed ports of ChatOps.Commands.</summary>
internal static class StorageServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<LiteDbStore>();
        // Opened at start, so a damaged file stops the service before it takes a request.
        builder.Services.AddHostedService<StorageStartup>();
        builder.Services.AddSingleton<IAuditLog, LiteDbAuditLog>();
        builder.Services.AddSingleton<IPendingActions, LiteDbPendingActions>();
        builder.Services.AddSingleton<IProcessedActivities, LiteDbProcessedActivities>();
        builder.Services.AddSingleton<ISubscriptions, LiteDbSubscriptions>();
        builder.Services.AddSingleton<ISweepHistory, LiteDbSweepHistory>();
        return builder;
    }
}
