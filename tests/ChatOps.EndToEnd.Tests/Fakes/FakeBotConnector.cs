using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOps.EndToEnd.Tests.Fakes;

/// <summary>
/// A loopback stand-in for the Bot Connector service: records every activity the bot sends or
/// updates, and answers like the real service. Creating conversations and reading rosters are in
/// <c>FakeBotConnector.Conversations.cs</c> and <c>FakeBotConnector.Rosters.cs</c>.
/// </summary>
public sealed partial class FakeBotConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ConnectorCall> _calls = Channel.CreateUnbounded<ConnectorCall>();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Queue<(int Status, string? RetryAfter)>> _failures = new();
    private int _nextId;

    private FakeBotConnector(WebApplication app) => _app = app;

    /// <summary>Base URL to put in an activity's <c>serviceUrl</c>.</summary>
    public string ServiceUrl { get; private set; } = string.Empty;

    /// <summary>Roster entries by channel user id, as Teams' <c>GET …/members/{id}</c> returns them.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, object> Members { get; } = new();

    /// <summary>How long each roster read takes.</summary>
    public TimeSpan RosterDelay { get; set; }

    /// <summary>Makes every roster read fail with a 500.</summary>
    public bool RosterFails { get; set; }

    private int _rosterReads;

    /// <summary>How many roster reads the bot made.</summary>
    public int RosterReads => Volatile.Read(ref _rosterReads);

    /// <summary>Every call so far, in arrival order.</summary>
    public List<ConnectorCall> Received { get; } = [];

    public static async Task<FakeBotConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeBotConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (HttpRequest r, string conversationId) => connector.RecordAsync(r, "send", conversationId));
        app.MapPost("/v3/conversations/{conversationId}/activities", (HttpRequest r, string conversationId) => connector.RecordAsync(r, "send", conversationId));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (HttpRequest r, string conversationId, string activityId) => connector.RecordAsync(r, "update", conversationId, activityId));
        connector.MapConversations(app);
        connector.MapRosters(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address.TrimEnd('/') + "/";
        return connector;
    }

    /// <summary>Waits for the next call (send or update), failing after the timeout.</summary>
    public async Task<ConnectorCall> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        return await _calls.Reader.ReadAsync(cts.Token);
    }

    /// <summary>The next activity received whose visible text contains <paramref name="text"/>, skipping others; each waited for at most 30 s.</summary>
    public async Task<ConnectorCall> NextWithTextAsync(string text)
    {
        while (true)
        {
            var call = await NextAsync(TimeSpan.FromSeconds(30));
            if (call.VisibleText.Contains(text, StringComparison.Ordinal))
            {
                return call;
            }
        }
    }

    /// <summary>Makes the next sends to a conversation fail with these statuses, in order.</summary>
    public void FailNext(string conversationId, int status, string? retryAfter = null)
    {
        var queue = _failures.GetOrAdd(conversationId, _ => new Queue<(int, string?)>());
        lock (queue)
        {
            queue.Enqueue((status, retryAfter));
        }
    }

    /// <summary>Calls that were answered with an error status.</summary>
    public List<(string ConversationId, int Status, DateTimeOffset At)> Refused { get; } = [];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> RecordAsync(HttpRequest request, string kind, string conversationId, string? activityId = null)
    {
        if (WritesBlocked(conversationId) is { } blocked)
        {
            Refuse(conversationId, StatusCodes.Status403Forbidden);
            return blocked;
        }

        if (_failures.TryGetValue(conversationId, out var queue))
        {
            (int Status, string? RetryAfter) failure = default;
            lock (queue)
            {
                queue.TryDequeue(out failure);
            }

            if (failure.Status != 0)
            {
                Refuse(conversationId, failure.Status);

                if (failure.RetryAfter is not null)
                {
                    request.HttpContext.Response.Headers.RetryAfter = failure.RetryAfter;
                }

                return Results.Json(new { error = new { code = "Throttled", message = "fake failure" } }, statusCode: failure.Status);
            }
        }

        var body = await JsonNode.ParseAsync(request.Body) ?? new JsonObject();
        var call = await ReceiveAsync(kind, conversationId, body.AsObject(), activityId);
        return Results.Ok(new { id = call.Id });
    }

    /// <summary>Records an activity as received in the conversation and gives it an id (its own, for an update).</summary>
    private async Task<ConnectorCall> ReceiveAsync(string kind, string conversationId, JsonObject activity, string? activityId = null)
    {
        var call = new ConnectorCall(kind, conversationId, activity, activityId ?? $"sent-{Interlocked.Increment(ref _nextId)}");
        lock (Received)
        {
            Received.Add(call);
        }

        await _calls.Writer.WriteAsync(call);
        return call;
    }

    private void Refuse(string conversationId, int status)
    {
        lock (Refused)
        {
            Refused.Add((conversationId, status, DateTimeOffset.UtcNow));
        }
    }
}
