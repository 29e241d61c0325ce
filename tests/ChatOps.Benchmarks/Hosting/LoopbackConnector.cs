using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOps.Benchmarks.Hosting;

/// <summary>A loopback Bot Connector that hands a waiter the first reply to an activity, or the first update of one.</summary>
internal sealed class LoopbackConnector : IAsyncDisposable
{
    /// <summary>A message the connector was given: the activity it answers (or updates), and its JSON.</summary>
    public sealed record Call(string ActivityId, string Text);

    private readonly ConcurrentDictionary<string, TaskCompletionSource<Call>> _replies = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Call>> _updates = new();
    private WebApplication _app = null!;

    public string ServiceUrl { get; private set; } = string.Empty;

    public static async Task<LoopbackConnector> StartAsync()
    {
        var connector = new LoopbackConnector();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        connector._app = builder.Build();
        connector._app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (HttpRequest request, string activityId) => connector.RecordAsync(request, activityId, connector._replies));
        connector._app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (HttpRequest request, string activityId) => connector.RecordAsync(request, activityId, connector._updates));
        await connector._app.StartAsync();
        connector.ServiceUrl = connector._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
        return connector;
    }

    /// <summary>The first reply to <paramref name="activityId"/>.</summary>
    public Task<Call> Expect(string activityId) => Waiter(_replies, activityId).Task;

    /// <summary>The first update of the message <paramref name="activityId"/>.</summary>
    public Task<Call> UpdateAsync(string activityId) => Waiter(_updates, activityId).Task;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static TaskCompletionSource<Call> Waiter(ConcurrentDictionary<string, TaskCompletionSource<Call>> waiting, string activityId) =>
        waiting.GetOrAdd(activityId, _ => new TaskCompletionSource<Call>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task<IResult> RecordAsync(HttpRequest request, string activityId, ConcurrentDictionary<string, TaskCompletionSource<Call>> waiting)
    {
        var text = await new StreamReader(request.Body).ReadToEndAsync();
        var id = Guid.NewGuid().ToString("N");
        Waiter(waiting, activityId).TrySetResult(new Call(waiting == _replies ? id : activityId, text));
        return Results.Ok(new { id });
    }
}
