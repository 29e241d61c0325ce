using System.Reflection;
using System.Runtime.InteropServices;
using ChatOps.Commands.Replies;
using ChatOps.Commands.Routing;

namespace ChatOps.Commands.Builtin;

/// <summary><c>version</c>: product version and runtime, for bug reports.</summary>
internal sealed class VersionHandler : ICommandHandler
{
    public static readonly CommandDefinition Definition = new()
    {
        Name = "version",
        Summary = "Show the bot's version and runtime.",
        Usage = "version",
    };

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken cancellationToken)
    {
        var entry = Assembly.GetEntryAssembly() ?? typeof(VersionHandler).Assembly;
        var version = entry.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? entry.GetName().Version?.ToString() ?? "unknown";
        var facts = new List<Fact>
        {
            new("ChatOps", version.Split('+')[0]),
            new("Runtime", RuntimeInformation.FrameworkDescription),
            new("OS", RuntimeInformation.OSDescription),
        };
        return Task.FromResult(new Reply { Heading = "Version", Blocks = [new FactsBlock(facts)] });
    }
}
