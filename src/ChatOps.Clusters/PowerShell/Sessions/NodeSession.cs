using System.Management.Automation;
using System.Management.Automation.Remoting;
using System.Management.Automation.Runspaces;

namespace ChatOps.Clusters.PowerShell.Sessions;

/// <summary>
/// The runspace pool to one node: opened on first use, reused, replaced when it breaks or after a
/// call was stopped (so a wedged remote runspace is never handed out again), at most
/// <see cref="PowerShellOptions.MaxCallsPerNode"/> calls at once.
/// </summary>
internal sealed class NodeSession(string computer, IRunspacePoolFactory factory, PowerShellOptions options) : IDisposable
{
    private readonly SemaphoreSlim _calls = new(options.MaxCallsPerNode, options.MaxCallsPerNode);
    private readonly Lock _gate = new();
    private PooledRunspaces? _current;

    /// <summary>Runs the command and returns what it wrote; throws <see cref="PowerShellException"/> or <see cref="OperationCanceledException"/>.</summary>
    public async Task<IReadOnlyList<PSObject>> InvokeAsync(string command, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        await _calls.WaitAsync(cancellationToken);
        try
        {
            var pool = await AcquireAsync(cancellationToken);
            try
            {
                return await RunAsync(pool, command, parameters, cancellationToken);
            }
            finally
            {
                pool.Exit();
            }
        }
        finally
        {
            _calls.Release();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _current?.Retire();
            _current = null;
        }
    }

    private async Task<PooledRunspaces> AcquireAsync(CancellationToken cancellationToken)
    {
        PooledRunspaces pool;
        lock (_gate)
        {
            if (_current is null || !_current.IsUsable || !_current.TryEnter())
            {
                _current?.Retire();
                try
                {
                    _current = new PooledRunspaces(factory.Create(computer, options.MaxCallsPerNode));
                }
                catch (Exception ex) when (ex is RuntimeException or ArgumentException or InvalidOperationException)
                {
                    _current = null;
                    throw new PowerShellException(PowerShellErrorKind.Unreachable, $"No session to {computer} could be set up: {PowerShellErrors.Excerpt(ex.Message)}", ex);
                }

                _current.TryEnter();
            }

            pool = _current;
        }

        try
        {
            await pool.OpenAsync(cancellationToken);
            return pool;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            pool.Exit();
            Retire(pool);
            throw Translate(ex, "connect");
        }
        catch (OperationCanceledException)
        {
            // An open that outlived the call's time is not reused: the next call starts a fresh one.
            pool.Exit();
            Retire(pool);
            throw;
        }
    }

    private async Task<IReadOnlyList<PSObject>> RunAsync(
        PooledRunspaces pool, string command, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        var shell = System.Management.Automation.PowerShell.Create();
        shell.RunspacePool = pool.Pool;
        shell.AddCommand(command);
        foreach (var (name, value) in parameters)
        {
            shell.AddParameter(name, value);
        }

        var output = new PSDataCollection<PSObject>();
        var written = 0L;
        var tooLarge = false;
        output.DataAdded += (_, e) =>
        {
            written += output[e.Index]?.BaseObject is string text ? text.Length : 1024;
            if (written > options.MaxOutputBytes && !tooLarge)
            {
                tooLarge = true;
                shell.BeginStop(null, null);
            }
        };

        var invoke = shell.InvokeAsync<PSObject, PSObject>(null, output);
        try
        {
            await invoke.WaitAsync(cancellationToken);
            return ReadOutput(shell, output, command);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            shell.BeginStop(null, null);
            Retire(pool);
            throw;
        }
        catch (PipelineStoppedException) when (tooLarge)
        {
            Retire(pool);
            throw new PowerShellException(PowerShellErrorKind.OutputTooLarge, $"{command} on {computer} wrote more than {options.MaxOutputBytes} characters and was stopped.");
        }
        catch (Exception ex) when (ex is RuntimeException or PSRemotingTransportException or InvalidOperationException)
        {
            if (IsTransportFailure(ex))
            {
                Retire(pool);
            }

            throw Translate(ex, command);
        }
        finally
        {
            // A stopped remote pipeline may take a while to end (closing its retired pool ends it for
            // sure): dispose it once it has, never blocking this call.
            _ = invoke.ContinueWith(_ => shell.Dispose(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    private IReadOnlyList<PSObject> ReadOutput(System.Management.Automation.PowerShell shell, PSDataCollection<PSObject> output, string command)
    {
        if (output.Count == 0 && shell.Streams.Error.Count > 0)
        {
            var record = shell.Streams.Error[0];
            throw record.Exception is { } exception ? Translate(exception, command) : PowerShellErrors.FromMessage(computer, command, record.ToString());
        }

        return output.ReadAll();
    }

    private void Retire(PooledRunspaces pool)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_current, pool))
            {
                _current = null;
            }
        }

        pool.Retire();
    }

    private static bool IsTransportFailure(Exception ex) =>
        ex is PSRemotingTransportException or PSRemotingDataStructureException or InvalidRunspacePoolStateException or InvalidRunspaceStateException;

    private PowerShellException Translate(Exception ex, string command) => ex switch
    {
        PSRemotingTransportException transport when transport.ErrorCode == 5 || transport.Message.Contains("Access is denied", StringComparison.OrdinalIgnoreCase) =>
            new PowerShellException(PowerShellErrorKind.AccessDenied,
                $"{computer} refused the bot's account at its '{options.ConfigurationName}' endpoint (is the account in the endpoint's role group?): {PowerShellErrors.Excerpt(transport.Message)}", ex),
        _ when IsTransportFailure(ex) =>
            new PowerShellException(PowerShellErrorKind.Unreachable, $"{computer} could not be reached over WinRM: {PowerShellErrors.Excerpt(ex.Message)}", ex),
        CommandNotFoundException =>
            new PowerShellException(PowerShellErrorKind.NotFound,
                $"{computer}'s '{options.ConfigurationName}' endpoint has no {command}; install the current ChatOpsJea module there (deploy/jea).", ex),
        ParameterBindingException =>
            new PowerShellException(PowerShellErrorKind.InvalidArgument, $"{computer} refused the parameters of {command}: {PowerShellErrors.Excerpt(ex.Message)}", ex),
        PSInvalidOperationException or InvalidOperationException when ex is not RuntimeException =>
            new PowerShellException(PowerShellErrorKind.Unreachable, $"{computer}: {PowerShellErrors.Excerpt(ex.Message)}", ex),
        _ => PowerShellErrors.FromMessage(computer, command, ex.Message),
    };
}
