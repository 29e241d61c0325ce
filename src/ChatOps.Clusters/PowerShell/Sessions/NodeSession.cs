using System.Management.Automation;
using System.Management.Automation.Remoting;
using System.Management.Automation.Runspaces;

namespace ChatOps.Clusters.PowerShell.Sessions;

/// <summary>
/// The runspace pool to one node: opened on first use (under <see cref="PowerShellOptions.OpenTimeout"/>,
/// however soon the call that started it gives up), reused, and replaced when it breaks or when a
/// stopped call does not end within the stop grace (so a wedged remote runspace is never handed
/// out again). At most <see cref="PowerShellOptions.MaxCallsPerNode"/> calls at once, each of
/// which then takes one of the <paramref name="overall"/> slots, so calls queued behind a hung
/// node do not hold slots that healthy nodes need.
/// </summary>
internal sealed class NodeSession(string computer, IRunspacePoolFactory factory, PowerShellOptions options, SemaphoreSlim overall, TimeSpan stopGrace) : IDisposable
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
            await overall.WaitAsync(cancellationToken);
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
                overall.Release();
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
            // The open goes on when this call gives up, so the next call finds it done.
            await pool.OpenAsync(options.OpenTimeout).WaitAsync(cancellationToken);
            return pool;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            pool.Exit();
            throw;
        }
        catch (TimeoutException ex)
        {
            pool.Exit();
            Retire(pool);
            throw new PowerShellException(PowerShellErrorKind.Unreachable,
                $"{computer} did not open a session on its '{options.ConfigurationName}' endpoint within {options.OpenTimeout.TotalSeconds:0.#} s.", ex);
        }
        catch (Exception ex)
        {
            pool.Exit();
            Retire(pool);
            throw Translate(ex, "connect");
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

        Task invoke = Task.CompletedTask;
        try
        {
            invoke = shell.InvokeAsync<PSObject, PSObject>(null, output);
            await invoke.WaitAsync(cancellationToken);
            return ReadOutput(shell, output, command);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            shell.BeginStop(null, null);
            _ = RetireUnlessStoppedAsync(pool, invoke);
            throw;
        }
        catch (PipelineStoppedException) when (tooLarge)
        {
            throw new PowerShellException(PowerShellErrorKind.OutputTooLarge, $"{command} on {computer} wrote more than {options.MaxOutputBytes} characters and was stopped.");
        }
        catch (Exception ex) when (ex is not PowerShellException)
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

    /// <summary>A stopped call that has not ended within the grace holds a runspace that may never come back: replace the pool.</summary>
    private async Task RetireUnlessStoppedAsync(PooledRunspaces pool, Task invoke)
    {
        try
        {
            await invoke.WaitAsync(stopGrace);
        }
        catch (TimeoutException)
        {
            Retire(pool);
        }
        catch (Exception ex) when (ex is RuntimeException or InvalidOperationException or OperationCanceledException)
        {
            // Stopped as asked (PipelineStoppedException) or broken; a broken pool is replaced on the next call.
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

    /// <summary>
    /// Errors by what they are, read from the error record so that a node's error (a RemoteException
    /// carrying the node's record over WinRM) and an in-process one classify alike.
    /// </summary>
    private PowerShellException Translate(Exception ex, string command)
    {
        var errorId = (ex as IContainsErrorRecord)?.ErrorRecord?.FullyQualifiedErrorId ?? string.Empty;
        return ex switch
        {
            PSRemotingTransportException transport when transport.ErrorCode == 5 || transport.Message.Contains("Access is denied", StringComparison.OrdinalIgnoreCase) =>
                new PowerShellException(PowerShellErrorKind.AccessDenied,
                    $"{computer} refused the bot's account at its '{options.ConfigurationName}' endpoint (is the account in the endpoint's role group?): {PowerShellErrors.Excerpt(transport.Message)}", ex),
            _ when IsTransportFailure(ex) =>
                new PowerShellException(PowerShellErrorKind.Unreachable, $"{computer} could not be reached over WinRM: {PowerShellErrors.Excerpt(ex.Message)}", ex),
            _ when ex is CommandNotFoundException || errorId.StartsWith("CommandNotFoundException", StringComparison.Ordinal) =>
                new PowerShellException(PowerShellErrorKind.NotFound,
                    $"{computer}'s '{options.ConfigurationName}' endpoint has no {command}; install the current ChatOpsJea module there (deploy/jea).", ex),
            _ when ex is ParameterBindingException || IsBindingError(errorId) =>
                new PowerShellException(PowerShellErrorKind.InvalidArgument, $"{computer} refused the parameters of {command}: {PowerShellErrors.Excerpt(ex.Message)}", ex),
            RuntimeException => PowerShellErrors.FromMessage(computer, command, ex.Message),
            _ => new PowerShellException(PowerShellErrorKind.Unreachable, $"{computer}: {PowerShellErrors.Excerpt(ex.Message)}", ex),
        };
    }

    private static bool IsBindingError(string errorId) =>
        errorId.StartsWith("ParameterArgumentValidationError", StringComparison.Ordinal) ||
        errorId.StartsWith("ParameterArgumentTransformationError", StringComparison.Ordinal) ||
        errorId.StartsWith("NamedParameterNotFound", StringComparison.Ordinal) ||
        errorId.StartsWith("MissingMandatoryParameter", StringComparison.Ordinal) ||
        errorId.StartsWith("ParameterBindingFailed", StringComparison.Ordinal);
}
