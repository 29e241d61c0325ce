using System.Text.Json;

namespace ChatOps.Clusters.PowerShell;

/// <summary>Runs one ChatOps script in its own PowerShell process and returns its JSON document.</summary>
internal interface IPowerShellRunner
{
    /// <summary>
    /// Runs <paramref name="script"/> (a file name in the scripts folder) with named parameters
    /// passed as separate arguments. Throws <see cref="PowerShellException"/> for every failure;
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires
    /// (the process tree is killed either way).
    /// </summary>
    Task<JsonElement> RunAsync(
        string script,
        IReadOnlyList<KeyValuePair<string, string>> parameters,
        TimeSpan timeout,
        CancellationToken cancellationToken);
}
