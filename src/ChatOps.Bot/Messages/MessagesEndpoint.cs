using ChatOps.Bot.Turns;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json;

namespace ChatOps.Bot.Messages;

/// <summary>
/// <c>POST /api/messages</c>: refuses a body that is not an activity the bot can answer, or whose
/// fields are not of an activity's types (400, with the reason),
/// authenticates it as the Bot Framework adapter would, and hands it to <see cref="TurnIntake"/>,
/// which answers at once and runs the turn in the background. A token the validator rejects, however
/// malformed, is a 401 and logged, never a 500 carrying the validator's exception; signing keys
/// out of reach are a 503 (our outage: the connector retries).
/// </summary>
internal static partial class MessagesEndpoint
{
    /// <summary>
    /// A button press's body is a few KB. A body larger than this is a message, which waits for its turn only
    /// within <see cref="TurnOptions.MaxQueuedBytes"/>.
    /// </summary>
    private const long LargestPressBytes = 64 * 1024;

    private static readonly string TooLarge = $"The body is larger than {InboundActivity.MaxBodyBytes} bytes.";

    public static async Task HandleAsync(HttpRequest request, HttpResponse response, BotFrameworkAuthentication authentication, TurnIntake intake, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("ChatOps.Bot.Messages");
        var remote = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (request.ContentLength > InboundActivity.MaxBodyBytes)
        {
            await RefuseAsync(response, StatusCodes.Status413PayloadTooLarge, TooLarge, cancellationToken);
            return;
        }

        if (request.ContentLength is > LargestPressBytes and var length && !intake.HasRoomFor(length))
        {
            // Too large to be a press, which alone may wait past the bound: refused before it is read, let alone stored.
            await RefuseAsync(response, TurnQueue.Refusal.TooMuchWaiting, cancellationToken);
            return;
        }

        // Read at most one byte past the limit: a chunked body has no Content-Length.
        using var body = new MemoryStream((int)Math.Min(request.ContentLength ?? 0, InboundActivity.MaxBodyBytes) + 1);
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

        if (InboundActivity.Problem(body.GetBuffer().AsMemory(0, (int)body.Length)) is { } problem)
        {
            LogMalformed(logger, remote, problem);
            await RefuseAsync(response, StatusCodes.Status400BadRequest, problem, cancellationToken);
            return;
        }

        Activity activity;
        try
        {
            // Read from the buffer itself: no second copy of a large body as one string.
            body.Position = 0;
            using var reader = new JsonTextReader(new StreamReader(body, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true));
            activity = JsonSerializer.Create(HttpHelper.BotMessageSerializerSettings).Deserialize<Activity>(reader)
                ?? throw new JsonSerializationException("The body is null.");
        }
        catch (Exception ex) when (ex is JsonException or FormatException or OverflowException or InvalidCastException or ArgumentException)
        {
            // A field of the wrong type ("text": {}, "entities": "x", "timestamp": "soon"): the activity cannot be read, so it is refused before anything else.
            var path = ex switch { JsonReaderException r => r.Path, JsonSerializationException j => j.Path, _ => null };
            var wrongType = string.IsNullOrEmpty(path) ? "The body is not a Bot Framework activity: a field has the wrong type." : $"'{Echo(path)}' is not of the type an activity gives it.";
            LogMalformed(logger, remote, wrongType);
            await RefuseAsync(response, StatusCodes.Status400BadRequest, wrongType, cancellationToken);
            return;
        }

        AuthenticateRequestResult auth;
        try
        {
            auth = await authentication.AuthenticateRequestAsync(activity, request.Headers.Authorization.ToString(), cancellationToken);
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

        await intake.AcceptAsync(activity, auth, TurnQueue.HeldWhileWaiting(body.Length), response, cancellationToken);
    }

    /// <summary>
    /// What the Bot Framework token validation throws for a token it cannot accept: a malformed or
    /// unsigned JWT (IdentityModel's IDX errors), a signature it cannot check, the signing keys
    /// being out of reach (IDX20803). Exceptions of the turn itself never get here: the adapter's
    /// turn-error handler takes those, off the request.
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

    /// <summary>A name from the body (a JSON path, an invoke's name), short and printable, to repeat in a refusal.</summary>
    internal static string Echo(string text) => new([.. text.Where(c => !char.IsControl(c)).Take(80)]);

    /// <summary>503 with Retry-After for an activity the turn queue did not take: the connector may deliver it again later.</summary>
    internal static Task RefuseAsync(HttpResponse response, TurnQueue.Refusal refusal, CancellationToken cancellationToken)
    {
        response.Headers.RetryAfter = "5";
        return RefuseAsync(response, StatusCodes.Status503ServiceUnavailable, refusal switch
        {
            TurnQueue.Refusal.Full => "You have too many requests waiting in this conversation; please send this again in a moment.",
            TurnQueue.Refusal.TooMuchWaiting => "The service has too much waiting to be worked off; please send this again in a moment.",
            _ => "The service is restarting; please send this again in a moment.",
        }, cancellationToken);
    }

    /// <summary>A refusal the caller can read: the status and <c>{ "error": problem }</c>.</summary>
    internal static async Task RefuseAsync(HttpResponse response, int status, string problem, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        await response.WriteAsync(System.Text.Json.JsonSerializer.Serialize(new { error = problem }), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a /api/messages token from {Remote}: {Reason}")]
    private static partial void LogTokenRejected(ILogger logger, string remote, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The Bot Framework signing keys could not be fetched; answered 503: {Reason}")]
    private static partial void LogKeysUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a malformed activity from {Remote}: {Problem}")]
    private static partial void LogMalformed(ILogger logger, string remote, string problem);
}
