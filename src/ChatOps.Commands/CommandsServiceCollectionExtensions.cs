using ChatOps.Commands.Access;
using ChatOps.Commands.Actions;
using ChatOps.Commands.Actions.Approvals;
using ChatOps.Commands.Actions.Lifecycle;
using ChatOps.Commands.Builtin;
using ChatOps.Commands.ClusterActions;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;
using ChatOps.Commands.Schedules;
using ChatOps.Commands.Subscriptions;
using ChatOps.Commands.Sweeps;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ChatOps.Commands;

/// <summary>Registers the command router, access policy and built-in commands.</summary>
public static class CommandsServiceCollectionExtensions
{
    /// <summary>Adds the router, <c>ChatOps:Access</c> options and <c>help</c>, <c>whoami</c>, <c>version</c>.</summary>
    public static IHostApplicationBuilder AddCommands(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAccessPolicy, ConfiguredAccessPolicy>();
        services.TryAddSingleton<CommandCatalog>();
        services.TryAddSingleton(sp => new CommandRouter(
            sp.GetRequiredService<CommandCatalog>(),
            sp.GetRequiredService<IAccessPolicy>(),
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<ActionAudit>(),
            new Lazy<PendingActionFlow>(sp.GetRequiredService<PendingActionFlow>),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<CommandRouter>>()));
        services.AddHostedService<CommandCatalogCheck>();
        services.AddOptions<ActionsOptions>().BindConfiguration(ActionsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<ActionAudit>();
        services.TryAddSingleton<ActionOutcomes>();
        services.TryAddSingleton<ActionRunner>();
        services.TryAddSingleton<CardCopies>();
        services.TryAddSingleton<PendingActionFlow>();
        services.TryAddSingleton<IApprovalDelivery, NoApprovalDelivery>();
        services.AddOptions<LinkOptions>().BindConfiguration(LinkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<Links>();

        services.AddChatCommand<HelpHandler>(HelpHandler.Definition);
        services.AddChatCommand<WhoAmIHandler>(WhoAmIHandler.Definition);
        services.AddChatCommand<VersionHandler>(VersionHandler.Definition);
        services.AddChatCommand<AuditHandler>(AuditHandler.Definition);
        services.AddChatCommand<PendingHandler>(PendingHandler.Definition);
        services.AddChatCommand<ApproveHandler>(ApproveHandler.Definition);
        services.AddChatCommand<RejectHandler>(RejectHandler.Definition);
        services.AddChatCommand<SubscribeHandler>(SubscribeHandler.Definition);
        services.AddChatCommand<UnsubscribeHandler>(UnsubscribeHandler.Definition);
        services.AddChatCommand<SubscriptionsHandler>(SubscriptionsHandler.Definition);
        services.AddChatCommand<SchedulesHandler>(SchedulesHandler.Definition);
        services.AddClusterActions();
        services.AddSweeps();
        return builder;
    }

    /// <summary>
    /// Watches pending actions without anyone pressing: closes those whose window passed and
    /// reports those cut off by an instance that stopped (the service, not the terminal chat, runs it).
    /// </summary>
    public static IServiceCollection AddPendingActionWatch(this IServiceCollection services)
    {
        services.AddHostedService<PendingActionWatch>();
        return services;
    }

    /// <summary>Registers one command with its metadata and handler.</summary>
    public static IServiceCollection AddChatCommand<THandler>(this IServiceCollection services, CommandDefinition definition)
        where THandler : class, ICommandHandler
    {
        ArgumentNullException.ThrowIfNull(definition);
        services.AddSingleton(new CommandRegistration(definition, typeof(THandler)));
        services.TryAddScoped<THandler>();
        return services;
    }
}
