using Microsoft.Extensions.Hosting;

namespace ChatOps.Commands.Routing;

/// <summary>Builds the command table at start so a duplicate name stops start-up, not the first message.</summary>
internal sealed class CommandCatalogCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetService(typeof(CommandCatalog));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
