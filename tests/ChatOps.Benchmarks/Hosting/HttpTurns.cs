using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatOps.Bot.Hosting;
using ChatOps.Bot.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ChatOps.Benchmarks.Hosting;

/// <summary>
/// <c>-- http</c>: 20 conversations send 50 commands each to <c>/api/messages</c> at once (each
/// conversation sends its next command when the reply to the last reached the connector), first
/// to the bot, then to a same-stack echo bot (CloudAdapter, an ActivityHandler that echoes, the
/// reply sent inside the request as the Bot Framework samples do). Both reply to one loopback
/// fake connector. Reports the HTTP answer time and the time until the reply reaches the
/// connector. Teams' per-conversation send limits are raised for the run: they are Teams'
/// policy, not the bot's latency, and the echo bot has none. Exits 1 when a target is missed.
/// </summary>
internal static class HttpTurns
{
    public const string Mode = "http";

    private const int Conversations = 20;
    private const int CommandsEach = 50;
    private const double HttpP99TargetMs = 50;
    private const double ReplyRatioTarget = 1.3;

    public static async Task<int> RunAsync(TextWriter output, int[] shape)
    {
        var conversations = shape.ElementAtOrDefault(0) is > 0 and var c ? c : Conversations;
        var each = shape.ElementAtOrDefault(1) is > 0 and var n ? n : CommandsEach;
        await using var connector = await LoopbackConnector.StartAsync();
        var data = Directory.CreateTempSubdirectory("chatops-bench-").FullName;
        try
        {
            await using var bot = await StartBotAsync(data);
            await using var echo = await StartEchoAsync();

            // Warm both up (JIT, connections, the first card), then measure each in turn.
            await MeasureAsync(bot, connector, "whoami", 2, 5);
            await MeasureAsync(echo, connector, "whoami", 2, 5);
            var botRun = await MeasureAsync(bot, connector, "whoami", conversations, each);
            var echoRun = await MeasureAsync(echo, connector, "whoami", conversations, each);

            output.WriteLine($"{conversations} conversations x {each} commands (`whoami`), {Environment.ProcessorCount} cores");
            output.WriteLine(Row("ChatOps: HTTP answer", botRun.Http));
            output.WriteLine(Row("ChatOps: reply at connector", botRun.Reply));
            output.WriteLine(Row("echo bot: HTTP answer", echoRun.Http));
            output.WriteLine(Row("echo bot: reply at connector", echoRun.Reply));
            var ratio = Percentile(botRun.Reply, 50) / Percentile(echoRun.Reply, 50);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reply p50 ratio ChatOps / echo: {ratio:F2} (target at most {ReplyRatioTarget})"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ChatOps HTTP p99: {Percentile(botRun.Http, 99):F1} ms (target under {HttpP99TargetMs} ms)"));
            return Percentile(botRun.Http, 99) < HttpP99TargetMs && ratio <= ReplyRatioTarget ? 0 : 1;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    internal static string Row(string what, List<double> ms) => string.Create(CultureInfo.InvariantCulture,
        $"{what,-30} p50 {Percentile(ms, 50),7:F1} ms   p99 {Percentile(ms, 99),7:F1} ms   max {ms.Max(),7:F1} ms");

    internal static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    internal static async Task<(List<double> Http, List<double> Reply)> MeasureAsync(WebApplication target, LoopbackConnector connector, string text, int conversations, int each)
    {
        var address = target.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };
        var httpTimes = new ConcurrentBag<double>();
        var replyTimes = new ConcurrentBag<double>();
        var run = Guid.NewGuid().ToString("N")[..8];
        await Task.WhenAll(Enumerable.Range(0, conversations).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                var id = $"{run}-{c}-{i}";
                var replied = connector.Expect(id);
                var started = Stopwatch.GetTimestamp();
                using var content = new StringContent(Activity(id, $"19:bench-{run}-{c}@thread.tacv2", c, text, connector.ServiceUrl), Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
                httpTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"/api/messages answered {(int)response.StatusCode}");
                }

                await replied.WaitAsync(TimeSpan.FromSeconds(30));
                replyTimes.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        return ([.. httpTimes], [.. replyTimes]);
    }

    /// <summary>A message from person <paramref name="person"/>: each conversation has its own, as 20 admins in 20 threads (one person's turns run one at a time, by design).</summary>
    private static string Activity(string id, string conversation, int person, string text, string serviceUrl) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = id,
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new JsonObject { ["id"] = $"29:bench-user-{person}", ["name"] = $"Bench {person}", ["aadObjectId"] = $"00000000-0000-0000-0000-{person:D12}" },
        ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "channel", ["tenantId"] = "tenant-1" },
        ["recipient"] = new JsonObject { ["id"] = "28:chatops-bot", ["name"] = "ChatOps" },
        ["text"] = text,
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
    }.ToJsonString();

    internal static async Task<WebApplication> StartBotAsync(string data, IDictionary<string, string?>? more = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChatOps:Storage:Path"] = Path.Combine(data, "chatops.db"),
            ["ChatOps:Knowledge:WatchForChanges"] = "false",
            ["ChatOps:Proactive:PerSecond"] = "100",
            ["ChatOps:Proactive:Per30Seconds"] = "1000",
            ["ChatOps:Proactive:PerHour"] = "100000",
        });
        if (more is not null)
        {
            builder.Configuration.AddInMemoryCollection(more);
        }

        builder.AddChatOps();
        builder.AddTeamsEndpoint();
        builder.AddScheduler();
        var app = builder.Build();
        app.MapChatOps();
        await app.StartAsync();
        return app;
    }

    private static async Task<WebApplication> StartEchoAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<ConfigurationBotFrameworkAuthentication>();
        builder.Services.AddSingleton<BotFrameworkAuthentication, SharedContractsAuthentication>();
        builder.Services.AddSingleton<IBotFrameworkHttpAdapter, EchoAdapter>();
        builder.Services.AddSingleton<IBot, EchoBot>();
        var app = builder.Build();
        app.MapPost("/api/messages", (HttpRequest request, HttpResponse response, IBotFrameworkHttpAdapter adapter, IBot bot) => adapter.ProcessAsync(request, response, bot));
        await app.StartAsync();
        return app;
    }

    private sealed class EchoAdapter(BotFrameworkAuthentication authentication, ILogger<EchoAdapter> logger) : CloudAdapter(authentication, logger);

    private sealed class EchoBot : ActivityHandler
    {
        protected override Task OnMessageActivityAsync(ITurnContext<Microsoft.Bot.Schema.IMessageActivity> turnContext, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync(MessageFactory.Text($"Echo: {turnContext.Activity.Text}"), cancellationToken);
    }
}
