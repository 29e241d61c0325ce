using ChatOps.Bot.Storage.Postgres;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Actions.Approvals;
using ChatOps.Commands.Subscriptions;
using ChatOps.Commands.Sweeps;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatOps.Bot.Storage;

/// <summary>Registers the state store behind the ports of ChatOps.Commands: LiteDB (the default) or PostgreSQL.</summary>
internal static class StorageServiceCollectionExtensions
{
    /// <summary>The key of the <c>/readyz</c> check of whichever store is in use.</summary>
    public const string ReadinessKey = "storage";

    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // LiteDB judges expiry by this process's clock (PostgreSQL by the database's).
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IOutcomeOutbox, FileOutcomeOutbox>();
        if (ProviderOf(builder.Configuration) == StorageProvider.PostgreSql)
        {
            builder.Services.AddSingleton<PostgresStore>();
            // Migrates, then checks in, before anything else starts: a schema it cannot use stops start-up.
            builder.Services.AddHostedService<PostgresInstance>();
            builder.Services.AddKeyedSingleton<IHealthCheck, PostgresReadinessCheck>(ReadinessKey);
            builder.Services.AddSingleton<IAuditLog, PostgresAuditLog>();
            builder.Services.AddSingleton<IPendingActions, PostgresPendingActions>();
            builder.Services.AddSingleton<IPersonalChats, PostgresPersonalChats>();
            builder.Services.AddSingleton<IProcessedActivities, PostgresProcessedActivities>();
            builder.Services.AddSingleton<ISubscriptions, PostgresSubscriptions>();
            builder.Services.AddSingleton<ISweepHistory, PostgresSweepHistory>();
            return builder;
        }

        builder.Services.AddSingleton<LiteDbStore>();
        // Opened at start, so a damaged file stops the service before it takes a request.
        builder.Services.AddHostedService<StorageStartup>();
        builder.Services.AddKeyedSingleton<IHealthCheck, StorageReadinessCheck>(ReadinessKey);
        builder.Services.AddSingleton<IAuditLog, LiteDbAuditLog>();
        builder.Services.AddSingleton<IPendingActions, LiteDbPendingActions>();
        builder.Services.AddSingleton<IPersonalChats, LiteDbPersonalChats>();
        builder.Services.AddSingleton<IProcessedActivities, LiteDbProcessedActivities>();
        builder.Services.AddSingleton<ISubscriptions, LiteDbSubscriptions>();
        builder.Services.AddSingleton<ISweepHistory, LiteDbSweepHistory>();
        return builder;
    }

    /// <summary>The provider configured, read while registering (an unknown name stops start-up with the options' own message).</summary>
    public static StorageProvider ProviderOf(IConfiguration configuration) =>
        Enum.TryParse<StorageProvider>(configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"], ignoreCase: true, out var provider)
            ? provider
            : StorageProvider.LiteDb;
}
