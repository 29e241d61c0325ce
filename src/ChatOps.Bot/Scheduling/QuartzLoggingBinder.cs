using Quartz.Logging;

namespace ChatOps.Bot.Scheduling;

/// <summary>
/// Quartz keeps its logger factory in a static. Binding it to this host's factory keeps a second
/// host in the same process (tests, an in-process restart) from logging through a disposed one.
/// It binds in the constructor because the host constructs every hosted service, in registration
/// order, before starting any, and Quartz's service reads the static while being constructed.
/// </summary>
internal sealed class QuartzLoggingBinder : IHostedService
{
    public QuartzLoggingBinder(ILoggerFactory loggerFactory) => LogContext.SetCurrentLogProvider(loggerFactory);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
