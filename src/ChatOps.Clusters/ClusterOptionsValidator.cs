using ChatOps.Clusters.Lab;
using ChatOps.Clusters.Events;
using Microsoft.Extensions.Options;

namespace ChatOps.Clusters;

/// <summary>Stops start-up with the key's name when <c>ChatOps:Cluster</c> is wrong.</summary>
internal sealed class ClusterOptionsValidator : IValidateOptions<ClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterOptions options)
    {
        var problems = new List<string>();
        var backend = options.Backend?.Trim() ?? string.Empty;
        if (!backend.Equals(ClusterOptions.LabBackend, StringComparison.OrdinalIgnoreCase) &&
            !backend.Equals(ClusterOptions.PowerShellBackend, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{ClusterOptions.Section}:Backend is '{options.Backend}'; use 'Lab' or 'PowerShell'.");
        }

        if (options.NodeTimeout <= TimeSpan.Zero || options.NodeTimeout > TimeSpan.FromMinutes(5))
        {
            problems.Add($"{ClusterOptions.Section}:NodeTimeout is {options.NodeTimeout}; use a duration between 00:00:00.001 and 00:05:00.");
        }

        if (options.DiagnoseEventWindow < TimeSpan.FromMinutes(1) || options.DiagnoseEventWindow > EventSources.MaxWindow)
        {
            problems.Add($"{ClusterOptions.Section}:DiagnoseEventWindow is {options.DiagnoseEventWindow}; use a duration between 00:01:00 and {EventSources.MaxWindow.TotalDays:0}.00:00:00.");
        }

        if (options.LabFile is { Length: > 0 } file && !LabLoader.IsEmbedded(file) && !File.Exists(file))
        {
            problems.Add($"{ClusterOptions.Section}:LabFile '{file}' is neither an embedded lab ({string.Join(", ", LabLoader.Embedded)}) nor a file that exists.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
