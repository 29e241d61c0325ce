using System.Management.Automation;
using Microsoft.Extensions.Logging;

namespace ChatOps.Clusters.PowerShell.Sessions;

/// <summary>
/// The runspace pool to one node: opened on first use (under <see cref="PowerShellOptions.OpenTimeout"/>,
/// however soon the call that started it gives up), reused, and replaced when it breaks or when a
/// stopped call does not end within the stop grace (so a wedged remote runspace is never handed
/// out again). At most <see cref="PowerShellOptions.MaxCallsPerNode"/> calls at once, each of
/// which then takes one of the <paramref name="overall"/> slots, so calls queued behind a hung
/// node do not hold slots that healthy nodes need. A call whose session broke is run once more on a
/// fresh pool when that is safe (<see cref="MayRunAgain"/>).
/// </summary>
internal sealed partial class NodeSession(
    string computer, IRunspacePoolFactory factory, PowerShellOptions options, SemaphoreSlim overall, TimeSpan stopGrace, ILogger logger) : IDisposable
{
    /// <summary>
    /// Pools a node may have open at once: its current one and one retired pool still closing. A remote
    /// pool is one WinRM shell, and the node counts the bot's shells against its quota (MaxShellsPerUser,
    /// 25 by default; a shell abandoned on a timeout counts until it is closed), so however many calls
    /// time out or sessions break, the bot holds at most two shells and 2 × MaxCallsPerNode runspaces on
    /// a node. A call that needs a new pool meanwhile waits, within its own timeout, for one to close.
    /// </summary>
    public const int MaxOpenPools = 2;


    private readonly SemaphoreSlim _calls = new(options.MaxCallsPerNode, options.MaxCallsPerNode);
    private readonly Lock _gate = new();
    private readonly List<PooledRunspaces> _retired = [];
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
                for (var attempt = 1; ; attempt++)
                {
                    var pool = await AcquireAsync(cancellationToken);
                    try
                    {
                        if (await RunAsync(pool, command, parameters, mayRunAgain: attempt == 1, cancellationToken) is { } output)
                        {
                            return output;
                        }
                    }
                    finally
                    {
                        pool.Exit();
                    }
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
            if (_current is { } current)
            {
                RetireLocked(current);
            }
        }
    }

    /// <summary>
    /// Whether a call whose session broke may run once more, on a fresh pool, within the same timeout.
    /// An action (stopping the cluster service or a VM worker, clearing the DNS cache, removing a link)
    /// must never run twice, so it runs again only when it certainly never started: its pool was found
    /// closed or broken before its pipeline was invoked. A read (the cluster view, a node's inventory)
    /// changes nothing, so it runs again after any broken session, even one that broke while it ran.
    /// A function not listed as a read is an action.
    /// </summary>
    private static bool MayRunAgain(string command, bool started) => !started || PowerShellCommands.ReadOnly.Contains(command);

    private async Task<PooledRunspaces> AcquireAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            PooledRunspaces? pool = null;
            Task anyClosed;
            lock (_gate)
            {
                _retired.RemoveAll(retired => retired.Closed.IsCompleted);
                anyClosed = Task.CompletedTask;
                if (_current is { IsUsable: true } current && current.TryEnter())
                {
                    pool = current;
                }
                else if (_current is { } unusable)
                {
                    RetireLocked(unusable);
                }

                if (pool is null && _retired.Count < MaxOpenPools)
                {
                    pool = CreateLocked();
                }
                else if (pool is null)
                {
                    anyClosed = Task.WhenAny(_retired.Select(retired => retired.Closed));
                }
            }

            if (pool is not null)
            {
                return await OpenAsync(pool, cancellationToken);
            }

            LogWaitingForClose(computer, MaxOpenPools);
            await anyClosed.WaitAsync(cancellationToken);
        }
    }

    private PooledRunspaces CreateLocked()
    {
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
        return _current;
    }

    private async Task<PooledRunspaces> OpenAsync(PooledRunspaces pool, CancellationToken cancellationToken)
    {
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

    private void Retire(PooledRunspaces pool)
    {
        lock (_gate)
        {
            RetireLocked(pool);
        }
    }

    /// <summary>Takes the pool out of use; it counts against <see cref="MaxOpenPools"/> until it is closed.</summary>
    private void RetireLocked(PooledRunspaces pool)
    {
        if (ReferenceEquals(_current, pool))
        {
            _current = null;
        }

        if (!_retired.Contains(pool))
        {
            _retired.Add(pool);
        }

        pool.Retire();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Node} already has {Pools} sessions open or closing; the call waits for one to close before opening another")]
    private partial void LogWaitingForClose(string node, int pools);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The session to {Node} {How} ({Reason}); running {Command} once more on a new session")]
    private partial void LogRunningAgain(string node, string command, string how, string reason);
}
