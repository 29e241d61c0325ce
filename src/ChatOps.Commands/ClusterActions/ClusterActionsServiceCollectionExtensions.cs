using ChatOps.Commands.Actions;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Commands.ClusterActions;

/// <summary>Registers the four safe actions on the cluster.</summary>
public static class ClusterActionsServiceCollectionExtensions
{
    /// <summary>Adds <c>kill clussvc</c>, <c>kill vmwp</c>, <c>flushdns</c> and <c>remove stalelink</c>.</summary>
    public static IServiceCollection AddClusterActions(this IServiceCollection services)
    {
        services.AddSafeAction<KillClusterServiceAction>(KillClusterServiceAction.Command);
        services.AddSafeAction<KillVmWorkerAction>(KillVmWorkerAction.Command);
        services.AddSafeAction<FlushDnsAction>(FlushDnsAction.Command);
        services.AddSafeAction<RemoveStaleLinkAction>(RemoveStaleLinkAction.Command);
        return services;
    }
}
