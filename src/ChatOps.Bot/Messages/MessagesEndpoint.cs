using System.Text.Json;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Bot.Messages;

/// <summary>
/// <c>POST /api/messages</c>: refuses a body that is not an activity the bot can answer (400),
/// then lets the adapter authenticate and run the turn. A token the validator rejects, however
/// malformed, is a 401 and logged, never a 500 carrying the validator's exception.
/// </summary>
internal static partial class MessagesEndpoint
{
    public static async Task HandleAsync(HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("ChatOps.Bot.Messages");
        var remote = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (request.ContentLength > InboundActivity.MaxBodyBytes)
        {
            await RefuseAsync(response, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {InboundActivity.MaxBodyBytes} bytes.", cancellationToken);
            return;
        }

        request.EnableBuffering(InboundActivity.MaxBodyBytes);
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        if (body.Length > InboundActivity.MaxBodyBytes)
        {
            await RefuseAsync(response, StatusCodes.Status413PayloadTooLarge, $"The body is larger than {InboundActivity.MaxBodyBytes} bytes.", cancellationToken);
            return;
        }

        if (InboundActivity.Problem(body.GetBuffer().AsSpan(0, (int)body.Length)) is { } problem)
        {
            LogMalformed(logger, remote, problem);
            await RefuseAsync(response, StatusCodes.Status400BadRequest, problem, cancellationToken);
            return;
        }

        request.Body.Position = 0;
        try
        {
            await adapter.ProcessAsync(request, response, bot, cancellationToken);
        }
        catch (Exception ex) when (IsTokenRejection(ex) && !response.HasStarted)
        {
            LogTokenRejected(logger, remote, ex.GetType().Name);
            response.Clear();
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        if (response.StatusCode == StatusCodes.Status401Unauthorized)
        {
            LogUnauthenticated(logger, remote, request.Headers.Authorization.Count > 0);
        }
    }

    /// <summary>
    /// What the Bot Framework token validation throws for a token it cannot accept: a malformed or
    /// unsigned JWT (IdentityModel's IDX errors), a signature it cannot check, the signing keys
    /// being out of reach (IDX20803). Exceptions of the turn itself never get here: the adapter's
    /// turn-error handler takes those.
    /// </summary>
    private static bool IsTokenRejection(Exception ex) => ex switch
    {
        SecurityTokenException or UnauthorizedAccessException => true,
        ArgumentException or InvalidOperationException => ex.Message.StartsWith("IDX", StringComparison.Ordinal),
        _ => false,
    };

    private static async Task RefuseAsync(HttpResponse response, int status, string problem, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        await response.WriteAsync(JsonSerializer.Serialize(new { error = problem }), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an unauthenticated /api/messages request from {Remote} (token present: {HadToken})")]
    private static partial void LogUnauthenticated(ILogger logger, string remote, bool hadToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a /api/messages token from {Remote}: {Reason}")]
    private static partial void LogTokenRejected(ILogger logger, string remote, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a malformed activity from {Remote}: {Problem}")]
    private static partial void LogMalformed(ILogger logger, string remote, string problem);
}
