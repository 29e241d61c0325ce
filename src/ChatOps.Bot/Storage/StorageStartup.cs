namespace ChatOps.Bot.Storage;

/// <summary>Opens (and so checks) the state database when the host starts rather than on the first request.</summary>
internal sealed class StorageStartup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetRequiredService<LiteDbStore>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
