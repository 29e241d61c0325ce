using System.Management.Automation.Runspaces;
using ChatOps.Clusters.PowerShell.Sessions;

namespace ChatOps.Clusters.Tests.PowerShell.Jea;

/// <summary>
/// An endpoint whose ChatOps functions are given as script text, for testing the session mechanics
/// (timeouts, output limits, pooling, slow opens) apart from what the real functions do. Counts the pools it makes.
/// </summary>
internal sealed class ScriptedEndpoint(IReadOnlyDictionary<string, string> functions, TimeSpan? openDelay = null) : IRunspacePoolFactory
{
    private int _created;

    public int PoolsCreated => _created;

    public List<RunspacePool> Pools { get; } = [];

    public RunspacePool Create(string computer, int maxRunspaces)
    {
        Interlocked.Increment(ref _created);
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule("Microsoft.PowerShell.Utility");
        // Only the functions given: never the ChatOpsJea module that PSModulePath may offer by auto-loading.
        state.Variables.Add(new SessionStateVariableEntry("PSModuleAutoLoadingPreference", System.Management.Automation.PSModuleAutoLoadingPreference.None, "Test endpoint"));
        if (openDelay is { } delay)
        {
            // A startup script runs while the pool opens: a slow endpoint (a logon, a module import).
            var script = Path.Combine(Path.GetTempPath(), $"chatops-slow-open-{Guid.NewGuid():N}.ps1");
            File.WriteAllText(script, $"Start-Sleep -Milliseconds {(int)delay.TotalMilliseconds}");
            state.StartupScripts.Add(script);
        }

        foreach (var (name, body) in functions)
        {
            state.Commands.Add(new SessionStateFunctionEntry(name, body));
        }

        var pool = RunspaceFactory.CreateRunspacePool(state);
        pool.SetMaxRunspaces(maxRunspaces);
        lock (Pools)
        {
            Pools.Add(pool);
        }

        return pool;
    }
}
