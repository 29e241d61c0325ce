using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatOps.EndToEnd.Tests.Builders;
using ChatOps.EndToEnd.Tests.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.EndToEnd.Tests;

/// <summary>
/// The real host, booted in-process, with a fake Bot Connector on loopback. Each test gets its
/// own instance, so no test depends on another's data.
/// </summary>
public sealed class ChatOpsHost : IAsyncDisposable
{
    private WebApplicationFactory<Program> _factory;

    private readonly string _dataFolder;

    private readonly IDictionary<string, string?> _settings;

    private readonly bool _ownsConnector;

    private ChatOpsHost(WebApplicationFactory<Program> factory, FakeBotConnector connector, bool ownsConnector, HttpClient client, string dataFolder, IDictionary<string, string?> settings)
    {
        _ownsConnector = ownsConnector;
        _dataFolder = dataFolder;
        _settings = settings;
        _factory = factory;
        Connector = connector;
        Client = client;
    }

    public FakeBotConnector Connector { get; }

    public HttpClient Client { get; private set; }

    public IServiceProvider Services => _factory.Services;

    /// <param name="settings">Configuration on top of the defaults.</param>
    /// <param name="services">Replacements in the service's container.</param>
    /// <param name="connector">A connector shared with other hosts (several instances behind one bot registration); by default one of its own.</param>
    public static async Task<ChatOpsHost> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, FakeBotConnector? connector = null)
    {
        var ownsConnector = connector is null;
        connector ??= await FakeBotConnector.StartAsync();
        var dataFolder = Directory.CreateTempSubdirectory("chatops-e2e-").FullName;
        settings ??= new Dictionary<string, string?>();
        var factory = Boot(dataFolder, settings, services);
        var host = new ChatOpsHost(factory, connector, ownsConnector, factory.CreateClient(), dataFolder, settings);
        _ = host.Services; // boots it now: start-up (a migration, a check-in) happens here, not on the first request
        return host;
    }

    /// <summary>Stops the service and starts it again on the same database and connector; in-memory state (the lab) starts afresh.</summary>
    public async Task RestartAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        _factory = Boot(_dataFolder, _settings, null);
        Client = _factory.CreateClient();
    }

    private static WebApplicationFactory<Program> Boot(string dataFolder, IDictionary<string, string?> settings, Action<IServiceCollection>? services) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ChatOps:Storage:Path", Path.Combine(dataFolder, "chatops.db"));
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }

            if (services is not null)
            {
                web.ConfigureServices(services);
            }
        });

    /// <summary>A client that does not follow redirects, to see a sign-in challenge as a browser first gets it.</summary>
    /// <param name="https">Address the service as https, so a browser's secure cookies (the sign-in correlation) come back.</param>
    public HttpClient CreateClientWithoutRedirects(bool https = false) =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(https ? "https://localhost" : "http://localhost") });

    /// <summary>Posts an activity as Teams would and returns the HTTP status.</summary>
    public async Task<HttpStatusCode> PostAsync(TeamsActivity activity) => await PostRawAsync(activity.ToJson());

    /// <summary>Posts an invoke activity and returns the body of the invoke response.</summary>
    public async Task<JsonNode> InvokeAsync(TeamsActivity activity)
    {
        using var content = new StringContent(activity.ToJson(), Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public async Task<HttpStatusCode> PostRawAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        return response.StatusCode;
    }

    /// <summary>Sends a message and returns the first reply that reached the connector.</summary>
    public Task<ConnectorCall> AskAsync(string text) => AskAsAsync(TeamsUser.Dana, text);

    /// <summary>Posts a prepared activity and returns the first reply that reached the connector, as its sender's client shows it.</summary>
    public async Task<ConnectorCall> AskAsync(TeamsActivity activity)
    {
        var status = await PostAsync(activity);
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Accepted, $"POST /api/messages answered {(int)status}");
        var sender = JsonNode.Parse(activity.ToJson())!["from"];
        var user = new TeamsUser(sender?["id"]?.GetValue<string>() ?? string.Empty, sender?["name"]?.GetValue<string>() ?? string.Empty, sender?["aadObjectId"]?.GetValue<string>() ?? string.Empty);
        return await SeenByAsync(await Connector.NextAsync(), user);
    }

    /// <summary>Sends a message as another user and returns the first reply, as their client shows it.</summary>
    public async Task<ConnectorCall> AskAsAsync(TeamsUser user, string text)
    {
        var status = await PostAsync(TeamsActivity.Message(text, Connector.ServiceUrl).From(user));
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Accepted, $"POST /api/messages answered {(int)status}");
        return await SeenByAsync(await Connector.NextAsync(), user);
    }

    /// <summary>
    /// A message as this person's Teams client shows it: a card whose refresh lists them is
    /// replaced by the view the bot answers their refresh with (Universal Actions); any other as sent.
    /// </summary>
    public async Task<ConnectorCall> SeenByAsync(ConnectorCall message, TeamsUser user)
    {
        if (!message.RefreshUserIds.Contains(user.Id) || message.Card?["refresh"]?["action"]?["data"]?["pendingId"]?.GetValue<string>() is not { } pendingId)
        {
            return message;
        }

        var response = await InvokeAsync(TeamsActivity.Refresh(pendingId, Connector.ServiceUrl, user, message.ConversationId, message.Id));
        Assert.Equal(200, response["statusCode"]!.GetValue<int>());
        return message.ReplacedBy(response);
    }

    /// <summary>The size of the LiteDB file (and its log) right now.</summary>
    public long DatabaseBytes() =>
        Directory.GetFiles(_dataFolder).Sum(f => new FileInfo(f).Length);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        if (_ownsConnector)
        {
            await Connector.DisposeAsync();
        }

        // Work a test abandoned (a claim past its deadline) may still be finishing its last write.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(_dataFolder, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 10)
            {
                await Task.Delay(100);
            }
        }
    }
}
