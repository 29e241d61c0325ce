using System.Text.Json;

namespace ChatOps.Clusters.PowerShell;

/// <summary>Calls one ChatOps function on one computer's JEA endpoint and returns its JSON document.</summary>
internal interface IPowerShellRunner
{
    /// <summary>
    /// Invokes <paramref name="command"/> (a function the endpoint exposes) with named parameters
    /// bound as values, never as script text. Throws <see cref="PowerShellException"/> for every
    /// failure; <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/>
    /// fires (the pipeline is stopped either way).
    /// </summary>
    Task<JsonElement> InvokeAsync(
        string computer,
        string command,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        TimeSpan timeout,
        CancellationToken cancellationToken);
}
