namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>Called from PowerShell inside test endpoints: counts a function's runs.</summary>
public static class SessionProbe
{
    private static int _runs;

    public static int Runs => Volatile.Read(ref _runs);

    public static void Reset() => Volatile.Write(ref _runs, 0);

    public static int Run() => Interlocked.Increment(ref _runs);
}
