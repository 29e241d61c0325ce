using ChatOps.Commands.Schedules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOps.Commands.Sweeps;

/// <summary>Registers sweeps, drift, summaries and their scheduled tasks.</summary>
public static class SweepsServiceCollectionExtensions
{
    /// <summary>Adds <c>ChatOps:Sweep</c> options, the sweep runner, the summary publisher, the three scheduled tasks and <c>sweep now</c>, <c>drift</c>, <c>summary now</c>.</summary>
    public static IServiceCollection AddSweeps(this IServiceCollection services)
    {
        services.AddOptions<SweepOptions>().BindConfiguration(SweepOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<SweepRunner>();
        services.TryAddSingleton<SummaryPublisher>();
        services.AddSingleton<IScheduledTask, ParitySweepTask>();
        services.AddSingleton<IScheduledTask, ChannelSummaryTask>();
        services.AddSingleton<IScheduledTask, PruneTask>();
        services.AddChatCommand<SweepNowHandler>(SweepNowHandler.Definition);
        services.AddChatCommand<DriftHandler>(DriftHandler.Definition);
        services.AddChatCommand<SummaryNowHandler>(SummaryNowHandler.Definition);
        return services;
    }
}
