using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace ChatOps.Clusters.PowerShell.Sessions;

/// <summary>One run of a call's pipeline in a pool, and what becomes of the pool when the run goes wrong.</summary>
internal sealed partial class NodeSession
{
    /// <summary>The command's output, or null when its session broke and it may run once more (<paramref name="mayRunAgain"/> and <see cref="MayRunAgain"/>).</summary>
    private async Task<IReadOnlyList<PSObject>?> RunAsync(
        PooledRunspaces pool, string command, IReadOnlyList<KeyValuePair<string, string>> parameters, bool mayRunAgain, CancellationToken cancellationToken)
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

        Task invoke;
        try
        {
            invoke = shell.InvokeAsync<PSObject, PSObject>(null, output);
        }
        catch (InvalidRunspacePoolStateException ex)
        {
            // The pool was found closed or broken as the pipeline started: PowerShell checks that the pool
            // is open (AssertPoolIsOpen) before it sends anything to the node, so the command never ran.
            shell.Dispose();
            return Broken(pool, command, ex, started: false, mayRunAgain);
        }

        try
        {
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
        catch (Exception ex) when (IsTransportFailure(ex) || (ex is PipelineStoppedException && !IsOpen(pool)))
        {
            // A transport failure, or a pipeline this call did not stop that ended with its pool's close.
            return Broken(pool, command, ex, started: true, mayRunAgain);
        }
        catch (Exception ex) when (ex is not PowerShellException)
        {
            throw Translate(ex, command);
        }
        finally
        {
            // A stopped remote pipeline may take a while to end (closing its retired pool ends it for
            // sure): dispose it once it has, never blocking this call.
            _ = invoke.ContinueWith(_ => shell.Dispose(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    private static bool IsOpen(PooledRunspaces pool) => pool.Pool.RunspacePoolStateInfo.State == RunspacePoolState.Opened;

    /// <summary>Retires the broken pool; null when the call may run once more, otherwise the error to report.</summary>
    private IReadOnlyList<PSObject>? Broken(PooledRunspaces pool, string command, Exception ex, bool started, bool mayRunAgain)
    {
        Retire(pool);
        if (mayRunAgain && MayRunAgain(command, started))
        {
            LogRunningAgain(computer, command, started ? "broke while the call ran" : "was found closed before the call started", PowerShellErrors.Excerpt(ex.Message));
            return null;
        }

        if (started && !PowerShellCommands.ReadOnly.Contains(command))
        {
            throw new PowerShellException(PowerShellErrorKind.Unreachable,
                $"The session to {computer} broke while {command} ran, so it may or may not have taken effect; check before running it again: {PowerShellErrors.Excerpt(ex.Message)}", ex);
        }

        throw IsTransportFailure(ex)
            ? Translate(ex, command)
            : new PowerShellException(PowerShellErrorKind.Unreachable, $"{computer} could not be reached over WinRM: {PowerShellErrors.Excerpt(ex.Message)}", ex);
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
}
