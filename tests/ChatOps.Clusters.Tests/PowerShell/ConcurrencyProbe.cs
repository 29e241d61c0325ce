namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>Called from PowerShell inside test endpoints to count how many calls run at once.</summary>
public static class ConcurrencyProbe
{
    private static int _now;
    private static int _peak;

    public static int Peak => Volatile.Read(ref _peak);

    public static void Reset()
    {
        Volatile.Write(ref _now, 0);
        Volatile.Write(ref _peak, 0);
    }

    public static void Enter()
    {
        var now = Interlocked.Increment(ref _now);
        int peak;
        while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
        {
        }
    }

    public static void Exit() => Interlocked.Decrement(ref _now);
}
