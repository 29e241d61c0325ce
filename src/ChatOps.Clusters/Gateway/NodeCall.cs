using ChatOps.Clusters.Model;

namespace ChatOps.Clusters.Gateway;

/// <summary>Runs one call to one node under the per-node timeout; failures become values.</summary>
internal static class NodeCall
{
    public static async Task<(T? Value, NodeFailure? Failure)> RunAsync<T>(
        string node,
        Func<CancellationToken, Task<T>> call,
        TimeSpan timeout,
        TimeProvider time,
        CancellationToken cancellationToken)
        where T : class
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return (await call(linked.Token), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, new NodeFailure(NodeFailureKind.Timeout, $"{node} did not answer within {Seconds(timeout)}."));
        }
        catch (NodeProbeException ex)
        {
            return (null, new NodeFailure(ex.Kind, ex.Message));
        }
    }

    private static string Seconds(TimeSpan timeout) =>
        timeout.TotalSeconds >= 1 ? $"{timeout.TotalSeconds:0.#} s" : $"{timeout.TotalMilliseconds:0} ms";
}
