using System.Management.Automation.Runspaces;

namespace ChatOps.Clusters.PowerShell.Sessions;

/// <summary>
/// One runspace pool of a node and the calls using it. A retired pool takes no new calls and is
/// closed, off the caller's thread, once its last call has let go of it; <see cref="Closed"/> tells
/// when the node's shell and runspaces are gone.
/// </summary>
internal sealed class PooledRunspaces(RunspacePool pool)
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _opening;
    private Task? _open;
    private int _users;
    private bool _retired;

    public RunspacePool Pool => pool;

    /// <summary>Completes once the retired pool is closed: its open, if one was started, has ended and the pool is disposed.</summary>
    public Task Closed => _closed.Task;

    public bool IsUsable
    {
        get
        {
            lock (_gate)
            {
                return !_retired && pool.RunspacePoolStateInfo.State is RunspacePoolState.BeforeOpen or RunspacePoolState.Opening or RunspacePoolState.Opened;
            }
        }
    }

    /// <summary>Counts a call in; false when the pool was retired meanwhile.</summary>
    public bool TryEnter()
    {
        lock (_gate)
        {
            if (_retired)
            {
                return false;
            }

            _users++;
            return true;
        }
    }

    /// <summary>
    /// Opens the pool once, lazily on the first call; every caller awaits the same open, which fails
    /// with <see cref="TimeoutException"/> after <paramref name="timeout"/>.
    /// </summary>
    public Task OpenAsync(TimeSpan timeout)
    {
        lock (_gate)
        {
            if (_open is null)
            {
                _opening = StartOpenAsync();
                _open = _opening.WaitAsync(timeout);
            }

            return _open;
        }
    }

    private async Task StartOpenAsync() => await Task.Factory.FromAsync(pool.BeginOpen, pool.EndOpen, null);

    public void Exit()
    {
        bool close;
        lock (_gate)
        {
            _users--;
            close = _retired && _users == 0;
        }

        if (close)
        {
            Close();
        }
    }

    public void Retire()
    {
        bool close;
        lock (_gate)
        {
            if (_retired)
            {
                return;
            }

            _retired = true;
            close = _users == 0;
        }

        if (close)
        {
            Close();
        }
    }

    // Closing a remote pool talks to the node, which may be the one that hangs: never on the caller's
    // thread. An open still under way ends first (within the connection's open timeout): a pool closed
    // mid-open could still get its shell afterwards and keep it.
    private void Close() => _ = Task.Run(async () =>
    {
        try
        {
            Task? opening;
            lock (_gate)
            {
                opening = _opening;
            }

            if (opening is not null)
            {
                await opening.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            pool.Dispose();
        }
        catch (Exception ex) when (ex is System.Management.Automation.RuntimeException or InvalidOperationException)
        {
            // The pool was broken already; there is nothing left to close.
        }
        finally
        {
            _closed.TrySetResult();
        }
    });
}
