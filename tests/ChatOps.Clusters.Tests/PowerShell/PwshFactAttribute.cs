using ChatOps.Clusters.Fakes;

namespace ChatOps.Clusters.Tests.PowerShell;

/// <summary>A fact that needs a working pwsh; skipped (with the reason in the test output) where pwsh cannot start.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PwshFactAttribute : FactAttribute
{
    public PwshFactAttribute()
    {
        if (Pwsh.Path is null)
        {
            Skip = Pwsh.UnavailableReason;
        }
    }
}
