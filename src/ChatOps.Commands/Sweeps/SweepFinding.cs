namespace ChatOps.Commands.Sweeps;

/// <summary>A finding as stored with a sweep, keyed so the next sweep can tell new from cleared.</summary>
public sealed record SweepFinding(string CheckId, string Subject, string Severity, string Evidence, string KbId)
{
    /// <summary>Identity across sweeps: the same check on the same subject.</summary>
    public string Key => $"{CheckId}|{Subject}";
}
