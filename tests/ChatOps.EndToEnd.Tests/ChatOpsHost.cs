using System.Net;
using System.Text;
using ChatOps.EndToEnd.Tests.Builders;
using ChatOps.EndToEnd.Tests.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChatOps.EndToEnd.Tests;

/// <summary>
/// The real host, booted in-process, with a fake Bot Connector on loopback. Each test gets its
/// own instance, so no test depends on another's data.
/// </summary>
public sealed class ChatOpsHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> _factory;

    private readonly string _dataFolder;

    private ChatOpsHost(WebApplicationFactory<Program> factory, FakeBotConnector connector, HttpClient client, string dataFolder)
    {
        _dataFolder = dataFolder;
        _factory = factory;
        Connector = connector;
        Client = client;
    }

    public FakeBotConnector Connector { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _factory.Services;

    public static async Task<ChatOpsHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var connector = await FakeBotConnector.StartAsync();
        var dataFolder = Directory.CreateTempSubdirectory("chatops-e2e-").FullName;
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ChatOps:Storage:Path", Path.Combine(dataFolder, "chatops.db"));
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                web.UseSetting(key, value);
            }
        });
        return new ChatOpsHost(factory, connector, factory.CreateClient(), dataFolder);
    }

    /// <summary>Posts an activity as Teams would and returns the HTTP status.</summary>
    public async Task<HttpStatusCode> PostAsync(TeamsActivity activity) => await PostRawAsync(activity.ToJson());

    public async Task<HttpStatusCode> PostRawAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        return response.StatusCode;
    }

    /// <summary>Sends a message and returns the first reply that reached the connector.</summary>
    public async Task<ConnectorCall> AskAsync(string text)
    {
        var status = await PostAsync(TeamsActivity.Message(text, Connector.ServiceUrl));
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Accepted, $"POST /api/messages answered {(int)status}");
        return await Connector.NextAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await Connector.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }
}
