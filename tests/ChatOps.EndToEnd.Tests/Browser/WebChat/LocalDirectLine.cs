using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOps.EndToEnd.Tests.Browser.WebChat;

/// <summary>
/// Just enough of Direct Line on a loopback port for the official Web Chat to talk to the bot:
/// the client side of Direct Line 3.0 over polling (start a conversation, post an activity, get
/// activities after a watermark), and, as the bot's <c>serviceUrl</c>, the connector calls the bot
/// makes (send, reply, update in place). It also serves the Web Chat page. Channel id
/// <c>directline</c>; no authentication (the bot runs without an app id, as with the Emulator).
/// </summary>
internal sealed class LocalDirectLine : IAsyncDisposable
{
    /// <summary>Web Chat refuses user ids that start with <c>dl_</c> (reserved for Direct Line tokens) and makes up one.</summary>
    public const string UserId = "web-admin";
    public const string UserName = "Web User";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Conversation> _conversations = new();
    private readonly HttpClient _toBot = new();
    private readonly Uri _botEndpoint;
    private string _serviceUrl = string.Empty;

    private LocalDirectLine(WebApplication app, Uri botEndpoint)
    {
        _app = app;
        _botEndpoint = botEndpoint;
    }

    /// <summary>The page that runs Web Chat against this Direct Line.</summary>
    public string PageUrl => _serviceUrl;

    /// <summary>Every activity the bot sent or updated, for a failing test's message.</summary>
    public string Transcript => string.Join('\n', _conversations.Values.SelectMany(c => c.Snapshot()).Select(a => a.ToJsonString()));

    public static async Task<LocalDirectLine> StartAsync(Uri botEndpoint, string webChatBundle)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var line = new LocalDirectLine(app, botEndpoint);

        app.MapGet("/", () => Results.Content(Page, "text/html; charset=utf-8"));
        app.MapGet("/webchat.js", () => Results.File(webChatBundle, "text/javascript; charset=utf-8"));

        // Client side (what Web Chat's DirectLine object calls).
        app.MapPost("/v3/directline/tokens/refresh", () => Results.Ok(new { token = "local", expires_in = 3600 }));
        app.MapPost("/v3/directline/conversations", line.StartConversationAsync);
        app.MapGet("/v3/directline/conversations/{id}", (string id) => line.Find(id) is { } c ? Results.Ok(new { conversationId = c.Id, token = "local", expires_in = 3600 }) : Results.NotFound());
        app.MapGet("/v3/directline/conversations/{id}/activities", (string id, string? watermark) => line.Find(id) is { } c ? Results.Ok(c.After(watermark)) : Results.NotFound());
        app.MapPost("/v3/directline/conversations/{id}/activities", line.PostFromClientAsync);

        // Bot side (the bot's serviceUrl): send, reply, update, roster.
        app.MapPost("/v3/conversations/{id}/activities", (string id, HttpRequest request) => line.FromBotAsync(id, null, request));
        app.MapPost("/v3/conversations/{id}/activities/{replyTo}", (string id, string replyTo, HttpRequest request) => line.FromBotAsync(id, null, request));
        app.MapPut("/v3/conversations/{id}/activities/{activityId}", (string id, string activityId, HttpRequest request) => line.FromBotAsync(id, activityId, request));
        app.MapGet("/v3/conversations/{id}/members/{memberId}", (string memberId) => Results.Ok(new { id = memberId, name = UserName }));

        await app.StartAsync();
        line._serviceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return line;
    }

    public async ValueTask DisposeAsync()
    {
        _toBot.Dispose();
        await _app.DisposeAsync();
    }

    private Conversation? Find(string id) => _conversations.GetValueOrDefault(id);

    private async Task<IResult> StartConversationAsync()
    {
        var conversation = new Conversation(Guid.NewGuid().ToString("N"));
        _conversations[conversation.Id] = conversation;
        await ToBotAsync(conversation, new JsonObject
        {
            ["type"] = "conversationUpdate",
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "bot", ["name"] = "ChatOps" }, new JsonObject { ["id"] = UserId, ["name"] = UserName }),
            ["from"] = new JsonObject { ["id"] = UserId, ["name"] = UserName },
        });
        return Results.Created($"/v3/directline/conversations/{conversation.Id}", new { conversationId = conversation.Id, token = "local", expires_in = 3600 });
    }

    private async Task<IResult> PostFromClientAsync(string id, HttpRequest request)
    {
        if (Find(id) is not { } conversation || await JsonNode.ParseAsync(request.Body) is not JsonObject activity)
        {
            return Results.BadRequest();
        }

        // Echoed to the client with its id (Web Chat marks its message sent by the echo), then given to the bot.
        if (activity["from"] is not JsonObject from)
        {
            from = new JsonObject();
            activity["from"] = from;
        }

        from["id"] ??= UserId;
        from["name"] ??= UserName;
        var stored = conversation.Add(activity, role: "user")!;
        await ToBotAsync(conversation, (JsonObject)stored.DeepClone());
        return Results.Ok(new { id = stored["id"]!.GetValue<string>() });
    }

    private async Task ToBotAsync(Conversation conversation, JsonObject activity)
    {
        activity["id"] ??= conversation.NextId();
        activity["channelId"] = "directline";
        activity["serviceUrl"] = _serviceUrl;
        activity["conversation"] = new JsonObject { ["id"] = conversation.Id };
        activity["recipient"] = new JsonObject { ["id"] = "bot", ["name"] = "ChatOps", ["role"] = "bot" };
        activity["timestamp"] ??= DateTimeOffset.UtcNow.ToString("O");
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _toBot.PostAsync(_botEndpoint, content);
    }

    private async Task<IResult> FromBotAsync(string id, string? updates, HttpRequest request)
    {
        if (Find(id) is not { } conversation || await JsonNode.ParseAsync(request.Body) is not JsonObject activity)
        {
            return Results.NotFound();
        }

        var stored = conversation.Add(activity, role: "bot", updates);
        return stored is null ? Results.NotFound() : Results.Ok(new { id = stored["id"]!.GetValue<string>() });
    }

    /// <summary>One conversation's activities as the client receives them; an update is delivered again under the same id, and Web Chat shows it in place.</summary>
    private sealed class Conversation(string id)
    {
        private readonly List<JsonObject> _delivered = [];
        private readonly Dictionary<string, string> _timestamps = [];
        private int _next;

        public string Id => id;

        public string NextId() => $"{id}|{Interlocked.Increment(ref _next):D7}";

        /// <summary>Delivers an activity (or, with <paramref name="updates"/>, a new version of one); null when there is nothing to update.</summary>
        public JsonObject? Add(JsonObject activity, string role, string? updates = null)
        {
            lock (_delivered)
            {
                if (updates is not null && !_timestamps.ContainsKey(updates))
                {
                    return null;
                }

                activity["id"] = updates ?? activity["id"]?.GetValue<string>() ?? NextId();
                activity["conversation"] = new JsonObject { ["id"] = id };
                activity["channelId"] = "directline";
                activity["timestamp"] = updates is not null ? _timestamps[updates] : DateTimeOffset.UtcNow.ToString("O");
                if (activity["from"] is not JsonObject from)
                {
                    from = new JsonObject { ["id"] = "bot", ["name"] = "ChatOps" };
                    activity["from"] = from;
                }

                from["role"] = role;
                _timestamps[activity["id"]!.GetValue<string>()] = activity["timestamp"]!.GetValue<string>();
                _delivered.Add(activity);
                return activity;
            }
        }

        public object After(string? watermark)
        {
            lock (_delivered)
            {
                var from = int.TryParse(watermark, out var seen) ? Math.Clamp(seen, 0, _delivered.Count) : 0;
                return new { activities = _delivered.Skip(from).Select(a => a.DeepClone()).ToList(), watermark = _delivered.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            }
        }

        public List<JsonObject> Snapshot()
        {
            lock (_delivered)
            {
                return [.. _delivered];
            }
        }
    }

    private const string Page = $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>ChatOps in Web Chat</title>
        <style>html, body, #webchat { height: 100%; margin: 0; }</style></head>
        <body>
        <div id="webchat" role="main"></div>
        <script src="/webchat.js"></script>
        <script>
          window.WebChat.renderWebChat({
            directLine: window.WebChat.createDirectLine({ domain: location.origin + '/v3/directline', token: 'local', webSocket: false, pollingInterval: 200 }),
            userID: '{{UserId}}',
            username: '{{UserName}}',
            locale: 'en-US'
          }, document.getElementById('webchat'));
        </script>
        </body>
        </html>
        """;
}
