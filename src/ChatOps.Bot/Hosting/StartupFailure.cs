using Microsoft.Extensions.Options;

namespace ChatOps.Bot.Hosting;

/// <summary>Turns a start-up exception into the one line an operator needs, or null when it is a bug.</summary>
internal static class StartupFailure
{
    public static string? Describe(Exception exception) => exception switch
    {
        StartupException e => e.Message,
        OptionsValidationException e => "Configuration error: " + string.Join(" ", e.Failures),
        InvalidOperationException e when e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) =>
            "Configuration error: " + e.Message + (e.InnerException is null ? string.Empty : " " + e.InnerException.Message),
        // Start-up validation reports each failing options validator once per use: one line per distinct problem.
        AggregateException e => e.InnerExceptions.Select(Describe).ToList() is var lines && lines.Count > 0 && lines.All(l => l is not null)
            ? string.Join(Environment.NewLine, lines.Distinct(StringComparer.Ordinal))
            : null,
        _ => null,
    };
}
