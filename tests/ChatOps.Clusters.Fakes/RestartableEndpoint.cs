using System.Management.Automation.Runspaces;
using ChatOps.Clusters.PowerShell.Sessions;

namespace ChatOps.Clusters.Fakes;

/// <summary>
/// An in-process endpoint seen as a node's WinRM service sees the bot: it can restart (every pool it
/// made is closed under its calls), and it counts the pools still open, as a node counts
/// the bot's shells against the PowerShell plugin's <c>MaxShellsPerUser</c> (25 by default, and a shell
/// abandoned on a timeout counts until it is closed: shared POWERSHELL-FACTS, "WinRM quotas"; a remote
/// runspace pool is one shell). Difference from WinRM: a remote pool learns of a restart only when it
/// next talks to the node, while an in-process pool reads Closed at once; so
/// <see cref="RestartAfterNextOpen"/> puts the restart between a pool's open and its first pipeline,
/// where the call can only learn of it as its pipeline starts.
/// </summary>
internal sealed class RestartableEndpoint(IRunspacePoolFactory inner) : IRunspacePoolFactory
{
    private readonly Lock _gate = new();
    private readonly List<RunspacePool> _pools = [];
    private int _restartsAfterOpen;
    private int _openPools;
    private int _peakPools;

    public int PoolsCreated
    {
        get
        {
            lock (_gate)
            {
                return _pools.Count;
            }
        }
    }

    /// <summary>Pools made and not yet closed (a broken pool counts as closed).</summary>
    public int OpenPools => Read(ref _openPools);

    /// <summary>The most pools open at once; each holds at most the runspaces it was made for.</summary>
    public int PeakOpenPools => Read(ref _peakPools);

    /// <summary>The next pool made is closed as soon as it has opened.</summary>
    public void RestartAfterNextOpen()
    {
        lock (_gate)
        {
            _restartsAfterOpen++;
        }
    }

    /// <summary>Closes every pool made so far; a pipeline running in one is stopped.</summary>
    public void Restart()
    {
        RunspacePool[] pools;
        lock (_gate)
        {
            pools = [.. _pools];
        }

        foreach (var pool in pools)
        {
            pool.Close();
        }
    }

    public RunspacePool Create(string computer, int maxRunspaces)
    {
        var pool = inner.Create(computer, maxRunspaces);
        bool restartAfterOpen;
        lock (_gate)
        {
            _pools.Add(pool);
            restartAfterOpen = _restartsAfterOpen > 0;
            _restartsAfterOpen -= restartAfterOpen ? 1 : 0;
            Count(ref _openPools, ref _peakPools, 1);
        }

        var closed = 0;
        pool.StateChanged += (_, e) =>
        {
            var state = e.RunspacePoolStateInfo.State;
            if (state == RunspacePoolState.Opened && restartAfterOpen)
            {
                pool.Close();
            }
            else if (state is RunspacePoolState.Closed or RunspacePoolState.Broken && Interlocked.Exchange(ref closed, 1) == 0)
            {
                Count(ref _openPools, ref _peakPools, -1);
            }
        };
        return pool;
    }

    private void Count(ref int open, ref int peak, int change)
    {
        lock (_gate)
        {
            open += change;
            peak = Math.Max(peak, open);
        }
    }

    private int Read(ref int value)
    {
        lock (_gate)
        {
            return value;
        }
    }
}
