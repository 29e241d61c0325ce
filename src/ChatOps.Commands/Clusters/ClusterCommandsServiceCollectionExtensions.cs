using ChatOps.Commands.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOps.Commands.Clusters;

/// <summary>Registers the read-only cluster commands.</summary>
public static class ClusterCommandsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <c>cluster</c>, <c>nodes</c>, <c>node</c>, <c>vm</c>, <c>vms</c>, <c>diagnose</c>,
    /// <c>capacity</c>, <c>events</c> and <c>migrate-check</c>, all for readers. They need an <c>IClusterGateway</c> (<c>AddClusters</c>) and, to map events
    /// to runbooks, an <c>IKnowledgeBase</c> (<c>AddKnowledge</c>).
    /// </summary>
    public static IServiceCollection AddClusterCommands(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<FindingBlocks>();
        services.TryAddSingleton<EventMap>();
        services.TryAddSingleton<IExampleNames, ClusterExampleNames>();
        services.AddChatCommand<ClusterHandler>(ClusterHandler.Definition);
        services.AddChatCommand<NodesHandler>(NodesHandler.Definition);
        services.AddChatCommand<NodeHandler>(NodeHandler.Definition);
        services.AddChatCommand<VmHandler>(VmHandler.Definition);
        services.AddChatCommand<VmsHandler>(VmsHandler.Definition);
        services.AddChatCommand<DiagnoseHandler>(DiagnoseHandler.Definition);
        services.AddChatCommand<CapacityHandler>(CapacityHandler.Definition);
        services.AddChatCommand<EventsHandler>(EventsHandler.Definition);
        services.AddChatCommand<MigrateCheckHandler>(MigrateCheckHandler.Definition);
        return services;
    }
}
