using System.Collections.Concurrent;
using System.Management.Automation;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace ChatOps.Clusters.PowerShell.Sessions;

/// <summary>
/// PowerShell hosted in the bot: one pooled session per node to the node's JEA endpoint, each call a
/// wrapper function invoked by name with bound parameters, under a per-call timeout that stops the
/// pipeline, at most <see cref="PowerShellOptions.MaxConcurrentCalls"/> calls at once overall.
/// </summary>
internal sealed partial class NodeSessions(IRunspacePoolFactory factory, PowerShellOptions options, ILogger<NodeSessions> logger, TimeSpan? stopGrace = null)
    : IPowerShellRunner, IDisposable
{
    /// <summary>How long a stopped call may take to end before its node's pool is replaced.</summary>
    public static readonly TimeSpan DefaultStopGrace = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, NodeSession> _nodes = new(StringComparer.OrdinalIgnoreCase);
    private readonly SemaphoreSlim _overall = new(options.MaxConcurrentCalls, options.MaxConcurrentCalls);

    public async Task<JsonElement> InvokeAsync(
        string computer, string command, IReadOnlyList<KeyValuePair<string, string>> parameters, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Validate(computer, command, parameters);
        using var deadline = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var node = _nodes.GetOrAdd(computer, name => new NodeSession(name, factory, options, _overall, stopGrace ?? DefaultStopGrace, logger));
        try
        {
            return Parse(computer, command, await node.InvokeAsync(command, parameters, linked.Token));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(computer, command, timeout);
            throw new PowerShellException(PowerShellErrorKind.Timeout,
                $"{command} on {computer} did not finish within {timeout.TotalSeconds:0.#} s and was stopped.");
        }
    }

    public void Dispose()
    {
        foreach (var node in _nodes.Values)
        {
            node.Dispose();
        }

        _nodes.Clear();
    }

    private static void Validate(string computer, string command, IReadOnlyList<KeyValuePair<string, string>> parameters)
    {
        if (!PowerShellNames.IsHost(computer))
        {
            throw new PowerShellException(PowerShellErrorKind.InvalidArgument, $"'{computer}' is not a computer name; nothing was run.");
        }

        if (!PowerShellCommands.All.Contains(command))
        {
            throw new PowerShellException(PowerShellErrorKind.InvalidArgument, $"'{command}' is not a ChatOps function; nothing was run.");
        }

        foreach (var (name, value) in parameters)
        {
            // The node validates each value again (ValidatePattern); these shapes never mean more than a value.
            if (!PowerShellNames.IsParameter(name) || value.Length == 0 || value.Length > 4096 || value.Any(char.IsControl))
            {
                throw new PowerShellException(PowerShellErrorKind.InvalidArgument, $"The value of -{name} is not accepted; nothing was run.");
            }
        }
    }

    /// <summary>The functions write one JSON document, as one string (Windows PowerShell may split nothing, but join to be sure).</summary>
    private static JsonElement Parse(string computer, string command, IReadOnlyList<PSObject> output)
    {
        var text = new StringBuilder();
        foreach (var item in output)
        {
            if (item?.BaseObject is not string line)
            {
                throw new PowerShellException(PowerShellErrorKind.BadOutput,
                    $"{command} on {computer} wrote a {item?.BaseObject.GetType().Name ?? "null"} instead of its JSON document.");
            }

            text.AppendLine(line);
        }

        try
        {
            using var document = JsonDocument.Parse(text.ToString());
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new PowerShellException(PowerShellErrorKind.BadOutput, $"{command} on {computer} did not write a JSON document: {PowerShellErrors.Excerpt(text.ToString())}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Command} on {Node} timed out after {Timeout}; pipeline stopped")]
    private partial void LogTimedOut(string node, string command, TimeSpan timeout);
}
