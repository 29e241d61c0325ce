using System.Collections.Concurrent;
using System.Management.Automation.Runspaces;

namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>
/// Called from PowerShell inside test endpoints: counts a function's runs, and holds a run in a .NET
/// wait that PowerShell's stop cannot end (as a wedged WMI or cluster call holds a node's runspace)
/// until the test releases it. Keeps the runspaces the runs were in.
/// </summary>
public static class SessionProbe
{
    private static int _runs;
    private static ManualResetEventSlim _release = new(false);
    private static ConcurrentQueue<Runspace> _runspaces = new();

    public static int Runs => Volatile.Read(ref _runs);

    /// <summary>The runspaces runs were in that are not closed yet.</summary>
    public static int OpenRunspaces => Volatile.Read(ref _runspaces).Count(runspace => runspace.RunspaceStateInfo.State is not (RunspaceState.Closed or RunspaceState.Broken));

    public static void Reset()
    {
        Release();
        Volatile.Write(ref _runs, 0);
        Volatile.Write(ref _release, new ManualResetEventSlim(false));
        Volatile.Write(ref _runspaces, new ConcurrentQueue<Runspace>());
    }

    public static int Run()
    {
        Volatile.Read(ref _runspaces).Enqueue(Runspace.DefaultRunspace);
        return Interlocked.Increment(ref _runs);
    }

    /// <summary>Waits until released; two minutes at most, so a failed test never holds a thread for good.</summary>
    public static void Hang()
    {
        Run();
        Volatile.Read(ref _release).Wait(TimeSpan.FromMinutes(2));
    }

    public static void Release() => Volatile.Read(ref _release).Set();
}
