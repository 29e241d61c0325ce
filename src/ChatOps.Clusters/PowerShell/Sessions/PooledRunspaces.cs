using System.Management.Automation.Runspaces;

namespace ChatOps.Clusters.PowerShell.Sessions;

/// <summary>
/// One runspace pool of a node and the calls using it. A retired pool takes no new calls and is
/// closed, off the caller's thread, once its last call has let go of it.
/// </summary>
internal sealed class PooledRunspaces(RunspacePool pool)
{
    private readonly Lock _gate = new();
    private Task? _open;
    private int _users;
    private bool _retired;

    public RunspacePool Pool => pool;

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

    /// <summary>Opens the pool once (every caller awaits the same open), lazily on the first call.</summary>
    public Task OpenAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _open ??= Task.Factory.FromAsync(pool.BeginOpen, pool.EndOpen, null);
        }

        return _open.WaitAsync(cancellationToken);
    }

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

    // Closing a remote pool talks to the node, which may be the one that hangs: never on the caller's thread.
    private void Close() => _ = Task.Run(() =>
    {
        try
        {
            pool.Dispose();
        }
        catch (Exception ex) when (ex is System.Management.Automation.RuntimeException or InvalidOperationException)
        {
            // The pool was broken already; there is nothing left to close.
        }
    });
}
