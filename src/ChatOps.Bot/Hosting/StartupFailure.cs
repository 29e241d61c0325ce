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
        AggregateException { InnerExceptions.Count: 1 } e => Describe(e.InnerExceptions[0]),
        _ => null,
    };
}
