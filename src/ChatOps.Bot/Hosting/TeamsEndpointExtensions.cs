using System.Text.Json;
using ChatOps.Bot.Pages;
using ChatOps.Bot.Proactive;
using ChatOps.Bot.Teams;
using ChatOps.Commands.Subscriptions;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatOps.Bot.Hosting;

/// <summary>The HTTP side: Bot Framework endpoint, liveness and readiness.</summary>
internal static partial class TeamsEndpointExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>Bot Framework authentication and the adapter behind <c>/api/messages</c>.</summary>
    public static WebApplicationBuilder AddTeamsEndpoint(this WebApplicationBuilder builder)
    {
        BotCredentials.EnsureUsable(builder.Configuration, builder.Environment);
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<BotFrameworkAuthentication, ConfigurationBotFrameworkAuthentication>();
        builder.Services.AddOptions<ProactiveOptions>().BindConfiguration(ProactiveOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ConversationThrottle>();
        builder.Services.AddSingleton<OutgoingMiddleware>();
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter, ChatOpsAdapter>();
        builder.Services.AddSingleton<IChannelPublisher, ProactivePublisher>();
        builder.Services.AddHealthChecks()
            .AddCheck<ClusterReadinessCheck>("cluster", tags: [ReadyTag]);
        return builder;
    }

    /// <summary>Maps <c>POST /api/messages</c>, <c>GET /healthz</c> and <c>GET /readyz</c>.</summary>
    public static WebApplication MapChatOps(this WebApplication app)
    {
        app.MapPost("/api/messages", async (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, ILoggerFactory loggers, CancellationToken ct) =>
        {
            await adapter.ProcessAsync(request, response, bot, ct);
            if (response.StatusCode == StatusCodes.Status401Unauthorized)
            {
                Log.Unauthenticated(loggers.CreateLogger("ChatOps.Bot.Messages"), request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", request.Headers.Authorization.Count > 0);
            }
        });
        app.MapSweepPages();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteReadinessAsync,
        });
        return app;
    }

    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
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

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an unauthenticated /api/messages request from {Remote} (token present: {HadToken})")]
        public static partial void Unauthenticated(ILogger logger, string remote, bool hadToken);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
}
