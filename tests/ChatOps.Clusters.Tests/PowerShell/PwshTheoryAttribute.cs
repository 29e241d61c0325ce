namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>A theory that needs a working pwsh; skipped (with the reason in the test output) where pwsh cannot start.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PwshTheoryAttribute : TheoryAttribute
{
    public PwshTheoryAttribute()
    {
        if (Pwsh.Path is null)
        {
            Skip = Pwsh.UnavailableReason;
        }
    }
}
