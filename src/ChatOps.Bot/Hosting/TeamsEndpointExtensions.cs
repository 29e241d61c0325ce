using System.Text.Json;
using ChatOps.Bot.Knowledge;
using ChatOps.Bot.Messages;
using ChatOps.Bot.Pages;
using ChatOps.Bot.Proactive;
using ChatOps.Bot.Storage;
using ChatOps.Bot.Teams;
using ChatOps.Bot.Turns;
using ChatOps.Commands;
using ChatOps.Commands.Subscriptions;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Hosting;

/// <summary>The HTTP side: Bot Framework endpoint, liveness and readiness.</summary>
internal static class TeamsEndpointExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>Bot Framework authentication and the adapter behind <c>/api/messages</c>.</summary>
    public static WebApplicationBuilder AddTeamsEndpoint(this WebApplicationBuilder builder)
    {
        BotCredentials.EnsureUsable(builder.Configuration, builder.Environment);
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<ChatOps.Commands.Replies.IServiceAddress, BoundAddress>();
        builder.Services.AddSingleton<ConfigurationBotFrameworkAuthentication>();
        builder.Services.AddSingleton<BotFrameworkAuthentication, SharedContractsAuthentication>();
        builder.Services.AddOptions<ProactiveOptions>().BindConfiguration(ProactiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ConversationThrottle>();
        builder.Services.AddSingleton<OutgoingMiddleware>();
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter, ChatOpsAdapter>();
        builder.Services.AddSingleton<IChannelPublisher, ProactivePublisher>();
        builder.Services.AddSingleton<ChatOps.Commands.Actions.Approvals.IApprovalDelivery, TeamsApprovalDelivery>();
        builder.Services.AddPendingActionWatch();
        builder.Services.AddOptions<TurnOptions>().BindConfiguration(TurnOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<TurnQueue>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TurnQueue>());
        builder.Services.AddSingleton<ActivityClaims>();
        builder.Services.AddSingleton<RunningCard>();
        builder.Services.AddSingleton<TurnIntake>();
        builder.Services.AddHostedService<TurnRecovery>();
        // Stopping lets turns drain, then lets a running action finish within its execute timeout: the host waits that long.
        builder.Services.AddOptions<HostOptions>().PostConfigure<IOptions<TurnOptions>, IOptionsMonitor<ChatOps.Commands.Actions.ActionsOptions>>((host, turns, actions) =>
            host.ShutdownTimeout = Max(host.ShutdownTimeout, turns.Value.DrainTimeout + actions.CurrentValue.ExecuteTimeout + ShutdownMargin));
        builder.AddPageSignIn();
        builder.Services.AddHealthChecks()
            .AddCheck<ClusterReadinessCheck>("cluster", tags: [ReadyTag])
            .AddCheck<KnowledgeReadinessCheck>("knowledge", tags: [ReadyTag])
            .Add(new HealthCheckRegistration("storage", sp => sp.GetRequiredKeyedService<IHealthCheck>(StorageServiceCollectionExtensions.ReadinessKey), HealthStatus.Unhealthy, [ReadyTag]));
        return builder;
    }

    /// <summary>What the host's shutdown timeout leaves, past the drain and an action's execute timeout, for sending the last replies and leaving.</summary>
    public static readonly TimeSpan ShutdownMargin = TimeSpan.FromSeconds(10);

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>Maps <c>POST /api/messages</c>, <c>GET /kb/{id}</c>, <c>GET /healthz</c> and <c>GET /readyz</c>.</summary>
    public static WebApplication MapChatOps(this WebApplication app)
    {
        app.UseForwardedHeaders(ForwardedFrom(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebOptions>>().Value));
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebOptions>>().Value.SignInRequired)
        {
            app.UsePageSignIn();
        }

        app.UseAuthorization();
        app.MapPost("/api/messages", MessagesEndpoint.HandleAsync);
        app.MapSweepPages();
        app.MapStatusPage();
        app.MapKnowledgePages();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadinessAsync,
        });
        return app;
    }

    /// <summary>The loopback proxy and those of <see cref="WebOptions.KnownProxies"/> are believed; a forwarded address from anyone else is ignored.</summary>
    private static ForwardedHeadersOptions ForwardedFrom(WebOptions web)
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        options.KnownProxies.Add(System.Net.IPAddress.Loopback);
        options.KnownProxies.Add(System.Net.IPAddress.IPv6Loopback);
        foreach (var proxy in web.KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            options.KnownProxies.Add(System.Net.IPAddress.TryParse(proxy.Trim(), out var address)
                ? address
                : throw new StartupException($"{WebOptions.Section}:KnownProxies has '{proxy}', which is not an IP address."));
        }

        return options;
    }

    /// <summary>
    /// Readiness details name files, clusters and runbook problems: only a caller on this machine
    /// (a load balancer's probe needs the status alone) sees them. The in-process test server has no address.
    /// </summary>
    internal static bool SeesReadinessDetails(System.Net.IPAddress? remote) =>
        remote is null || System.Net.IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);

    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        if (!SeesReadinessDetails(context.Connection.RemoteIpAddress))
        {
            return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString() }, JsonOptions));
        }

        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new
            {
                name = e.Key,
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
}
