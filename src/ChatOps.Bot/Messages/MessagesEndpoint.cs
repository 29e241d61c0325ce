using System.Text.Json;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.IdentityModel.Tokens;

namespace ChatOps.Bot.Messages;

/// <summary>
/// <c>POST /api/messages</c>: refuses a body that is not an activity the bot can answer (400),
/// then lets the adapter authenticate and run the turn. A token the validator rejects, however
/// malformed, is a 401 and logged, never a 500 carrying the validator's exception; signing keys
/// out of reach are a 503 (our outage: the connector retries).
/// </summary>
internal static partial class MessagesEndpoint
{
    private static readonly string TooLarge = $"The body is larger than {InboundActivity.MaxBodyBytes} bytes.";

    public static async Task HandleAsync(HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("ChatOps.Bot.Messages");
        var remote = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (request.ContentLength > InboundActivity.MaxBodyBytes)
        {
            await RefuseAsync(response, StatusCodes.Status413PayloadTooLarge, TooLarge, cancellationToken);
            return;
        }

        // Read at most one byte past the limit (a chunked body has no Content-Length), then rewind for the adapter.
        request.EnableBuffering(InboundActivity.MaxBodyBytes);
        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (body.Length <= InboundActivity.MaxBodyBytes && (read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            body.Write(chunk, 0, read);
        }

        if (body.Length > InboundActivity.MaxBodyBytes)
        {
            await RefuseAsync(response, StatusCodes.Status413PayloadTooLarge, TooLarge, cancellationToken);
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
        catch (Exception ex) when (IsKeysUnavailable(ex) && !response.HasStarted)
        {
            // Our outage, not a bad token: 503 lets the Bot Connector retry, and it is an error in our log.
            LogKeysUnavailable(logger, ex.Message);
            response.Clear();
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            response.Headers.RetryAfter = "10";
            return;
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
        // IDX12709/12729/12741: the JWT itself cannot be read (segments, Base64, JSON).
        ArgumentException => ex.Message.StartsWith("IDX127", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>IDX20803: the Bot Framework's signing keys (OpenID configuration) could not be fetched.</summary>
    private static bool IsKeysUnavailable(Exception ex) =>
        ex is InvalidOperationException && ex.Message.StartsWith("IDX20803", StringComparison.Ordinal);

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

    [LoggerMessage(Level = LogLevel.Error, Message = "The Bot Framework signing keys could not be fetched; answered 503: {Reason}")]
    private static partial void LogKeysUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a malformed activity from {Remote}: {Problem}")]
    private static partial void LogMalformed(ILogger logger, string remote, string problem);
}
